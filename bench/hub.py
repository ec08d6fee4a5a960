"""Resource hub benchmark: GET /hub/ (with and without filters, and a text search) and a
download, at 1k and 10k resources, in a throwaway SQLite file or PostgreSQL database.

    .venv/bin/python bench/hub.py [--runs 30] [--database sqlite|postgres] [--sizes 1000,10000]

Each URL is timed twice: "cold", the first request after a change to the hub (the browse
answer computed: hub/browse.py's one statement), and "warm", asked again with nothing changed
(the answer from hub/browse_cache.py; the rows shown are still fetched and checked).
Rows are made with bulk_create and share one small stored PDF, so building 10k takes seconds.
PostgreSQL: a database `lte_bench_hub` on 127.0.0.1 (override with BENCH_PG_URL), dropped and
made again each run."""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="hub-bench-"))
DATABASE = "postgres" if "postgres" in sys.argv else "sqlite"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/lte_bench_hub")
if DATABASE == "postgres":
    import psycopg

    name = PG_URL.rsplit("/", 1)[1]
    with psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = PG_URL
    os.environ["SEARCH_BACKEND"] = "postgres"
else:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORKDIR / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag, TaggedItem  # noqa: E402
from wagtail.models import Collection, Page, Site  # noqa: E402

