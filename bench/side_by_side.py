"""The intranet on SQLite and on PostgreSQL, side by side in one run: each database gets the
demo trust, the site is served by gunicorn with the production settings (2 workers), a teacher
signs in, and every page below is requested over 1 and then 8 keep-alive connections for a
few seconds. Prints p50, p99 and requests/s per page and connection count, and the queries a
warm request of each page runs, so that a change can be compared in one run.

    .venv/bin/python bench/side_by_side.py [--seconds 8] [--databases sqlite,postgres]

PostgreSQL: a database `lte_bench_sbs` on 127.0.0.1, dropped and made again (BENCH_PG_URL).
Each connection is a process of its own (no GIL between them); they share the machine's cores
with the server, as wrk would. Reference (performance.md, same machine class): bakerydemo's
blog index p50 38 ms at one connection, its home page 39 requests/s at 8."""

import argparse
import http.client
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORT = 8131
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/lte_bench_sbs")
USER = "teacher.coppice"
PASSWORD = "side-by-side-bench-only"  # noqa: S105 - a throwaway demo database
PAGES = {
    "home": "/",
    "group page": "/groups/maths/",
    "news": "/news/",
    "hub": "/hub/",
    "hub search": "/hub/?q=fractions",
    "search": "/search/?q=phonics",
    "resource": None,  # the first resource the hub lists
    "download": None,
    "policies": "/policies/",
}


def sign_in():
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", "/accounts/login/")
    answer = conn.getresponse()
    html = answer.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", answer.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode(
        {"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "Referer": f"http://127.0.0.1:{PORT}/accounts/login/",
    }
    conn.request("POST", "/accounts/login/", body, headers)
    answer = conn.getresponse()
    answer.read()
    session = re.search(r"sessionid=([^;]+)", answer.getheader("Set-Cookie", ""))
    if answer.status != 302 or not session:
        sys.exit(f"sign-in failed: {answer.status}")
    return f"csrftoken={csrf}; sessionid={session.group(1)}"


def hammer(args):
    """One keep-alive connection requesting `path` until `until`: the latencies in ms."""
    path, cookie, until = args
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    times = []
    while time.time() < until:
        start = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": cookie})
        answer = conn.getresponse()
        answer.read()
        if answer.status != 200:
            raise SystemExit(f"{path} answered {answer.status}")
        times.append((time.perf_counter() - start) * 1000)
    return times


def load(path, cookie, connections, seconds, pool):
    until = time.time() + seconds
    results = pool.map(hammer, [(path, cookie, until)] * connections)
    times = sorted(t for r in results for t in r)
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    return statistics.median(times), p99, len(times) / seconds


def count_queries(env, paths):
    """{path: queries} of a warm request by the same teacher, counted in a process of its own."""
    script = (
        "import json, sys, django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='127.0.0.1'); c.force_login(get_user_model().objects.get(username=sys.argv[1]))\n"
        "out = {}\n"
        "for p in sys.argv[2:]:\n"
        "    seen = []\n"
        "    c.get(p)\n"
        "    with connection.execute_wrapper(lambda ex, s, *a: seen.append(s) or ex(s, *a)):\n"
        "        r = c.get(p); b''.join(getattr(r, 'streaming_content', [b'']))\n"
        "    out[p] = len(seen) if r.status_code == 200 else f'{r.status_code}!'\n"
        "print(json.dumps(out))\n"
    )
    env = dict(env, SECURE_SSL_REDIRECT="0")
    done = subprocess.run(
        [PY, "-c", script, USER, *paths], env=env, cwd=ROOT, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {}


def run(database, seconds, pool):
    with serve.production(database, PORT, PASSWORD, workers=2, pg_url=PG_URL) as env:
        cookie = sign_in()
        pages = dict(PAGES)
        conn = http.client.HTTPConnection("127.0.0.1", PORT)
        conn.request("GET", "/hub/", headers={"Cookie": cookie})
        found = re.search(r'href="(/hub/\d+-[\w-]+/)"', conn.getresponse().read().decode())
        pages["resource"] = found.group(1)
        pages["download"] = found.group(1) + "download/"
        queries = count_queries(env, list(pages.values()))
        rows = []
        for name, path in pages.items():
            load(path, cookie, 1, 1, pool)  # warm the processes' caches
            one = load(path, cookie, 1, seconds, pool)
            eight = load(path, cookie, 8, seconds, pool)
            rows.append((name, queries.get(path, "?"), one, eight))
            print(
                f"{database:9} {name:11} {queries.get(path, '?'):>3}  "
                f"{one[0]:7.1f} {one[1]:7.1f} {one[2]:7.1f}   "
                f"{eight[0]:7.1f} {eight[1]:7.1f} {eight[2]:7.1f}",
                flush=True,
            )
        return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    print(
        f"{'database':9} {'page':11} {'q':>3}  {'1 conn: p50':>11} {'p99':>7} {'req/s':>7}   "
        f"{'8 conn: p50':>11} {'p99':>7} {'req/s':>7}   (ms)"
    )
    results = {}
    with multiprocessing.Pool(8) as pool:
        for database in args.databases.split(","):
            results[database] = run(database, args.seconds, pool)
    if {"sqlite", "postgres"} <= results.keys():
        print("\nPostgreSQL / SQLite, p50 at one connection:")
        for (name, _q, lite, _e), (_n, _q2, pg, _e2) in zip(
            results["sqlite"], results["postgres"], strict=True
        ):
            print(f"  {name:11} {pg[0] / lite[0]:.2f}x")


if __name__ == "__main__":
    main()
