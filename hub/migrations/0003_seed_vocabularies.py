from django.db import migrations

RESOURCE_TYPES = [
    ("policy", "Policy"),
    ("planning", "Planning"),
    ("scheme-of-work", "Scheme of work"),
    ("assessment", "Assessment"),
    ("training-cpd", "Training / CPD"),
    ("presentation", "Presentation"),
    ("worksheet", "Worksheet"),
    ("template", "Template"),
    ("minutes", "Minutes"),
    ("other", "Other"),
]
KEY_STAGES = [
    ("EYFS", "EYFS"),
    ("KS1", "Key stage 1"),
    ("KS2", "Key stage 2"),
    ("Y1", "Year 1"),
    ("Y2", "Year 2"),
    ("Y3", "Year 3"),
    ("Y4", "Year 4"),
    ("Y5", "Year 5"),
    ("Y6", "Year 6"),
    ("whole-school", "Whole school"),
]


def seed(apps, schema_editor):
    ResourceType = apps.get_model("hub", "ResourceType")
    KeyStage = apps.get_model("hub", "KeyStage")
    for order, (slug, name) in enumerate(RESOURCE_TYPES):
        ResourceType.objects.update_or_create(
            slug=slug, defaults={"name": name, "sort_order": order * 10}
        )
    for order, (code, name) in enumerate(KEY_STAGES):
        KeyStage.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_resource_metadata")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
