"""The models and content types search spans, looked up lazily (hub is an app above pages),
and the per-database memo of which search tables exist."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page

from pages.models import EventPage, NewsArticlePage

from ..models import Synonym


# --- models, content types ------------------------------------------------------------------
def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:  # an app that is not installed (yet)
        return None


def resource_model():
    return _model("hub.Resource")


def page_kind(model):
    label = model._meta.label_lower
    if label == "policies.policypage":
        return "policy"
    if label == "pages.newsarticlepage":
        return "news"
    if label == "pages.eventpage":
        return "event"
    return "page"


def page_content_types():
    """{content type id: kind} for every concrete page model."""
    models = [m for m in apps.get_models() if issubclass(m, Page)]
    cts = ContentType.objects.get_for_models(*models)
    return {cts[m].pk: page_kind(m) for m in models}


def resource_ct():
    return ContentType.objects.get_for_model(resource_model()).pk


SYNONYMS_KEY = "search:synonym-groups"


def synonym_groups():
    """The trust's synonyms and dictionary, read once and kept in the cache until one changes
    (every search parses its words against them, several times)."""
    groups = cache.get(SYNONYMS_KEY)
    if groups is None:
        groups = [s.term_list() for s in Synonym.objects.all()]
        cache.set(SYNONYMS_KEY, groups, 3600)
    return groups


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(**kwargs):
    cache.delete(SYNONYMS_KEY)


def dictionary_words():
    """Every word of the trust's synonyms and acronyms: never "corrected" into another word."""
    return {word for group in synonym_groups() for term in group for word in term.split()}


def tables():
    """Table names the SQL statements join (pages, and the hub's resource link tables)."""
    Resource = resource_model()
    t = {
        "news": NewsArticlePage._meta.db_table,
        "event": EventPage._meta.db_table,
        "page": Page._meta.db_table,
    }
    if Resource is not None:
        t.update(
            resource=Resource._meta.db_table,
            ks=Resource.key_stages.through._meta.db_table,
            wg=Resource.working_groups.through._meta.db_table,
            tag=Resource.tags.through._meta.db_table,
        )
    return t


READY = {}


def tables_ready(names):
    """Whether this database has the search tables (a database built without migrations, e.g.
    by a benchmark, has not); remembered per database."""
    key = (connection.vendor, connection.settings_dict.get("NAME"), names)
    if key not in READY:
        tables = set(connection.introspection.table_names())
        READY[key] = all(name in tables for name in names)
    return READY[key]
