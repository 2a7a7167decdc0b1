"""The health endpoint for load balancers and monitors: is the database reachable?"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from refpain.errors import RETRY_AFTER_SECONDS, method_not_allowed


# It changes nothing, so any other method is told so with a JSON 405, never a CSRF 403.
@csrf_exempt
@never_cache
def healthz(request):
    """200 when the database answers, 503 (with Retry-After) when it does not."""
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request, ["GET", "HEAD"])
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "down"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})
