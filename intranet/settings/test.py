"""Test settings: the same stack as production with fast hashing and in-process tasks."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Extraction inline (no child process) except in the tests of the hard limit.
HUB_EXTRACT_HARD_TIMEOUT = 0

# Off in the suite: embedding every page the fixtures publish would slow every test; the
# semantic tests (tests/search/test_semantic*.py) switch it on.
SEARCH_SEMANTIC = False