from demo import samples  # noqa: E402
from hub import browse_cache  # noqa: E402
from hub.models import KeyStage, Resource, ResourceType  # noqa: E402
from pages.models import (  # noqa: E402
    HomePage,
    SchoolIndexPage,
    SchoolPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from people.models import StaffProfile  # noqa: E402

WORDS = [
    "fractions",
    "phonics",
    "reading",
    "writing",
    "science",
    "history",
    "geography",
    "art",
    "music",
    "computing",
    "assessment",
    "moderation",
    "planning",
    "safeguarding",
    "attendance",
    "wellbeing",
]


def build_schema():
    # Real migrations: they create Wagtail's FTS5 table and the search app's narrow side table
    # and triggers, so `?q=` is measured on the same engine as a real installation.
    call_command("migrate", verbosity=0, interactive=False)
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="home"))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    schools_index = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools"))
    groups_index = home.add_child(instance=WorkingGroupIndexPage(title="Groups", slug="groups"))
    schools = [
        schools_index.add_child(instance=SchoolPage(title=f"School {i}", slug=f"s{i}"))
        for i in range(11)
    ]
    groups = [
        groups_index.add_child(instance=WorkingGroupPage(title=f"Group {i}", slug=f"g{i}"))
        for i in range(7)
    ]
    for i, (slug, name) in enumerate(
        [
            ("planning", "Planning"),
            ("policy", "Policy"),
            ("worksheet", "Worksheet"),
            ("minutes", "Minutes"),
        ]
    ):
        ResourceType.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": i})
    for i, code in enumerate(["EYFS", "KS1", "KS2", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6"]):
        KeyStage.objects.get_or_create(code=code, defaults={"name": code, "sort_order": i})
    sencos = Group.objects.create(name="SENCOs")
    user = User.objects.create_user("bench.teacher", password="x")  # noqa: S106
    StaffProfile.objects.update_or_create(user=user, defaults={"school": schools[0]})
    user.groups.add(sencos)
    return user, schools, groups, sencos


def add_resources(start, stop, schools, groups, sencos, file_name):
    types = list(ResourceType.objects.all())
    stages = list(KeyStage.objects.all())
    now = timezone.now()
    rows = []
    for i in range(start, stop):
        visibility = ["trust", "trust", "school", "restricted"][i % 4]
        rows.append(
            Resource(
                title=f"{WORDS[i % len(WORDS)].title()} resource {i}",
                file=file_name,
                file_size=1000,
                file_hash=f"{i:040x}",
                file_type="pdf",
                description=f"About {WORDS[(i * 7) % len(WORDS)]} and {WORDS[(i * 3) % len(WORDS)]}",
                extracted_text=" ".join(WORDS[(i + k) % len(WORDS)] for k in range(60)),
                resource_type=types[i % len(types)],
                school=schools[i % len(schools)],
                visibility=visibility,
                preview_status="ready",
                download_count=i % 50,
                collection_id=Collection.get_first_root_node().pk,
                created_at=now - timezone.timedelta(hours=i),
            )
        )
    created = Resource.objects.bulk_create(rows, batch_size=1000)
    Through = Resource.working_groups.through
    Through.objects.bulk_create(
        [
            Through(resource_id=r.pk, workinggrouppage_id=groups[r.pk % len(groups)].pk)
            for r in created
        ],
        batch_size=2000,
    )
    StageThrough = Resource.key_stages.through
    StageThrough.objects.bulk_create(
        [
            StageThrough(resource_id=r.pk, keystage_id=stages[r.pk % len(stages)].pk)
            for r in created
        ],
        batch_size=2000,
    )
    Restricted = Resource.restricted_to.through
    Restricted.objects.bulk_create(
        [
            Restricted(resource_id=r.pk, group_id=sencos.pk)
            for r in created
            if r.visibility == "restricted"
        ],
        batch_size=2000,
    )
    tags = [Tag.objects.get_or_create(name=w, defaults={"slug": w})[0] for w in WORDS[:6]]
    ct = ContentType.objects.get_for_model(Resource)
    TaggedItem.objects.bulk_create(
        [TaggedItem(tag=tags[r.pk % len(tags)], content_type=ct, object_id=r.pk) for r in created],
        batch_size=2000,
    )
    return created


def fetch(client, url):
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)


def timed(client, url, runs, cold):
    """(p50, p95, queries): `cold` forgets the browse answers before each request."""
    fetch(client, url)
    if cold:
        browse_cache.bump()
    # Counted by a wrapper, not queries_log: each request ends by closing the connection.
    seen = []
    with connection.execute_wrapper(lambda ex, sql, *a: seen.append(sql) or ex(sql, *a)):
        fetch(client, url)
    times = []
    for _ in range(runs):
        if cold:
            browse_cache.bump()
        start = time.perf_counter()
        fetch(client, url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, len(seen)


def measure(client, url, runs):
    cold = timed(client, url, runs, cold=True)
    if "/download/" in url:
        return cold, cold
    return cold, timed(client, url, runs, cold=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--search-up-to", type=int, default=10_000, help="only benchmark ?q= up to this size"
    )
    args = parser.parse_args()
    user, schools, groups, sencos = build_schema()
    file_name = default_storage.save(
        "resources/bench/sample.pdf", ContentFile(samples.make_pdf("Bench", ["text"]))
    )
    client = Client()
    client.force_login(user)
    have = 0
    where = PG_URL if DATABASE == "postgres" else WORKDIR / "bench.sqlite3"
    print(f"{DATABASE}: {where}; {args.runs} runs per URL")
    print("cold: the first request after a change to the hub; warm: asked again unchanged")
    print(
        f"{'resources':>9}  {'request':<42} {'cold p50':>8} {'p95':>6} {'q':>3}"
        f"  {'warm p50':>8} {'p95':>6} {'q':>3}"
    )
    for size in [int(s) for s in args.sizes.split(",")]:
        add_resources(have, size, schools, groups, sencos, file_name)
        have = size
        if DATABASE == "postgres":
            # What autovacuum does within a minute of so many inserts: without statistics the
            # planner takes 10k rows for 17 and picks nested loops (seconds, not milliseconds).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        sample = Resource.objects.filter(visibility="trust").order_by("pk").first()
        urls = [
            "/hub/",
            "/hub/?page=3",
            f"/hub/?group={groups[1].slug}&key_stage=KS2&sort=downloads",
            f"/hub/?type=planning&school={schools[0].slug}&tag=reading",
            sample.get_download_url(),
        ]
        if size <= args.search_up_to:
            call_command("update_index", verbosity=0)
            urls.append("/hub/?q=fractions")
        for url in urls:
            (c50, c95, cq), (w50, w95, wq) = measure(client, url, args.runs)
            print(
                f"{size:>9}  {url:<42} {c50:>8.1f} {c95:>6.1f} {cq:>3}  {w50:>8.1f} {w95:>6.1f} {wq:>3}",
                flush=True,
            )
    if not args.keep:
        connection.close()
        shutil.rmtree(WORKDIR, ignore_errors=True)
        if DATABASE == "postgres":
            with psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as pg:
                pg.execute(f'DROP DATABASE IF EXISTS "{PG_URL.rsplit("/", 1)[1]}"')


if __name__ == "__main__":
    main()
