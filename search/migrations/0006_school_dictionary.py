"""Seeds the school dictionary (search/dictionary.py) as Synonym rows: acronyms and their long
forms, applied to every query. Rows the trust has already (same terms) are left as they are,
and unapplying removes only rows still exactly as seeded."""

from django.db import migrations

from search.dictionary import ACRONYMS


def seed(apps, schema_editor):
    Synonym = apps.get_model("intranet_search", "Synonym")
    for terms, note in ACRONYMS:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    Synonym = apps.get_model("intranet_search", "Synonym")
    for terms, note in ACRONYMS:
        Synonym.objects.filter(terms=terms, note=note).delete()


class Migration(migrations.Migration):
    dependencies = [("intranet_search", "0005_side_table_labels")]
    operations = [migrations.RunPython(seed, unseed)]
