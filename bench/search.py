"""Unified search benchmark: p50/p95 of typical staff queries through search.engine, with and
without facets, and the same full-text query written directly in SQL as the floor.

    .venv/bin/python bench/search.py                      # SQLite 10k, 20k; PostgreSQL 10k, 100k
    .venv/bin/python bench/search.py --backend sqlite --sizes 10000 20000 [--runs 5]
    PG_URL=postgres://postgres@127.0.0.1:5432 .venv/bin/python bench/search.py --backend postgres

Each backend runs in its own process and throwaway database: migrations, the demo trust
(`load_demo_trust`, for real schools, groups, users and pages), then N resources generated with
realistic text (title, description, tags, metadata and ~300 words of "extracted file text"),
bulk-inserted together with their index entries (written straight into Wagtail's index tables,
in the same shape Wagtail's database backend writes them). Queries run as a teacher, so the
visibility rules apply. Sizes grow in place: 10k is measured, then topped up to the next size.
Each figure is a whole `engine.search()`: the statement, the re-ranking, loading the page of
hits with their snippets and labelling the facets. On PostgreSQL with the RUM extension the
engine is measured twice, with RUM and as a server without it would run (GIN only).
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pgadmin import PG_URL, pg_admin, pg_reachable  # noqa: E402 (bench/ is on sys.path)

QUERIES = [
    "phonics planning year 1",
    "SEND policy",
    "moderation writing KS2",
    "safeguarding",
    "fractions",
    "times tables",
    "reading",
    "maths",
    "assessment tracker",
    "behaviour",
    "EHCP annual review",
    "place value year 3",
    "online safety",
    "spelling",
    "handwriting",
    "risk assessment",
    "continuous provision",
    "grammar worksheets",
    "calculation policy",
    "attendance",
    "dyslexia",
    "learning journey",
    "minutes",
    "variation theory",
    "year 6",
    "sensory circuit",
    "INSET",
    "scratch programming",
    "guided reading",
    "baseline",
]
FACETED = {
    "SEND policy": {"type": "resource"},
    "reading": {"ks": "KS1"},
    "maths": {"group": "maths"},
    "minutes": {"school": "coppice"},
}

TOPICS = [
    ("phonics", "literacy", ["KS1", "Y1", "Y2"]),
    ("fractions", "maths", ["KS2", "Y4"]),
    ("place value", "maths", ["KS2", "Y3"]),
    ("times tables", "maths", ["KS2", "Y4"]),
    ("reading fluency", "literacy", ["KS2"]),
    ("guided reading", "literacy", ["KS2"]),
    ("spelling", "literacy", ["KS2", "Y5"]),
    ("handwriting", "literacy", ["KS1"]),
    ("writing moderation", "literacy", ["KS2", "Y6"]),
    ("grammar", "year-6", ["Y6"]),
    ("SEND support", "send", ["whole-school"]),
    ("sensory circuit", "send", ["whole-school"]),
    ("EHCP annual review", "send", ["whole-school"]),
    ("dyslexia", "send", ["whole-school"]),
    ("continuous provision", "eyfs", ["EYFS"]),
    ("learning journey", "eyfs", ["EYFS"]),
    ("reception baseline", "eyfs", ["EYFS"]),
    ("online safety", "ict", ["KS1", "KS2"]),
    ("scratch programming", "ict", ["KS2"]),
    ("SATs revision", "year-6", ["Y6"]),
    ("safeguarding", "headteachers-forum", ["whole-school"]),
    ("attendance", "headteachers-forum", ["whole-school"]),
    ("behaviour", "headteachers-forum", ["whole-school"]),
    ("calculation", "maths", ["KS2"]),
    ("variation theory", "maths", ["KS2"]),
]
KINDS = [
    "planning",
    "worksheet",
    "assessment tracker",
    "policy",
    "presentation",
    "template",
    "scheme of work",
    "minutes",
    "CPD slides",
    "guidance",
]
WORDS = (  # noqa: SIM905 - a readable word list
    "pupils children teachers lesson objective assessment progress learning support staff "
    "school trust planning review evidence outcomes intervention group class year term week "
    "reading writing maths number calculation fractions phonics sounds graphemes vocabulary "
    "spelling grammar punctuation sentence paragraph inference retrieval comprehension "
    "fluency handwriting science history geography computing music art design technology "
    "physical education safeguarding wellbeing attendance behaviour inclusion SEND SENCO "
    "provision plan parents carers governors moderation standard expected greater depth "
    "working towards curriculum knowledge skills sequence unit scheme resource worksheet "
    "homework marking feedback questioning modelling scaffold challenge mastery reasoning "
    "problem solving times tables multiplication division addition subtraction place value "
    "measurement geometry statistics algebra ratio EYFS reception nursery play outdoor "
    "baseline development matters transition secondary residential risk online safety "
    "passwords digital devices policy procedure training CPD INSET leadership improvement"
).split()


def _english():
    from faker.providers.lorem.en_US import Provider

    words = list(Provider.word_list)
    random.Random(7).shuffle(words)
    return words


ENGLISH = _english()
ENGLISH_WEIGHTS = [1.0 / (i + 1) ** 0.8 for i in range(len(ENGLISH))]
SCHOOL_WEIGHTS = [1.0 / (i + 1) ** 1.1 for i in range(len(WORDS))]


def zipf_words(rng, n):
    """Words of a school document: mostly everyday English (~1,000 words, Zipf-distributed,
    shuffled so that frequency is not alphabetical), some school vocabulary."""
    school = max(1, n // 7)
    out = rng.choices(ENGLISH, weights=ENGLISH_WEIGHTS, k=n - school)
    out += rng.choices(WORDS, weights=SCHOOL_WEIGHTS, k=school)
    rng.shuffle(out)
    return out


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


# --- data generation (runs inside a configured Django process) ---------------------------------
def generate(start, count, seed=1):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from taggit.models import Tag
    from wagtail.models import Collection

    from hub.models import KeyStage, Resource, ResourceType
    from pages.models import SchoolPage, WorkingGroupPage

    rng = random.Random(seed + start)
    schools = list(SchoolPage.objects.values_list("pk", flat=True))
    groups = {g.slug: g.pk for g in WorkingGroupPage.objects.all()}
    stages = {k.code: k.pk for k in KeyStage.objects.all()}
    types = list(ResourceType.objects.values_list("pk", flat=True))
    tags = {}
    for name in {t[0] for t in TOPICS} | set(KINDS):
        tag, _ = Tag.objects.get_or_create(
            name=name.lower(), defaults={"slug": name.lower().replace(" ", "-")}
        )
        tags[name] = tag.pk
    ct = ContentType.objects.get_for_model(Resource).pk
    collection = Collection.get_first_root_node().pk
    rows, m2m_g, m2m_k, tagged = [], [], [], []
    first_id = (Resource.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for i in range(count):
        topic, group, ks = rng.choice(TOPICS)
        kind = rng.choice(KINDS)
        year = rng.choice(["", " Year 1", " Year 3", " Year 4", " Year 6", " KS1", " KS2"])
        title = f"{topic.capitalize()} {kind}{year} {start + i}"
        description = f"{topic.capitalize()} {kind} for{year or ' the trust'}: " + " ".join(
            zipf_words(rng, 20)
        )
        text = " ".join(zipf_words(rng, 300)) + f" {topic} {kind} {topic}"
        visibility = rng.choices(["trust", "school", "restricted"], [80, 15, 5])[0]
        rows.append(
            Resource(
                title=title,
                file="resources/bench/shared.pdf",
                description=description,
                extracted_text=text,
                subject=group,
                school_id=rng.choice(schools),
                resource_type_id=rng.choice(types),
                visibility=visibility,
                file_type="pdf",
                collection_id=collection,
                preview_status="none",
            )
        )
    with transaction.atomic():
        created = Resource.objects.bulk_create(rows, batch_size=2000)
        for r in created:
            topic = next(t for t in TOPICS if r.title.lower().startswith(t[0].lower()))
            if topic[1] in groups:
                m2m_g.append(
                    Resource.working_groups.through(
                        resource_id=r.pk, workinggrouppage_id=groups[topic[1]]
                    )
                )
            for code in topic[2]:
                if code in stages:
                    m2m_k.append(
                        Resource.key_stages.through(resource_id=r.pk, keystage_id=stages[code])
                    )
            tagged.append(Resource.tags.through(content_object=r, tag_id=tags[topic[0]]))
            kind = next((k for k in KINDS if k in r.title), None)
            if kind:
                tagged.append(Resource.tags.through(content_object=r, tag_id=tags[kind]))
        Resource.working_groups.through.objects.bulk_create(m2m_g, batch_size=5000)
        Resource.key_stages.through.objects.bulk_create(m2m_k, batch_size=5000)
        Resource.tags.through.objects.bulk_create(tagged, batch_size=5000)
        last_id = created[-1].pk
        # Spread upload dates over four years (bulk_create stamps them all "now").
        spread = (
            "created_at - ((id %% 1500) || ' days')::interval"
            if connection.vendor == "postgresql"
            else "datetime(created_at, '-' || (id %% 1500) || ' days')"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE hub_resource SET created_at = {spread} WHERE id BETWEEN %s AND %s",
                [first_id, last_id],
            )
        # Index entries, straight into Wagtail's tables (what its backend writes on save):
        # title; tags, description, subject and file text in the body; title for autocomplete.
        tag_text = (
            "(SELECT string_agg(t.name, ' ') FROM taggit_taggeditem ti JOIN taggit_tag t "
            "ON t.id = ti.tag_id WHERE ti.content_type_id = %s AND ti.object_id = r.id)"
            if connection.vendor == "postgresql"
            else "(SELECT group_concat(t.name, ' ') FROM taggit_taggeditem ti JOIN taggit_tag t "
            "ON t.id = ti.tag_id WHERE ti.content_type_id = %s AND ti.object_id = r.id)"
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, "
                    "autocomplete, body, title_norm, title_text, body_text) "
                    "SELECT %s, r.id::text, setweight(to_tsvector('english', r.title), 'A'), "
                    "to_tsvector('simple', r.title), "
                    f"setweight(to_tsvector('english', coalesce({tag_text}, '')), 'A') || "
                    "setweight(to_tsvector('english', r.description), 'B') || "
                    "setweight(to_tsvector('english', r.subject), 'C') || "
                    "setweight(to_tsvector('english', r.extracted_text), 'D'), 1.0, r.title, "
                    "r.description || ' ' || r.subject || ' ' || r.extracted_text "
                    "FROM hub_resource r WHERE r.id BETWEEN %s AND %s",
                    [ct, ct, first_id, last_id],
                )
            else:
                cursor.execute(
                    "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, "
                    "autocomplete, body, title_norm) "
                    "SELECT %s, CAST(r.id AS text), r.title, r.title, "
                    f"coalesce({tag_text}, '') || ' ' || r.description || ' ' || r.subject || "
                    "' ' || r.extracted_text, 1.0 "
                    "FROM hub_resource r WHERE r.id BETWEEN %s AND %s",
                    [ct, ct, first_id, last_id],
                )
    with connection.cursor() as cursor:
        # As autovacuum would in time: statistics, and the visibility map that lets the
        # per-row permission check answer from its index alone.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


# --- measuring ----------------------------------------------------------------------------
def measure(engine, user, runs):
    from search.engine import Filters

    out, capped = {}, set()
    for label, facets in (("no facets", False), ("facets", True)):
        times = []
        for _ in range(runs):
            for q in QUERIES:
                filters = Filters(**FACETED.get(q, {})) if facets else Filters()
                t0 = time.perf_counter()
                results = engine.search(user, q, filters, with_facets=facets)
                times.append((time.perf_counter() - t0) * 1000)
                if results.capped:
                    capped.add(q)
        out[label] = times
    out["floor SQL"] = floor_sql(runs)
    out["capped"] = len(capped)
    return out


def floor_sql(runs):
    """The same full-text query, top 20 by rank, hand-written: no visibility, no facets."""
    from django.db import connection

    from search.query import ParsedQuery

    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            for q in QUERIES:
                parsed = ParsedQuery(q)
                t0 = time.perf_counter()
                if connection.vendor == "postgresql":
                    cursor.execute(
                        "SELECT id FROM wagtailsearch_indexentry WHERE (title || body) @@ "
                        "to_tsquery('english', %s) ORDER BY ts_rank(title || body, "
                        "to_tsquery('english', %s)) DESC LIMIT 20",
                        [parsed.tsquery(), parsed.tsquery()],
                    )
                else:
                    cursor.execute(
                        "SELECT rowid FROM wagtailsearch_indexentry_fts WHERE "
                        "wagtailsearch_indexentry_fts MATCH %s ORDER BY "
                        "bm25(wagtailsearch_indexentry_fts) LIMIT 20",
                        [parsed.fts5()],
                    )
                cursor.fetchall()
                times.append((time.perf_counter() - t0) * 1000)
    return times


def run_one(backend, sizes, runs):
    keep = os.environ.get("BENCH_KEEP")  # a folder: keep the SQLite file there for profiling
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="search-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    dbname = None
    if backend == "postgres":
        dbname = f"lte_search_bench_{uuid.uuid4().hex[:8]}"
        pg_admin(f'CREATE DATABASE "{dbname}"')
        os.environ["DATABASE_URL"] = f"{PG_URL}/{dbname}"
        os.environ["SEARCH_BACKEND"] = "postgres"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ["SEARCH_BACKEND"] = "database"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DEMO_PASSWORD", uuid.uuid4().hex)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
    try:
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection

        from hub.models import Resource
        from search.engine import PostgresEngine, get_engine

        call_command("migrate", verbosity=0)
        call_command("load_demo_trust", quiet=True)
        user = get_user_model().objects.get(username="teacher.coppice")
        engine = get_engine("database")
        engines = [engine]
        if engine.name == "postgres" and engine.rum:
            # The same engine as a server without the RUM extension would run it.
            engines.append(PostgresEngine(rum=False))
        have = Resource.objects.count()
        for size in sizes:
            t0 = time.perf_counter()
            while have < size:
                step = min(10000, size - have)
                generate(have, step)
                have += step
            built = time.perf_counter() - t0
            for eng in engines:
                eng.search(user, "warm up")
                results = measure(eng, user, runs)
                variant = {None: "", True: " + RUM", False: " (GIN only)"}[
                    getattr(eng, "_rum", None)
                ]
                print(
                    f"{eng.name}{variant} {size:>7,} resources (built in {built:.0f} s), "
                    f"{len(QUERIES)} queries x {runs} runs, as a teacher "
                    f"({results.pop('capped')} of {len(QUERIES)} queries over the "
                    f"{eng.CAP:,}-match cap):"
                )
                for label, times in results.items():
                    print(
                        f"    {label:<10} p50 {statistics.median(times):7.1f} ms   "
                        f"p95 {pct(times, 0.95):7.1f} ms   max {max(times):7.1f} ms"
                    )
                sys.stdout.flush()
        connection.close()
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
        if dbname and not keep:
            pg_admin(f'DROP DATABASE IF EXISTS "{dbname}"')
        elif dbname:
            print(f"kept PostgreSQL database {dbname}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["all", "sqlite", "postgres"], default="all")
    parser.add_argument("--sizes", type=int, nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.backend != "all":
        default = [10000, 20000] if args.backend == "sqlite" else [10000, 100000]
        run_one(args.backend, sorted(args.sizes or default), args.runs)
        return
    backends = ["sqlite"] + (["postgres"] if pg_reachable() else [])
    for backend in backends:
        cmd = [sys.executable, __file__, "--backend", backend, "--runs", str(args.runs)]
        if args.sizes:
            cmd += ["--sizes", *map(str, args.sizes)]
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
