"""Each content package gets a stable key (its xAPI activity id): added empty, filled
with a fresh UUID per package, then made unique and required."""

import uuid

from django.db import migrations, models


def fill_keys(apps, schema_editor):
    ContentPackage = apps.get_model("packages", "ContentPackage")
    for package in ContentPackage.objects.filter(key__isnull=True).only("pk"):
        ContentPackage.objects.filter(pk=package.pk).update(key=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("packages", "0002_trainers_upload_packages")]

    operations = [
        migrations.AddField(
            model_name="contentpackage",
            name="key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="contentpackage",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False),
        ),
    ]
