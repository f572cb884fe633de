from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_golive_orgunit_closed_on"),
    ]

    operations = [
        migrations.AddField(
            model_name="importrun",
            name="content_sha256",
            field=models.CharField(blank=True, db_default="", default="", max_length=64),
        ),
        migrations.AddField(
            model_name="importrun",
            name="checked_rows",
            field=models.BinaryField(blank=True, db_default=b"", default=b""),
        ),
    ]
