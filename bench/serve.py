"""The production setup on this machine, for the benchmarks: a fresh database (SQLite file or
PostgreSQL) with the demo trust, gunicorn with the production settings, Redis for the cache
and sessions, and optionally the task worker. Used by bench/side_by_side.py and bench/load.py.

    with serve.production("postgres", port=8131, password="...", workers=2, worker=True):
        ...  # http://127.0.0.1:8131 answers, signed-in staff use `password`
"""

import contextlib
import http.client
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def environment(database, workdir, port, password, workers, pg_url, threads=None):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings.production",
        SECRET_KEY="bench-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        REQUIRE_2FA="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        MEDIA_ROOT=str(workdir / "media"),
        # Production's cache: Redis (sessions, the Site, browse answers), under a key prefix of
        # this run's own so that nothing is read from another run or database.
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
        CACHE_KEY_PREFIX=f"bench-{database}-{time.time_ns()}",
        DEMO_PASSWORD=password,
        PORT=str(port),
    )
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    if threads:
        env["GUNICORN_THREADS"] = str(threads)
    if database == "postgres":
        env.update(DATABASE_URL=pg_url, SEARCH_BACKEND="postgres")
    else:
        env.update(DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}", ALLOW_SQLITE="1")
    return env


def prepare(database, env, pg_url):
    """A new database with the demo trust; its jobs (extraction, indexing) run as they are
    queued, so the site is complete before anything is timed."""
    if database == "postgres":
        import psycopg

        admin, name = pg_url.rsplit("/", 1)
        with psycopg.connect(admin + "/postgres", autocommit=True) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            pg.execute(f'CREATE DATABASE "{name}"')
    manage = [PY, str(ROOT / "manage.py")]
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL, "cwd": ROOT}
    subprocess.run([*manage, "migrate", "--noinput"], **quiet)
    subprocess.run([*manage, "collectstatic", "--noinput"], **quiet)
    inline = dict(env, TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend")
    subprocess.run([*manage, "load_demo_trust"], **dict(quiet, env=inline))
    if database == "postgres":  # what autovacuum does soon after a load this size
        subprocess.run([*manage, "dbshell", "--", "-c", "ANALYZE"], **quiet)


def wait_ready(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"the site did not answer on port {port}")


@contextlib.contextmanager
def production(database, port, password, workers=2, worker=False, pg_url=None, threads=None):
    pg_url = pg_url or os.environ.get(
        "BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/lte_bench"
    )
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{database}-"))
    env = environment(database, workdir, port, password, workers, pg_url, threads)
    print(f"== {database}: building the demo trust in a new database ...", flush=True)
    prepare(database, env, pg_url)
    out = {"env": env, "cwd": ROOT, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    commands = [[PY, "-m", "gunicorn", "intranet.wsgi", "--config", "gunicorn.conf.py"]]
    if worker:
        commands.append([PY, "manage.py", "db_worker", "--queue-name", "*", "--no-reload"])
    processes = [subprocess.Popen(command, **out) for command in commands]
    try:
        wait_ready(port)
        yield env
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
