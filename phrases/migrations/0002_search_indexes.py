"""PostgreSQL only: the trigram extension and the two indexes the phrase search uses
(full-text over the stored base forms, trigrams for typos). SQLite searches in Python."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS phrase_lemmas_fts ON phrases_phrase "
    "USING gin (to_tsvector('simple', search_lemmas))",
    "CREATE INDEX IF NOT EXISTS phrase_lemmas_trgm ON phrases_phrase "
    "USING gin (search_lemmas gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS phrase_lemmas_fts",
    "DROP INDEX IF EXISTS phrase_lemmas_trgm",
]


class PostgresOnlyTrigramExtension(TrigramExtension):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("phrases", "0001_initial")]

    operations = [
        PostgresOnlyTrigramExtension(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
