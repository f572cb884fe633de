"""The trigram extension the phrase search uses for typos (see 0004 for its indexes)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("phrases", "0001_initial")]

    operations = [
        TrigramExtension(),
    ]
