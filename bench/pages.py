"""Trust page timings: p50/p95 and queries per request for the main page types, over the demo
trust in a throwaway SQLite database. Run: `.venv/bin/python bench/pages.py [--requests N]`.

Compare with performance.md: bakerydemo's /blog/ p50 41 ms and a post 36 ms at 1 connection."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="lte-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{workdir}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ["DEBUG"] = "0"
os.environ.setdefault("DEMO_PASSWORD", "bench-password-not-published")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PATHS = [
    "/",
    "/schools/",
    "/schools/coppice/",
    "/groups/",
    "/groups/maths/",
    "/groups/maths/calculation-policy/",
    "/news/",
    "/events/",
    "/events/this-month/",
    "/events/feed/",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    print(f"Building the demo trust in {workdir} ...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo_trust", quiet=True)
    client = Client()
    client.force_login(get_user_model().objects.get(username="teacher.coppice"))
    print(f"{'path':38} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for path in PATHS:
        client.get(path)  # warm caches
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"{path:38} {statistics.median(timings):8.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
