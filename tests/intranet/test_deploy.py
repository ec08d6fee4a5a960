"""Deployment settings: production refuses SQLite, hashed static files, Redis cache and sessions
when REDIS_URL is set (tried against the Redis on 127.0.0.1:6379, db 2), request ids and JSON
logs."""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

from intranet.logs import JsonFormatter, RequestIdFilter

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")


def production_settings(**env):
    """The production settings module, imported in a fresh interpreter with `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ALLOW_SQLITE", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update({"SECRET_KEY": "x" * 50, **env})
    code = (
        "import json, intranet.settings.production as s;"
        "print(json.dumps({'static': s.STORAGES['staticfiles']['BACKEND'],"
        " 'cache': s.CACHES['default']['BACKEND'] if hasattr(s, 'CACHES') else None,"
        " 'session': s.SESSION_ENGINE, 'format': s.LOG_FORMAT}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=60
    )


def test_production_refuses_sqlite_unless_allowed():
    refused = production_settings()
    assert refused.returncode != 0
    assert "ALLOW_SQLITE" in refused.stderr
    allowed = production_settings(ALLOW_SQLITE="1")
    assert allowed.returncode == 0, allowed.stderr
    facts = json.loads(allowed.stdout)
    assert facts["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert facts["format"] == "json"
    assert facts["cache"] is None


def test_production_on_postgres_with_redis_uses_it_for_cache_and_sessions():
    answer = production_settings(
        DATABASE_URL="postgres://u@127.0.0.1:5432/x", REDIS_URL="redis://127.0.0.1:6379/2"
    )
    assert answer.returncode == 0, answer.stderr
    facts = json.loads(answer.stdout)
    assert facts["cache"] == "intranet.cache.MemoisingRedisCache"
    assert facts["session"] == "django.contrib.sessions.backends.cached_db"


def redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_sessions_live_in_redis_when_configured(db, client, make_user):
    redis_cache = {
        "default": {
            "BACKEND": "intranet.cache.MemoisingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lte-test",
        }
    }
    with override_settings(CACHES=redis_cache):
        caches["default"].clear()
        client.force_login(make_user("teacher.redis"))
        assert client.get("/").status_code == 200
        key = client.session.session_key
        assert caches["default"].get(f"django.contrib.sessions.cached_db{key}") is not None
        caches["default"].clear()
    caches["default"].close()


def test_every_response_carries_a_request_id(db, client, make_user):
    client.force_login(make_user("teacher.ids"))
    fresh = client.get("/healthz")
    assert len(fresh["X-Request-ID"]) == 32
    given = client.get("/healthz", headers={"X-Request-ID": "proxy-abc-12345"})
    assert given["X-Request-ID"] == "proxy-abc-12345"
    refused = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert refused["X-Request-ID"] != "<script>"


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("hub", logging.WARNING, __file__, 1, "Stuck %s", ("x",), None)
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Stuck x"
    assert line["level"] == "WARNING"
    assert line["request_id"] == "-"


def test_gunicorn_hides_the_preloaded_app_from_the_collector_and_workers_collect():
    import gc
    import runpy

    enabled = gc.isenabled()
    try:
        config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
        assert not gc.isenabled() and config["preload_app"]
        config["pre_fork"](None, None)
        assert gc.get_freeze_count() > 0
        config["post_fork"](None, None)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        (gc.enable if enabled else gc.disable)()
