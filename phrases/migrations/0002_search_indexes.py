"""PostgreSQL only: the trigram extension the phrase search uses for typos (see 0004
for its indexes). SQLite searches in Python."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class PostgresOnlyTrigramExtension(TrigramExtension):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class Migration(migrations.Migration):
    dependencies = [("phrases", "0001_initial")]

    operations = [
        PostgresOnlyTrigramExtension(),
    ]
