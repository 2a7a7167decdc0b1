"""Settings for refpain: one module, read from the environment with safe local defaults."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Only a local, debugging run may fall back to a key that is public in the source.
SECRET_KEY = os.environ.get("SECRET_KEY") or ("insecure-local-development-key" if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for a local run).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# Reverse proxies in front of the server: their X-Forwarded-For and X-Forwarded-Proto are trusted.
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))

# HTTPS hardening, on by default outside DEBUG. TLS usually ends at a proxy in front: it must set
# X-Forwarded-Proto, and NUM_PROXIES must count it. SECURE_SSL_REDIRECT=0 serves plain HTTP (the
# benchmark on loopback does).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers check health over plain HTTP on the private side: a redirect would read as down.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Without a proxy, any client could send X-Forwarded-Proto: https and pass for a secure request.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if NUM_PROXIES > 0 else None
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "refpain.http.errors.csrf_failure"  # the error shape, not Django's HTML page

# Content-Security-Policy (django-csp): everything from this server, no inline script at all.
# Inline <style> blocks (the API docs page, the condition page) carry the request's nonce;
# swagger-ui.css draws its icons as data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): no page here needs a device or sensor.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

INSTALLED_APPS = [
    # First, so that its runserver (JSON error answers) wins over the staticfiles app's.
    "refpain",
    # Before the admin, as it asks: the knowledge's texts in each language (conditions/translation.py).
    "modeltranslation",
    "curation.admin_app.ClinicianAdminConfig",  # Django's admin, with the clinicians' home page
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "knox",
    "django_filters",
    "simple_history",
    "axes",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "conditions",
    "curation",
    "assessments",
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "refpain.http.csp.SettingsPolicyCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "refpain.http.language.LanguageMiddleware",
    "refpain.http.throttling.RateLimitHeadersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "refpain.http.middleware.DatabaseUnavailableMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first, so repeated failed logins lock the account out before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # lock a username from the address guessing it
AXES_RESET_ON_SUCCESS = True
# The client behind NUM_PROXIES proxies, by the same rule as the rate limits: not the proxy itself.
AXES_CLIENT_IP_CALLABLE = "refpain.http.throttling.client_address"


def env_days(name: str, default: int) -> int:
    days = int(os.environ.get(name, str(default)))
    if days < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number of days, 1 or more.")
    return days


# Retention (manage.py purge_expired). A stored assessment is health data: kept a year, long enough to
# bring a result to a follow-up and to compare a recurrence with the first episode, and no longer.
ASSESSMENT_RETENTION_DAYS = env_days("ASSESSMENT_RETENTION_DAYS", 365)
# Erasing an account needs its password, or a token issued this many minutes ago at most (a fresh sign-in).
ERASURE_SIGN_IN_MINUTES = int(os.environ.get("ERASURE_SIGN_IN_MINUTES", "5"))
# Lock-out records (username, address, time) outlive their one-hour lock-out only so that a password-
# guessing campaign can be looked into afterwards; a month is enough for that.
LOCKOUT_RETENTION_DAYS = env_days("LOCKOUT_RETENTION_DAYS", 30)

ROOT_URLCONF = "refpain.urls"
WSGI_APPLICATION = "refpain.wsgi.application"
ASGI_APPLICATION = "refpain.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of installed apps' templates (the API docs page).
        "DIRS": [BASE_DIR / "refpain" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL selects PostgreSQL (postgres://…); without it, a SQLite file beside manage.py.
# Connections persist across requests (checked before reuse, so a restarted server is picked up).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Seconds to wait for PostgreSQL to take a connection, and to answer a query (0: no limit), before the
# request answers 503: a hung server must not hang every request with it.
DB_CONNECT_TIMEOUT = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
DB_QUERY_TIMEOUT = float(os.environ.get("DB_QUERY_TIMEOUT", "5"))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Django's backend on connections that stop waiting for a server that does not answer (refpain/db/).
    DATABASES["default"]["ENGINE"] = "refpain.db"
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["connect_timeout"] = DB_CONNECT_TIMEOUT
    if DB_QUERY_TIMEOUT:
        # The server stops a query itself after this long; the backend gives up a second later.
        timeout = f"-c statement_timeout={int(DB_QUERY_TIMEOUT * 1000)}"
        options["options"] = f"{options.get('options', '')} {timeout}".strip()

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The test database is a file rather than in memory, so the browser tests' live server thread
    # gets a connection of its own.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a check: told of every password change, it revokes the account's API tokens.
    {"NAME": "refpain.passwords.TokensEndWithPassword"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
# The languages the knowledge is written in: English, the source, and each language it is translated into.
# A client chooses with Accept-Language or ?lang= (refpain/http/language.py); a text not yet translated is
# served in English, and the record says so.
LANGUAGES = [("en", "English"), ("tr", "Türkçe")]
# Where a request names no country: whose emergency number and route to urgent care the advice names.
DEFAULT_COUNTRY = os.environ.get("DEFAULT_COUNTRY", "GB").upper()
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# A record made from its English texts (a fixture, a new record) gets them in its English columns as well.
MODELTRANSLATION_AUTO_POPULATE = "default"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT") or None  # only needed to collectstatic for another server
# WhiteNoise serves the admin's and the API docs' files straight from the installed apps, so no
# collectstatic step is needed and nothing comes from a CDN.
WHITENOISE_USE_FINDERS = True

# A shared cache (Redis) keeps rate limits per client across gunicorn workers; without REDIS_URL,
# each process counts on its own, so several workers together allow several times the limit.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Seconds to wait for Redis before a read goes unlimited and a write answers 503.
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
# Where answers too big for each worker's memory (the exports) are kept, once per node (refpain/http/answer_files.py).
ANSWER_FILES_DIR = os.environ.get("ANSWER_FILES_DIR") or os.path.join(
    tempfile.gettempdir(), f"refpain-answers-{os.getuid()}"
)

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered knowledge responses, keyed by knowledge version, release and the parameters that
    # change the answer: in each process's memory, bounded by bytes (a response can be a few bytes
    # or the whole export), as they are cheap to rebuild and a new version makes old keys unreachable.
    "knowledge": {
        "BACKEND": "refpain.http.caching.ByteBoundedCache",
        "LOCATION": "knowledge",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_BYTES": int(os.environ.get("KNOWLEDGE_CACHE_BYTES", str(64 * 1024 * 1024)))},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # An assessment id is the only key to an anonymous assessment: no log line keeps one.
    "filters": {"redact_ids": {"()": "privacy.logs.RedactIdsFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_ids"]}},
    # Server errors go to the console (and so to gunicorn's log), with their traceback.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# A record's history keeps why it changed: the change request, who approved it, the author's reason and the
# reviewer's note, in full (a text field rather than simple_history's default 100 characters).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

REST_FRAMEWORK = {
    # Mobile apps and researchers speak JSON only.
    "DEFAULT_RENDERER_CLASSES": ["refpain.http.renderers.FastJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["refpain.http.parsers.SafeJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "refpain.http.parsers.StrictContentNegotiation",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Mobile apps sign in with a token (POST /api/v1/auth/token/); the browsable admin uses sessions.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "refpain.http.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Anyone may read the knowledge; writing happens in the admin.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "refpain.http.pagination.KnowledgePagination",
    # Counted atomically in the shared cache (refpain/http/throttling.py): anonymous clients by address,
    # signed-in users by account.
    "DEFAULT_THROTTLE_CLASSES": ["refpain.http.throttling.AnonThrottle", "refpain.http.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "600/minute"),
        "user": os.environ.get("API_USER_RATE", "1200/minute"),
        # Posting assessments costs more than reading: a separate, per-client limit.
        "assessments": os.environ.get("ASSESSMENT_RATE", "30/minute"),
        # An interview asks about ten questions for each assessment it leads to.
        "interview": os.environ.get("INTERVIEW_RATE", "300/minute"),
        # Password guessing: attempts per client address, before any lock-out of an account.
        "sign_in": os.environ.get("SIGN_IN_RATE", "5/minute"),
        # Revoking one's own tokens: never starved by the sign-in attempts of one's address.
        "sign_out": os.environ.get("SIGN_OUT_RATE", "60/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "refpain.http.schema.ProjectAutoSchema",
    "EXCEPTION_HANDLER": "refpain.http.errors.api_exception_handler",
    # No ?format= switching: the API speaks JSON only.
    "URL_FORMAT_OVERRIDE": None,
    # Client addresses for rate limits: trust X-Forwarded-For only from this many proxies in front.
    "NUM_PROXIES": NUM_PROXIES,
}

# API tokens (django-rest-knox): only a hash is stored; a token expires TOKEN_TTL_HOURS after sign-in,
# and clients send it as 'Authorization: Token <token>'.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=float(os.environ.get("TOKEN_TTL_HOURS", "720"))),
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "refpain API",
    "DESCRIPTION": "Clinical knowledge about pain referred into the hip, groin and thigh.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Interactive docs served from our own static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SourceKindEnum": "conditions.vocabulary.SourceKind.choices",
        "TreatmentKindEnum": "conditions.vocabulary.TreatmentKind.choices",
        "ExerciseKindEnum": "conditions.vocabulary.ExerciseKind.choices",
        "CriterionKindEnum": "conditions.vocabulary.CriterionKind.choices",
        "TriageLevelEnum": "conditions.vocabulary.TriageLevel.choices",
        "ProvenanceEnum": "conditions.vocabulary.Provenance.choices",
        "EvidenceProvenanceEnum": ["study", "curator_estimate", "engine_rule"],
        "ConditionCategoryEnum": "conditions.vocabulary.ConditionCategory.choices",
        "ModifierKindEnum": "conditions.vocabulary.ModifierKind.choices",
        "ConditionRoleEnum": "conditions.vocabulary.ConditionRole.choices",
        "AssessmentRequestSexEnum": ["female", "male", "other"],
        "SideEnum": ["left", "right", "both"],  # an assessment finding's side
        "BodySideEnum": "conditions.vocabulary.BodySide.choices",  # a side of the body on the body map
        "QuestionKindEnum": ["symptom", "sensory", "self_check", "test", "checklist"],  # an interview question
    },
}

# Seconds a public cache may reuse a knowledge response before revalidating it with its ETag.
KNOWLEDGE_CACHE_MAX_AGE = int(os.environ.get("KNOWLEDGE_CACHE_MAX_AGE", "300"))
# Seconds a worker may answer knowledge reads with the version it read last, without asking the
# database again (0: ask on every request). Assessments always read the current version.
KNOWLEDGE_VERSION_TTL = float(os.environ.get("KNOWLEDGE_VERSION_TTL", "1"))

# Aggregate statistics of stored assessments never show a count below this (k-anonymity of cells).
STATISTICS_MIN_COUNT = int(os.environ.get("STATISTICS_MIN_COUNT", "10"))
# How long the weekly counts are kept once made (they read every stored assessment): a new assessment shows in
# them at most this many seconds later.
STATISTICS_CACHE_SECONDS = int(os.environ.get("STATISTICS_CACHE_SECONDS", "60"))
if STATISTICS_MIN_COUNT < 2:
    raise ImproperlyConfigured("STATISTICS_MIN_COUNT must be 2 or more.")

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
# A browser app may send an Idempotency-Key with an assessment, and read whether its answer was a replay.
CORS_ALLOW_HEADERS = (*default_headers, "idempotency-key")
CORS_EXPOSE_HEADERS = ["Idempotent-Replayed", "Location", "Retry-After"]

CORS_URLS_REGEX = r"^/api/.*$"
