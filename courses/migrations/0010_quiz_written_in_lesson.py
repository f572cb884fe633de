"""Quizzes are written in their lesson: each lesson's quiz block (its page and every
revision) gets the quiz's rules, questions and choices, and each question and choice
the block id that keeps its row (so attempts, answers and statistics stay)."""

import json
import uuid

import wagtail.fields
from django.db import migrations

import courses.blocks
from courses.blocks import quiz_block_value


def _give_block_ids(apps):
    for name in ("Question", "AnswerChoice"):
        model = apps.get_model("quizzes", name)
        for row in model.objects.filter(block_id__isnull=True).only("pk"):
            model.objects.filter(pk=row.pk).update(block_id=uuid.uuid4())


def _quiz_values(apps) -> dict:
    Quiz = apps.get_model("quizzes", "Quiz")
    Question = apps.get_model("quizzes", "Question")
    AnswerChoice = apps.get_model("quizzes", "AnswerChoice")
    questions_of: dict = {}
    for question in Question.objects.order_by("sort_order", "pk"):
        question.choices_list = []
        questions_of.setdefault(question.quiz_id, []).append(question)
    by_id = {q.pk: q for qs in questions_of.values() for q in qs}
    for choice in AnswerChoice.objects.order_by("sort_order", "pk"):
        by_id[choice.question_id].choices_list.append(choice)
    return {
        quiz.pk: quiz_block_value(quiz, questions_of.get(quiz.pk, []))
        for quiz in Quiz.objects.all()
    }


def _written_in(body, values: dict):
    """`body` (a lesson's stream, as stored) with each quiz block written out."""
    changed = False
    for block in body:
        if block.get("type") != "quiz":
            continue
        value = block.get("value") or {}
        if value.get("questions") or value.get("quiz") not in values:
            continue
        block["value"] = {**values[value["quiz"]], "required": value.get("required", True)}
        changed = True
    return changed


def _load(body):
    return json.loads(body) if isinstance(body, str) else body


