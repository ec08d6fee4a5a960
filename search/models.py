"""Search's own tables: synonyms the trust edits and a log of what staff searched for.

The full-text index itself stays Wagtail's (modelsearch's IndexEntry tables); see engine.py."""

import re

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def normalise_query(text):
    """Lower case, words only, single spaces: the key under which queries are logged."""
    return " ".join(WORD_RE.findall((text or "").lower()))[:255]


class Synonym(models.Model):
    """Words and phrases that mean the same thing to staff, e.g. "maths, mathematics" or
    "KS2, key stage 2". A query containing any of them also finds the others."""

    terms = models.CharField(
        max_length=255,
        unique=True,
        help_text="Two or more words or phrases separated by commas, e.g. 'SENCo, SENCO, "
        "special educational needs coordinator'",
    )
    note = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def term_list(self):
        seen, out = set(), []
        for part in self.terms.split(","):
            norm = normalise_query(part)
            if norm and norm not in seen:
                seen.add(norm)
                out.append(norm)
        return out


register_snippet(Synonym)


class SearchLog(models.Model):
    """One row per normalised query per day: how often it was searched and how often it found
    nothing. Feeds the "Search terms" report in the admin."""

    query = models.CharField(max_length=255)
    day = models.DateField(default=timezone.localdate)
    hits = models.PositiveIntegerField(default=0)
    zero_hits = models.PositiveIntegerField(default=0)
    last_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_log_query_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.query} ({self.day})"

    @classmethod
    def record(cls, query, results, day=None):
        query = normalise_query(query)
        if not query:
            return
        row, _ = cls.objects.get_or_create(query=query, day=day or timezone.localdate())
        cls.objects.filter(pk=row.pk).update(
            hits=models.F("hits") + 1,
            zero_hits=models.F("zero_hits") + (0 if results else 1),
            last_results=results,
        )


class Term(models.Model):
    """Words that occur in the index (PostgreSQL only: kept by a trigger on modelsearch's
    IndexEntry, see migration 0001). SQLite reads FTS5's own vocabulary instead. Used for
    "did you mean"; a suggestion is only shown after it has been checked to find something
    the asking user may see."""

    word = models.CharField(max_length=40, primary_key=True)

    def __str__(self):
        return self.word


from .semantic.models import DocVector  # noqa: E402, F401 - registers the model
