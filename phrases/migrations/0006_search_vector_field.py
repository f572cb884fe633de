"""The stored search vector and both search indexes become model fields and indexes
(read through django.contrib.postgres.search), and every phrase's search terms are
computed again with Voikko's base forms and compound parts."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

DROP_RAW = [
    "DROP INDEX IF EXISTS phrase_search_term_trgm",
    "ALTER TABLE phrases_phrase DROP COLUMN IF EXISTS search_vector",
]


def reindex(apps, schema_editor):
    from phrases import gaps
    from phrases.lemmas import index_terms, language_of

    Phrase = apps.get_model("phrases", "Phrase")
    PhraseSearchTerm = apps.get_model("phrases", "PhraseSearchTerm")
    terms = set()
    for phrase in Phrase.objects.select_related("locale").iterator(chunk_size=500):
        try:
            body = gaps.parse(phrase.body).plain_text()
        except gaps.GapSyntaxError:
            body = phrase.body
        language = language_of(phrase.locale.language_code)
        lemmas = " ".join(index_terms(" ".join((phrase.code, phrase.title, body)), language))
        Phrase.objects.filter(pk=phrase.pk).update(search_lemmas=lemmas)
        terms.update(term[:100] for term in lemmas.split() if term.isalpha())
    PhraseSearchTerm.objects.bulk_create(
        [PhraseSearchTerm(term=term) for term in terms], ignore_conflicts=True
    )


class Migration(migrations.Migration):

    dependencies = [
        ("phrases", "0005_translations_sv_en"),
    ]

    operations = [
        migrations.RunSQL(DROP_RAW, migrations.RunSQL.noop),
        migrations.AddField(
            model_name="phrase",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector(
                    "search_lemmas", config="simple"
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="phrase",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="phrase_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="phrasesearchterm",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["term"], opclasses=["gin_trgm_ops"], name="phrase_search_term_trgm"
            ),
        ),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
