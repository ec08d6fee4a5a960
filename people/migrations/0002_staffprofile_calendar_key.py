import secrets

from django.db import migrations, models

import people.models


def give_each_profile_its_own_key(apps, schema_editor):
    # AddField evaluates a callable default once for every existing row: draw one per profile.
    StaffProfile = apps.get_model("people", "StaffProfile")
    for profile in StaffProfile.objects.only("pk"):
        StaffProfile.objects.filter(pk=profile.pk).update(calendar_key=secrets.token_hex(16))


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="staffprofile",
            name="calendar_key",
            field=models.CharField(
                default=people.models.new_calendar_key, editable=False, max_length=32
            ),
        ),
        migrations.RunPython(give_each_profile_its_own_key, migrations.RunPython.noop),
    ]
