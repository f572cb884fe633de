"""The search vector weighs a word's own forms (A) above its compound parts and
derivation roots (B, a column of their own); each phrase keeps its copies by every unit
together, with an index that hands over live phrases most copied first; every phrase's
search terms are computed again."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models
from django.db.models import Sum


def reindex(apps, schema_editor):
    from phrases import gaps
    from phrases.lemmas import language_of, weighted_terms

    Phrase = apps.get_model("phrases", "Phrase")
    PhraseSearchTerm = apps.get_model("phrases", "PhraseSearchTerm")
    PhraseCopyCount = apps.get_model("phrases", "PhraseCopyCount")
    totals = dict(
        PhraseCopyCount.objects.values("phrase_id")
        .annotate(total=Sum("count"))
        .values_list("phrase_id", "total")
    )
    terms = set()
    for phrase in Phrase.objects.select_related("locale").iterator(chunk_size=500):
        try:
            body = gaps.parse(phrase.body).plain_text()
        except gaps.GapSyntaxError:
            body = phrase.body
        own, relatives = weighted_terms(
            " ".join((phrase.code, phrase.title, body)), language_of(phrase.locale.language_code)
        )
        Phrase.objects.filter(pk=phrase.pk).update(
            search_lemmas=" ".join(own),
            search_relatives=" ".join(relatives),
            copies_total=totals.get(phrase.pk, 0),
        )
        terms.update(term[:100] for term in (*own, *relatives) if term.isalpha())
    PhraseSearchTerm.objects.bulk_create(
        [PhraseSearchTerm(term=term) for term in terms], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("phrases", "0006_search_vector_field")]

    operations = [
        migrations.RemoveIndex(model_name="phrase", name="phrase_search_vector"),
        migrations.RemoveField(model_name="phrase", name="search_vector"),
        migrations.AddField(
            model_name="phrase",
            name="search_relatives",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="phrase",
            name="copies_total",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="phrase",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "search_lemmas", config="simple", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "search_relatives", config="simple", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("simple"),
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
            model_name="phrase",
            index=models.Index(
                condition=models.Q(("live", True)),
                fields=["locale", "-copies_total", "code"],
                name="phrase_live_by_copies",
            ),
        ),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
