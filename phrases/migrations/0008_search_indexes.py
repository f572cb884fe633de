"""The search's indexes: GIN without a pending list (fastupdate off), and the
candidates' order among equally copied phrases by a hash of the code."""

import django.contrib.postgres.indexes
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("phrases", "0007_search_weights_and_copies")]

    operations = [
        migrations.RemoveIndex(
            model_name="phrase",
            name="phrase_search_vector",
        ),
        migrations.RemoveIndex(
            model_name="phrase",
            name="phrase_live_by_copies",
        ),
        migrations.RemoveIndex(
            model_name="phrasesearchterm",
            name="phrase_search_term_trgm",
        ),
        migrations.AddIndex(
            model_name="phrase",
            index=django.contrib.postgres.indexes.GinIndex(
                fastupdate=False, fields=["search_vector"], name="phrase_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="phrase",
            index=models.Index(
                models.F("locale"),
                models.OrderBy(models.F("copies_total"), descending=True),
                models.Func(
                    models.F("code"), function="hashtext", output_field=models.IntegerField()
                ),
                models.F("code"),
                condition=models.Q(("live", True)),
                name="phrase_live_by_copies",
            ),
        ),
        migrations.AddIndex(
            model_name="phrasesearchterm",
            index=django.contrib.postgres.indexes.GinIndex(
                fastupdate=False,
                fields=["term"],
                name="phrase_search_term_trgm",
                opclasses=["gin_trgm_ops"],
            ),
        ),
    ]
