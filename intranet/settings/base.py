"""Settings shared by every environment. Everything that differs between machines comes from
environment variables (see README "Configuration"); the defaults here are the embedded ones:
SQLite, local media/, Wagtail's database search backend."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "people",
    "pages",
    "policies",
    "search",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    # After wagtail.documents: its ready() replaces the stock document permission policy.
    "hub",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "intranet.csp.TrustCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The request's Wagtail Site from the cache (pages/navigation.py).
    "pages.navigation.CachedSiteMiddleware",
    # NUL bytes refused at the door; malformed values answer 400, never 500.
    "intranet.middleware.BadInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Private by default: every view needs a signed-in user unless it is marked
    # @login_not_required (login, password reset, /healthz).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # What the visibility rules know about the signed-in person, loaded once per request.
    "people.visibility.VisibilityMemoMiddleware",
    # The Wagtail admin beyond pages, choosers and uploads is for trust administrators.
    "people.admin_guard.AdminAreaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that lockouts are answered after authentication has been attempted.
    "axes.middleware.AxesMiddleware",
]

# Scripts, styles, images and fonts from this site only; nothing inline (intranet/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# No third-party requests: Wagtail's admin would otherwise load avatars from gravatar.com, sending
# a hash of every member of staff's email address out of the trust.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pages.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A 20 MB page cache per connection instead of SQLite's 2 MB: the hub's browse statement
    # reads every visible resource and its links, which at 10k no longer fit in 2 MB (filtered
    # browse 40 -> 26 ms of SQL, bench/hub.py).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["init_command"] = "PRAGMA cache_size=-20000"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # JIT compiles a plan on the fly once its estimated cost is high, which a search over a
    # large index always is: ~130 ms of compiling for a query that then runs in ~20 ms.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (_options.get("options", "") + " -c jit=off").strip()
    # Prepared statements: a query run a few times on a connection is planned once and then
    # only executed. Planning the page and visibility queries is most of their cost here
    # (~5 of 7 ms of SQL on the home page; bench/side_by_side.py). Needs server-side binding.
    # Behind a pooler that cannot keep them (PgBouncer older than 1.21 in transaction mode),
    # set DB_PREPARED_STATEMENTS=0.
    if env_bool("DB_PREPARED_STATEMENTS", True):
        _options["server_side_binding"] = True
        _options["prepare_threshold"] = int(os.environ.get("DB_PREPARE_THRESHOLD", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # django-axes first so that a locked-out account is refused before the password is checked.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
    # A second username for the same person (people.models.UsernameAlias).
    "people.backends.UsernameAliasBackend",
]
# Argon2id first (people/hashers.py says why); the others verify older hashes, upgraded on use.
PASSWORD_HASHERS = [
    "people.hashers.StaffArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
SESSION_COOKIE_HTTPONLY = True
# Sessions read from the cache, written through to the database (survive a cache restart).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = 60 * 60 * 12  # a school day and the evening's marking

# Lockout after repeated failed sign-ins (django-axes): 5 failures per username+IP locks that
# pair for 30 minutes; an administrator can lift it with `manage.py axes_reset`.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGE = os.environ.get("STORAGE", "local")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", "lte-intranet"),
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Private bucket: nothing is readable without a presigned URL, which the
            # download views issue only after the permission check.
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("S3_URL_EXPIRY_SECONDS", "60")),
            "file_overwrite": False,
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_URL = os.environ.get("EMAIL_URL", "console://")
if EMAIL_URL.startswith("console:"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_URL.startswith("locmem:"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
else:
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _email.scheme == "smtps"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "intranet@lte.education")


# Search: Wagtail 8 keeps its backends in `modelsearch`.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
SEARCH_URL = os.environ.get("SEARCH_URL", "")
_SEARCH_BACKENDS = {
    "database": "intranet.wagtail_search",
    "postgres": "intranet.wagtail_search",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "opensearch": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": _SEARCH_BACKENDS[SEARCH_BACKEND],
        "SEARCH_CONFIG": "english",
    }
}
if SEARCH_BACKEND not in {"database", "postgres"}:
    WAGTAILSEARCH_BACKENDS["default"].update(
        {"URLS": [SEARCH_URL], "INDEX": os.environ.get("SEARCH_INDEX", "lte"), "TIMEOUT": 10}
    )

# Meaning-based search (search/semantic): a local sentence-embedding model fused with the
# keyword ranking. SEARCH_SEMANTIC=0 switches it off; without the model installed it is off.
# Its numpy runs one BLAS thread per process (set here, before anything loads numpy): several
# processes share few cores, and more threads only made each embedding slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
SEARCH_SEMANTIC = os.environ.get("SEARCH_SEMANTIC", "1").lower() not in {"0", "false", "off", "no"}
# Cosine similarity below which a semantic neighbour is not a match.
SEARCH_SEMANTIC_MIN_SCORE = float(os.environ.get("SEARCH_SEMANTIC_MIN_SCORE", "0.3"))

WAGTAIL_SITE_NAME = "LTE Intranet"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "hub.Resource"
# Documents are never served straight from storage: every download goes through a view that
# checks who is asking (see hub/ and people/visibility.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_UPLOAD_MB", "50")) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
}

DEMO_PASSWORD_DEFAULT = "lte-demo-2026"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Resource hub (hub/) ---------------------------------------------------------------------
# File kinds accepted by /hub/share/ and import_resources, identified from the content (never the
# name); the upload's extension must agree with what the content turns out to be.
HUB_ALLOWED_TYPES = [
    "pdf",
    "docx",
    "pptx",
    "xlsx",
    "odt",
    "ods",
    "odp",
    "txt",
    "csv",
    "rtf",
    "png",
    "jpg",
]
# Text extraction is bounded so that one hostile or huge file cannot stall the worker:
HUB_EXTRACT_MAX_PAGES = int(os.environ.get("HUB_EXTRACT_MAX_PAGES", "200"))
HUB_EXTRACT_MAX_SECONDS = float(os.environ.get("HUB_EXTRACT_MAX_SECONDS", "20"))
HUB_EXTRACT_MAX_CHARS = 500_000  # what is kept in extracted_text and the search index
# Zip-based formats (docx, pptx, xlsx, odt...): refuse to open archives that would inflate past
# this, or that compress suspiciously well (zip bombs).
HUB_ZIP_MAX_UNCOMPRESSED = int(os.environ.get("HUB_ZIP_MAX_UNCOMPRESSED_MB", "200")) * 1024 * 1024
HUB_ZIP_MAX_RATIO = 200
HUB_ZIP_MAX_MEMBERS = 5000
HUB_PAGE_SIZE = 20
# Facet counts for a text query are computed over at most this many best matches.
HUB_SEARCH_FACET_LIMIT = 2000
# How long a browse answer (counts, page ids) may be reused; any change to the hub forgets it
# at once (hub/browse_cache.py). 0 turns the cache off.
HUB_BROWSE_CACHE_SECONDS = int(os.environ.get("HUB_BROWSE_CACHE_SECONDS", "120"))
# Admin uploads get the same content check, versions and text extraction as /hub/share/.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.admin_forms.AdminResourceForm"

# --- Two-factor sign-in, audit trail, resilience (issue 12: 4-6) ------------------------------
# Two-factor sign-in (people/twofactor.py): django-otp's authenticator-app (TOTP) and recovery
# code (static) devices. REQUIRE_2FA makes it compulsory for trust administrators, headteachers
# and everyone who may open Wagtail's admin; production turns it on.
INSTALLED_APPS += [  # noqa: F405 (kept beside the rest of this block for an easy merge)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("people.visibility.VisibilityMemoMiddleware") + 1,
    "people.twofactor.SecondFactorMiddleware",
)
REQUIRE_2FA = env_bool("REQUIRE_2FA", False)
# Audit trail (people/audit.py): entries recorded while serving a request name its user.
MIDDLEWARE.insert(
    MIDDLEWARE.index("people.twofactor.SecondFactorMiddleware") + 1,
    "people.audit.AuditContextMiddleware",
)
OTP_TOTP_ISSUER = "LTE Intranet"
# A wrong code doubles the wait before the next try on that device (django-otp's throttling),
# on top of django-axes counting it as a failed sign-in.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# --- Operations (ops): task worker, cache, request ids and JSON logs ---------------------------
# Background jobs (text extraction and previews, reminders, digests) are rows in the database
# (django-tasks-db), run by `manage.py db_worker` (`make worker`; `make run` starts one). Tests
# use the immediate backend (intranet/settings/test.py). TASKS_BACKEND may name another one.
INSTALLED_APPS += ["django_tasks_db", "intranet"]
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A failed job is queued again after 30 s, 2 min, ... (people/jobs.py); the failures stay listed
# under Reports › Background jobs with their reason.
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "3"))
TASKS_RETRY_BASE_SECONDS = 30
# Extraction runs in a child process killed after this many seconds (0: in the worker itself),
# with this much memory on top of what the worker maps.
HUB_EXTRACT_HARD_TIMEOUT = float(os.environ.get("HUB_EXTRACT_HARD_TIMEOUT", "60"))
HUB_EXTRACT_MAX_MEMORY_MB = int(os.environ.get("HUB_EXTRACT_MAX_MEMORY_MB", "1024"))
# A PDF preview is at most this many pixels (~1.2 A4 pages at 480 px wide, ~6 MB as RGBA);
# pages longer or wider than 20:1 get none.
HUB_PREVIEW_MAX_PIXELS = 800_000
HUB_PREVIEW_MAX_ASPECT = 20

# Redis, when REDIS_URL is set (redis://host:6379/0), holds the cache and so the sessions
# (cached_db above); otherwise each process has its own local-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, with a reused client and reads memoised per request.
            "BACKEND": "intranet.cache.MemoisingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lte"),
            "TIMEOUT": 300,
        }
    }

# Every log line carries the request id (X-Request-ID from the proxy, or a new one, echoed in
# the response). LOG_FORMAT=json (production's default) prints one JSON object a line.
MIDDLEWARE.insert(0, "intranet.logs.RequestIdMiddleware")
MIDDLEWARE.insert(1, "intranet.cache.CacheReadMemoMiddleware")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING["filters"] = {"request_id": {"()": "intranet.logs.RequestIdFilter"}}
LOGGING["formatters"] = {
    "json": {"()": "intranet.logs.JsonFormatter"},
    "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
}
LOGGING["handlers"]["console"].update(
    {"filters": ["request_id"], "formatter": "json" if LOG_FORMAT == "json" else "text"}
)

# Resilience (intranet/resilience.py, search/engine.py ResilientEngine): with S3 unreachable,
# uploads and downloads answer 503 and nothing is half-saved; with Elasticsearch/OpenSearch
# unreachable, search answers from the database's index, which Wagtail keeps beside the
# cluster's for that purpose, and says so.
MIDDLEWARE.append("intranet.resilience.StorageUnavailableMiddleware")
if SEARCH_BACKEND not in {"database", "postgres"}:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["fallback"] = {  # noqa: F405
        "BACKEND": "intranet.wagtail_search",
        "SEARCH_CONFIG": "english",
    }
if STORAGE == "s3":  # noqa: F405
    from botocore.config import Config as _BotoConfig

    # Fail within seconds when S3 is down instead of retrying for a minute.
    STORAGES["default"]["OPTIONS"]["client_config"] = _BotoConfig(  # noqa: F405
        connect_timeout=5, read_timeout=30, retries={"max_attempts": 2, "mode": "standard"}
    )
