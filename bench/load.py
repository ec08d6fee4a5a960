"""Monday 8:30 at the trust: N staff of different schools sign in at once, then browse home,
group pages, the hub with filters, search, and download resources, with 1-3 s of think time,
for a while. Prints two tables, each with requests/s, p50/p95/p99 per request type and the
errors: the sign-in rush (until every simulated person is signed in and has opened the hub),
then the browsing that follows (statistics reset once the last person is in). A sign-in is
bound by the password hash (PBKDF2, 1,000,000 rounds: ~0.3 s of one core by design), so the
rush is reported on its own rather than folded into the day's page times.

Locust is a dev extra (it brings gevent): `.venv/bin/pip install -e '.[load]'` (or
`.venv/bin/pip install locust==2.47.0`). `--serve postgres` builds the production setup of
docs/deploy.md on this machine first (a new PostgreSQL database with the demo trust, gunicorn
with the production settings, the task worker, Redis; bench/serve.py) and stops it after:

    .venv/bin/python bench/load.py --serve postgres --users 50 --seconds 60

or point it at a site already running, with the demo trust loaded:

    .venv/bin/python bench/load.py --host http://127.0.0.1:8102 --password "$DEMO_PASSWORD"

The demo trust has 32 staff accounts besides `admin`; with more simulated users than that,
accounts are shared (each simulated user still has its own session)."""

import argparse
import itertools
import os
import random
import re
import sys
import time
from pathlib import Path

try:
    import gevent
    from locust import HttpUser, between, events, task
    from locust.env import Environment
except ImportError:  # pragma: no cover - printed advice
    sys.exit("bench/load.py needs locust: .venv/bin/pip install -e '.[load]'")

SCHOOLS = [
    "coppice",
    "four-oaks",
    "hollyfield",
    "langley",
    "little-sutton",
    "moor-hall",
    "whitehouse-common",
    "court-farm",
    "the-deanery",
    "maney-hill",
    "wylde-green",
]
GROUPS = ["maths", "literacy", "send", "eyfs", "ict", "year-6"]
ACCOUNTS = (
    [f"teacher.{s}" for s in SCHOOLS]
    + [f"head.{s}" for s in SCHOOLS]
    + [f"lead.{g}" for g in GROUPS]
    + ["senco.langley", "dsl.coppice", "office.coppice"]
)
QUERIES = ["fractions", "phonics", "safeguarding", "assessment", "reading", "maths", "send"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RESOURCE = re.compile(r'href="(/hub/\d+-[\w-]+/)"')
FILTER = re.compile(r'href="(\?(?:[^"]*&amp;)?(?:type|group|key_stage|school|year)=[^"]*)"')

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve  # noqa: E402

_accounts = itertools.cycle(ACCOUNTS)
PASSWORD = ""
SIGNED_IN = 0


class Staff(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.username = next(_accounts)
        form = self.client.get("/accounts/login/", name="sign in (form)")
        token = CSRF.search(form.text)
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": self.host + "/accounts/login/"},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code == 302:
                answer.success()
            else:
                answer.failure(f"{self.username}: sign-in answered {answer.status_code}")
        hub = self.client.get("/hub/", name="hub")
        self.resources = sorted(set(RESOURCE.findall(hub.text))) or ["/hub/"]
        self.filters = sorted({f.replace("&amp;", "&") for f in FILTER.findall(hub.text)})
        global SIGNED_IN
        SIGNED_IN += 1

    @task(4)
    def home(self):
        self.client.get("/", name="home")

    @task(2)
    def group_page(self):
        self.client.get(f"/groups/{random.choice(GROUPS)}/", name="group page")

    @task(3)
    def hub_filtered(self):
        query = random.choice(self.filters) if self.filters else "?sort=new"
        self.client.get(f"/hub/{query}", name="hub with filters")

    @task(2)
    def search(self):
        self.client.get(f"/search/?q={random.choice(QUERIES)}", name="search")

    @task(1)
    def hub_search(self):
        self.client.get(f"/hub/?q={random.choice(QUERIES)}", name="hub search")

    @task(2)
    def resource(self):
        self.client.get(random.choice(self.resources), name="resource")

    @task(2)
    def download(self):
        self.client.get(random.choice(self.resources) + "download/", name="download")


def report(stats, seconds, title):
    print(f"\n{title} ({seconds:.0f} s)")
    print(
        f"{'request':22} {'count':>7} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>7}"
    )
    rows = sorted(stats.entries.values(), key=lambda e: e.name)
    for entry in [*rows, stats.total]:
        name = "all" if entry is stats.total else entry.name
        print(
            f"{name:22} {entry.num_requests:7d} {entry.num_requests / seconds:7.1f} "
            f"{entry.get_response_time_percentile(0.5):6.0f} "
            f"{entry.get_response_time_percentile(0.95):6.0f} "
            f"{entry.get_response_time_percentile(0.99):6.0f} {entry.num_failures:7d}"
        )
    print("(times in ms)")
    for error in stats.errors.values():
        print(f"error x{error.occurrences}: {error.method} {error.name}: {error.error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="http://127.0.0.1:8102")
    parser.add_argument("--password", help="the demo trust's DEMO_PASSWORD")
    parser.add_argument(
        "--serve", choices=["postgres", "sqlite"], help="build and serve the production setup"
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, help="gunicorn processes [gunicorn.conf.py]")
    parser.add_argument("--threads", type=int, help="threads a process [gunicorn.conf.py]")
    args = parser.parse_args()
    if args.serve:
        port = 8132
        password = "load-bench-only-" + str(os.getpid())
        with serve.production(
            args.serve, port, password, workers=args.workers, worker=True, threads=args.threads
        ):
            return simulate(args, f"http://127.0.0.1:{port}", password)
    if not args.password:
        parser.error("--password is needed with --host (or use --serve)")
    return simulate(args, args.host, args.password)


def simulate(args, host, password):
    global PASSWORD
    PASSWORD = password
    Staff.host = host
    environment = Environment(user_classes=[Staff], events=events)
    runner = environment.create_local_runner()
    started = time.monotonic()
    runner.start(args.users, spawn_rate=args.spawn_rate)
    print(f"{args.users} staff sign in at {host} ...", flush=True)
    while args.users > SIGNED_IN and time.monotonic() - started < 300:
        gevent.sleep(0.25)
    rush = time.monotonic() - started
    report(environment.stats, rush, f"Sign-in rush: {SIGNED_IN} of {args.users} staff signed in")
    failures = environment.stats.total.num_failures
    environment.stats.reset_all()
    print(f"\n... then they browse for {args.seconds} s", flush=True)
    gevent.sleep(args.seconds)
    runner.quit()
    report(environment.stats, args.seconds, f"Browsing: {args.users} signed-in staff")
    failures += environment.stats.total.num_failures
    return 1 if failures or args.users > SIGNED_IN else 0


if __name__ == "__main__":
    sys.exit(main())
