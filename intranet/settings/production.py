"""Production: everything from the environment; refuses to start without a secret key."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(__import__("os").environ.get("SECURE_HSTS_SECONDS", "3600"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# If collectstatic has not run, serve from the finders rather than answering 500 on every page.
WHITENOISE_USE_FINDERS = True
# Accounts that reach safeguarding and SEND documents sign in with a second factor.
REQUIRE_2FA = env_bool("REQUIRE_2FA", True)

# --- Operations (ops): deployment ------------------------------------------------------------
# A forgotten DATABASE_URL must not quietly run a trust on a file beside the code.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env_bool(  # noqa: F405
    "ALLOW_SQLITE", False
):
    raise ImproperlyConfigured(
        "Production needs DATABASE_URL (PostgreSQL); set ALLOW_SQLITE=1 to run on SQLite anyway."
    )
# Hashed names (cached for a year by browsers) and gzip/brotli copies made by collectstatic.
# Not strict: an asset missing from the manifest is served under its plain name (finders above)
# instead of turning every page into a 500.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
WHITENOISE_MANIFEST_STRICT = False
LOG_FORMAT = __import__("os").environ.get("LOG_FORMAT", "json")
LOGGING["handlers"]["console"]["formatter"] = "json" if LOG_FORMAT == "json" else "text"  # noqa: F405
