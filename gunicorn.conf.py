"""gunicorn settings for refpain; every value can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Two workers per core: requests wait on PostgreSQL about as long as they compute.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
# gunicorn's sync worker, answering the requests gunicorn itself refuses in the JSON error shape.
worker_class = "refpain.http.workers.JSONErrorWorker"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))  # recycle workers now and then
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("ACCESS_LOG")  # unset: no access log ('-' for stdout)
# Access and error lines with assessment ids redacted: an id is the key to someone's health data.
logger_class = "privacy.logs.RedactingLogger"
errorlog = "-"
# gunicorn's control socket (for gunicornc) is one path per user by default ($XDG_RUNTIME_DIR or
# ~/.gunicorn/gunicorn.ctl), so every instance on a host would fight over it: off, unless this instance is
# given a path of its own.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
# gunicorn itself takes X-Forwarded-Proto (and -Ssl, -Protocol) from loopback peers as proof of HTTPS.
# As with Django's SECURE_PROXY_SSL_HEADER, trust them only when a proxy in front is configured.
if int(os.environ.get("NUM_PROXIES", "0")) == 0:
    forwarded_allow_ips = ""


def on_starting(server):
    # Without a shared store each worker counts rate limits on its own: together they allow
    # workers times the limit.
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        server.log.warning(
            "%d workers and no REDIS_URL: each worker counts rate limits on its own, so clients get %d times "
            "the limits. Set REDIS_URL to share them.",
            server.cfg.workers,
            server.cfg.workers,
        )
