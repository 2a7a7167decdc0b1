"""The health endpoint for load balancers and monitors: is the database reachable, and Redis?"""

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from redis.exceptions import RedisError

from refpain.http.errors import RETRY_AFTER_SECONDS, method_not_allowed


def redis_status() -> str:
    """'ok', 'unavailable', or 'not configured' when limits are counted in each process's memory."""
    if not isinstance(caches["default"], RedisCache):
        return "not configured"
    try:
        caches["default"].get("healthz")  # one round trip
    except (RedisError, OSError):
        return "unavailable"
    return "ok"


# It changes nothing, so any other method is told so with a JSON 405, never a CSRF 403.
@csrf_exempt
@never_cache
def healthz(request):
    """200 when the database answers (status 'degraded' if Redis does not), 503 with Retry-After when it does not.

    Without Redis the service still serves every read and refuses only the writes that need the rate
    limiter, so taking it out of the load balancer would do more harm than good.
    """
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request, ["GET", "HEAD"])
    redis = redis_status()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "down", "redis": redis}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "degraded" if redis == "unavailable" else "ok", "database": "ok", "redis": redis})
