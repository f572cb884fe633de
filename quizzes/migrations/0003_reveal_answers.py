"""`show_correct_answers` (yes/no, shown after every attempt) becomes `reveal_answers`:
after passing or when the attempts are used up (the new default, and what a quiz that
showed them gets), after every attempt, or never."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Quiz = apps.get_model("quizzes", "Quiz")
    Quiz.objects.filter(show_correct_answers=False).update(reveal_answers="never")


def backwards(apps, schema_editor):
    Quiz = apps.get_model("quizzes", "Quiz")
    Quiz.objects.filter(reveal_answers="never").update(show_correct_answers=False)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_authoring_quiz_four_eyes")]

    operations = [
        migrations.AddField(
            model_name="quiz",
            name="reveal_answers",
            field=models.CharField(
                choices=[
                    ("final", "Kun visa on läpäisty tai yritykset on käytetty"),
                    ("each", "Jokaisen palautuksen jälkeen"),
                    ("never", "Ei koskaan"),
                ],
                default="final",
                help_text=(
                    "Oletus: vasta kun visa on läpäisty tai yritykset on käytetty, ettei "
                    "uusi yritys ole vastausten kopiointia."
                ),
                max_length=5,
                verbose_name="näytä oikeat vastaukset",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="quiz", name="show_correct_answers"),
    ]
