"""Search result types and the filters a search is asked with (no database access here)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

PER_PAGE = 20
MAX_PAGES = 50
FACET_LIMIT = 12
FILTERS = [
    ("type", "Content type"),
    ("rtype", "Resource type"),
    ("group", "Working group"),
    ("ks", "Key stage / year"),
    ("school", "School"),
    ("tag", "Tag"),
    ("date", "Date"),
]
FILTER_LABELS = dict(FILTERS)
DATE_BUCKETS = [("week", "Past week", 7), ("month", "Past month", 31), ("year", "Past year", 366)]
KIND_LABELS = {
    "resource": "Resource",
    "policy": "Policy",
    "news": "News",
    "event": "Event",
    "page": "Page",
}
RESOURCE_ONLY = ("rtype", "ks", "tag")


# --- parameters and results -----------------------------------------------------------------
@dataclass
class Filters:
    type: str = ""
    rtype: str = ""
    group: str = ""
    ks: str = ""
    school: str = ""
    tag: str = ""
    date: str = ""

    @classmethod
    def from_querydict(cls, data):
        values = {}
        for key, _ in FILTERS:
            value = (data.get(key) or "").strip()[:80]
            if value:
                values[key] = value
        if values.get("type") not in KIND_LABELS:
            values.pop("type", None)
        if values.get("date") not in {b[0] for b in DATE_BUCKETS}:
            values.pop("date", None)
        return cls(**values)

    def active(self):
        return {key: getattr(self, key) for key, _ in FILTERS if getattr(self, key)}

    def without(self, key):
        values = self.active()
        values.pop(key, None)
        return Filters(**values)


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    obj: object = None
    date: object = None
    school: str = ""
    groups: list = field(default_factory=list)
    resource_type: str = ""
    key_stages: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    snippet: str = ""
    matched_in: str = ""
    title_html: str = ""
    file_type: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, "Page")


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    key: str
    label: str
    values: list


@dataclass
class Results:
    query: str
    hits: list
    total: int
    facets: list
    page: int = 1
    per_page: int = PER_PAGE
    mode: str = "all"
    suggestion: str = ""
    # A misspelt word found nothing: these are the results for this corrected query instead.
    corrected: str = ""
    relax: list = field(default_factory=list)
    engine: str = ""
    # Elasticsearch/OpenSearch could not be reached: these came from the database's index.
    fallback: bool = False
    # More matches than were counted: `total` and the facet counts cover the best `total`.
    capped: bool = False

    @property
    def total_label(self):
        return f"{self.total:,}+" if self.capped else f"{self.total:,}"

    @property
    def counted_label(self):
        return f"{self.total:,}"

    @property
    def num_pages(self):
        return max(1, min(MAX_PAGES, -(-self.total // self.per_page)))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1

    # The pager template's names (it also pages Django's Page objects).
    @property
    def number(self):
        return self.page

    @property
    def paginator(self):
        return self

    @property
    def has_other_pages(self):
        return self.num_pages > 1

    def previous_page_number(self):
        return self.page - 1

    def next_page_number(self):
        return self.page + 1

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1 if self.total else 0


def date_cutoff(bucket):
    days = {b[0]: b[2] for b in DATE_BUCKETS}[bucket]
    return timezone.now() - datetime.timedelta(days=days)