def write_quizzes_in_lessons(apps, schema_editor):
    _give_block_ids(apps)
    values = _quiz_values(apps)
    if not values:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_ptr_id, body FROM courses_lessonpage")
        rows = cursor.fetchall()
        for page_id, body in rows:
            body = _load(body)
            if _written_in(body, values):
                cursor.execute(
                    "UPDATE courses_lessonpage SET body = %s WHERE page_ptr_id = %s",
                    [json.dumps(body), page_id],
                )
    lesson_type = ContentType.objects.filter(app_label="courses", model="lessonpage").first()
    if lesson_type is None:
        return
    for revision in Revision.objects.filter(content_type=lesson_type).iterator():
        content = revision.content
        stored = content.get("body")
        if stored is None:
            continue
        body = _load(stored)
        if _written_in(body, values):
            content["body"] = json.dumps(body) if isinstance(stored, str) else body
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_lesson_phrase_block"),
        ("quizzes", "0004_question_and_choice_block_ids"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="lessonpage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 1),
                    ("paragraph", 2),
                    ("image", 6),
                    ("video", 11),
                    ("callout", 14),
                    ("hyte_activity", 20),
                    ("reflection", 22),
                    ("quiz", 42),
                    ("self_assessment", 47),
                ],
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "otsikko", "max_length": 200}),
                    1: ("wagtail.blocks.StructBlock", [[("text", 0)]], {}),
                    2: ("courses.blocks.ParagraphBlock", (), {}),
                    3: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "kuva"}),
                    4: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Kerro, mitä kuvassa on, ruudunlukijan käyttäjälle. Pakollinen.",
                            "label": "vaihtoehtoinen teksti",
                            "max_length": 300,
                        },
                    ),
                    5: ("wagtail.blocks.CharBlock", (), {"label": "kuvateksti", "required": False}),
                    6: (
                        "wagtail.blocks.StructBlock",
                        [[("image", 3), ("alt_text", 4), ("caption", 5)]],
                        {},
                    ),
                    7: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {
                            "help_text": "Lataa video tai anna upotusosoite.",
                            "label": "videotiedosto (.mp4, .webm)",
                            "required": False,
                        },
                    ),
                    8: (
                        "wagtail.embeds.blocks.EmbedBlock",
                        (),
                        {"label": "upotus (osoite)", "required": False},
                    ),
                    9: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {"label": "tekstitys (.vtt)", "required": False},
                    ),
                    10: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "tekstivastine", "required": False},
                    ),
                    11: (
                        "wagtail.blocks.StructBlock",
                        [[("video_file", 7), ("embed", 8), ("captions", 9), ("transcript", 10)]],
                        {},
                    ),
                    12: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("tip", "Vinkki"),
                                ("note", "Huomio"),
                                ("example", "Esimerkki"),
                            ],
                            "label": "tyyppi",
                        },
                    ),
                    13: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "h3",
                                "h4",
                                "bold",
                                "italic",
                                "ol",
                                "ul",
                                "link",
                                "document-link",
                            ],
                            "label": "teksti",
                        },
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("kind", 12), ("text", 13)]], {}),
                    15: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "toiminnan nimi", "max_length": 200},
                    ),
                    16: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "järjestäjä", "max_length": 200},
                    ),
                    17: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("municipality", "Kunta"),
                                ("ngo", "Järjestö"),
                                ("parish", "Seurakunta"),
                                ("other", "Muu"),
                            ],
                            "label": "järjestäjän tyyppi",
                        },
                    ),
                    18: ("wagtail.blocks.TextBlock", (), {"label": "kuvaus"}),
                    19: ("wagtail.blocks.URLBlock", (), {"label": "linkki", "required": False}),
                    20: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("name", 15),
                                ("organiser", 16),
                                ("organiser_kind", 17),
                                ("description", 18),
                                ("link", 19),
                            ]
                        ],
                        {},
                    ),
                    21: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "pohdittava kysymys", "max_length": 300},
                    ),
                    22: ("wagtail.blocks.StructBlock", [[("question", 21)]], {}),
                    23: ("courses.blocks.QuizReferenceBlock", (), {"label": ""}),
                    24: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "johdanto", "required": False, "rows": 2},
                    ),
                    25: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {
                            "default": 70,
                            "label": "hyväksymisraja (%)",
                            "max_value": 100,
                            "min_value": 0,
                        },
                    ),
                    26: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {
                            "default": 3,
                            "help_text": "0 = rajaton",
                            "label": "yrityksiä enintään",
                            "min_value": 0,
                        },
                    ),
                    27: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("final", "Kun visa on läpäisty tai yritykset on käytetty"),
                                ("each", "Jokaisen palautuksen jälkeen"),
                                ("never", "Ei koskaan"),
                            ],
                            "help_text": "Oletus: vasta kun visa on läpäisty tai yritykset on käytetty, ettei uusi yritys ole vastausten kopiointia.",
                            "label": "näytä oikeat vastaukset",
                        },
                    ),
                    28: (
                        "wagtail.blocks.BooleanBlock",
                        (),
                        {
                            "default": False,
                            "label": "sekoita kysymykset ja vaihtoehdot",
                            "required": False,
                        },
                    ),
                    29: (
                        "wagtail.blocks.BooleanBlock",
                        (),
                        {
                            "default": True,
                            "help_text": "Oppitunti ja koulutus valmistuvat vasta, kun tietovisa on läpäisty.",
                            "label": "läpäisy vaaditaan",
                            "required": False,
                        },
                    ),
                    30: ("wagtail.blocks.TextBlock", (), {"label": "kysymys", "rows": 2}),
                    31: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "vaihtoehto", "max_length": 500},
                    ),
                    32: (
                        "wagtail.blocks.BooleanBlock",
                        (),
                        {"label": "oikea vastaus", "required": False},
                    ),
                    33: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "palaute", "max_length": 500, "required": False},
                    ),
                    34: (
                        "wagtail.blocks.StructBlock",
                        [[("text", 31), ("is_correct", 32), ("feedback", 33)]],
                        {},
                    ),
                    35: (
                        "wagtail.blocks.ListBlock",
                        (34,),
                        {
                            "default": courses.blocks._blank_choices,
                            "label": "vastausvaihtoehdot",
                            "min_num": 2,
                        },
                    ),
                    36: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Näytetään palautuksen jälkeen.",
                            "label": "selitys",
                            "required": False,
                            "rows": 2,
                        },
                    ),
                    37: (
                        "wagtail.blocks.StructBlock",
                        [[("text", 30), ("choices", 35), ("explanation", 36)]],
                        {"icon": "radio-full", "label": "Yksi oikea vastaus"},
                    ),
                    38: (
                        "wagtail.blocks.StructBlock",
                        [[("text", 30), ("choices", 35), ("explanation", 36)]],
                        {"icon": "list-ul", "label": "Useita oikeita vastauksia"},
                    ),
                    39: (
                        "wagtail.blocks.ListBlock",
                        (34,),
                        {
                            "default": courses.blocks._true_false_choices,
                            "label": "vastausvaihtoehdot",
                            "min_num": 2,
                        },
                    ),
                    40: (
                        "wagtail.blocks.StructBlock",
                        [[("text", 30), ("choices", 39), ("explanation", 36)]],
                        {"icon": "tick", "label": "Tosi vai epätosi"},
                    ),
                    41: (
                        "wagtail.blocks.StreamBlock",
                        [[("single", 37), ("multiple", 38), ("true_false", 40)]],
                        {"label": "kysymykset"},
                    ),
                    42: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("quiz", 23),
                                ("title", 0),
                                ("intro", 24),
                                ("pass_mark", 25),
                                ("max_attempts", 26),
                                ("reveal_answers", 27),
                                ("shuffle", 28),
                                ("required", 29),
                                ("questions", 41),
                            ]
                        ],
                        {},
                    ),
                    43: (
                        "courses.blocks.PlaceholderCharBlock",
                        (),
                        {
                            "label": "kysymys",
                            "max_length": 300,
                            "placeholder": "Esim. Kuinka hyvin tunnet alueesi hyte-toiminnan?",
                        },
                    ),
                    44: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("before", "Ennen koulutusta"),
                                ("after", "Koulutuksen jälkeen"),
                            ],
                            "label": "vaihe",
                        },
                    ),
                    45: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"default": "En lainkaan", "label": "asteikon alapää (1)"},
                    ),
                    46: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"default": "Erittäin hyvin", "label": "asteikon yläpää (5)"},
                    ),
                    47: (
                        "wagtail.blocks.StructBlock",
                        [[("question", 43), ("phase", 44), ("low_label", 45), ("high_label", 46)]],
                        {},
                    ),
                },
                verbose_name="sisältö",
            ),
        ),
        migrations.RunPython(write_quizzes_in_lessons, migrations.RunPython.noop),
    ]
