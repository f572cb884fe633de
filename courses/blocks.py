"""The building blocks of a lesson, one StructBlock per element (bakerydemo's shape)."""

import copy
import os
import uuid
from functools import cached_property

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from compiledsql import CompiledByIds
from quizzes.forms import best_score, question_problem
from quizzes.specs import ChoiceSpec, QuestionSpec, QuizSpec

VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1][1:].lower()


RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class PlaceholderCharBlock(blocks.CharBlock):
    """A text field showing an example in grey until the trainer writes their own."""

    def __init__(self, *args, placeholder="", **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["placeholder"] = placeholder


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a lesson."""

    text = blocks.CharBlock(label=_("otsikko"), max_length=200)

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        label = _("Väliotsikko")
        preview_value = {"text": "Mitä hyte-ohjaus on?"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/paragraph.html"
        label = _("Teksti")


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text every image must have."""

    image = ImageChooserBlock(label=_("kuva"))
    alt_text = blocks.CharBlock(
        label=_("vaihtoehtoinen teksti"),
        max_length=300,
        help_text=_("Kerro, mitä kuvassa on, ruudunlukijan käyttäjälle. Pakollinen."),
    )
    caption = blocks.CharBlock(label=_("kuvateksti"), required=False)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Kuva")

    def clean(self, value):
        """The alternative text is required on every save, drafts included (Wagtail
        defers required fields on a draft), with a message saying what to write."""
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as invalid:
            errors.update(invalid.block_errors)
        if not (value.get("alt_text") or "").strip():
            errors["alt_text"] = ValidationError(
                _(
                    "Kirjoita kuvalle vaihtoehtoinen teksti: mitä kuvassa on ruudunlukijan "
                    "käyttäjälle."
                )
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class VideoBlock(blocks.StructBlock):
    """A video as an uploaded file (MP4 or WebM) or an embed; captions (WebVTT) or a
    transcript are required. Every rule is checked on every save, drafts included, and
    shown at its own field, also when another field (say an embed address the server
    cannot reach) fails."""

    video_file = DocumentChooserBlock(
        label=_("videotiedosto (.mp4, .webm)"),
        required=False,
        help_text=_("Lataa video tai anna upotusosoite."),
    )
    embed = EmbedBlock(label=_("upotus (osoite)"), required=False)
    captions = DocumentChooserBlock(label=_("tekstitys (.vtt)"), required=False)
    transcript = blocks.TextBlock(label=_("tekstivastine"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")

    def clean(self, value):
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as invalid:
            errors.update(invalid.block_errors)
        video, captions = value.get("video_file"), value.get("captions")
        if not video and not value.get("embed") and "embed" not in errors:
            errors.setdefault(
                "video_file", ValidationError(_("Valitse videotiedosto tai anna upotusosoite."))
            )
        if video and extension_of(video.filename) not in VIDEO_EXTENSIONS:
            errors.setdefault(
                "video_file", ValidationError(_("Videon on oltava MP4- tai WebM-tiedosto."))
            )
        if captions and extension_of(captions.filename) not in CAPTION_EXTENSIONS:
            errors.setdefault(
                "captions", ValidationError(_("Tekstityksen on oltava WebVTT-tiedosto (.vtt)."))
            )
        if not captions and not (value.get("transcript") or "").strip():
            errors.setdefault(
                "transcript",
                ValidationError(
                    _("Videolla on oltava tekstitys tai tekstivastine (saavutettavuus).")
                ),
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip or note."""

    kind = blocks.ChoiceBlock(
        label=_("tyyppi"),
        choices=[("tip", _("Vinkki")), ("note", _("Huomio")), ("example", _("Esimerkki"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("teksti"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "courses/blocks/callout.html"
        label = _("Vinkki")


class HyteActivityBlock(blocks.StructBlock):
    """A card about one hyte activity: what it is, who runs it, where to find it."""

    name = blocks.CharBlock(label=_("toiminnan nimi"), max_length=200)
    organiser = blocks.CharBlock(label=_("järjestäjä"), max_length=200)
    organiser_kind = blocks.ChoiceBlock(
        label=_("järjestäjän tyyppi"),
        choices=[
            ("municipality", _("Kunta")),
            ("ngo", _("Järjestö")),
            ("parish", _("Seurakunta")),
            ("other", _("Muu")),
        ],
    )
    description = blocks.TextBlock(label=_("kuvaus"))
    link = blocks.URLBlock(label=_("linkki"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The kind's label in the reader's language, not its stored code.
        kinds = dict(self.child_blocks["organiser_kind"].field.choices)
        context["organiser_kind_label"] = kinds.get(value["organiser_kind"], "")
        return context

    class Meta:
        icon = "group"
        template = "courses/blocks/hyte_activity.html"
        label = _("Hyte-toimintakortti")


class ReflectionBlock(blocks.StructBlock):
    """A question for the learner to think about; the answer is never stored."""

    question = blocks.CharBlock(label=_("pohdittava kysymys"), max_length=300)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/reflection.html"
        label = _("Pohdintatehtävä")


_QUIZZES = CompiledByIds(lambda ids: apps.get_model("quizzes", "Quiz").objects.filter(pk__in=ids))


class QuizReferenceBlock(blocks.ChooserBlock):
    """The quiz rows this block is kept in (quizzes.services.quiz_save_draft), a hidden
    field: the trainer writes the quiz in the block and never chooses it."""

    target_model = "quizzes.Quiz"

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    @cached_property
    def widget(self):
        return forms.HiddenInput()

    def get_form_state(self, value):
        return value.pk if value is not None else None

    def bulk_to_python(self, values):
        """As Wagtail's (ChooserBlock.bulk_to_python: in order, None kept, a copy for a
        repeated id), with the query compiled once (compiledsql): every lesson page with
        a quiz reads its quizzes so."""
        found = {quiz.pk: quiz for quiz in _QUIZZES.objects(sorted({v for v in values if v}))}
        result, seen = [], set()
        for value in values:
            quiz = found.get(value)
            if quiz is not None and value in seen:
                quiz = copy.copy(quiz)
            result.append(quiz)
            seen.add(value)
        return result

    def value_from_form(self, value):
        if value in (None, ""):
            return None
        return super().value_from_form(value)

    class Meta:
        form_classname = "quiz-reference"


class ChoiceItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("vaihtoehto"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("oikea vastaus"), required=False)
    feedback = blocks.CharBlock(label=_("palaute"), max_length=500, required=False)

    class Meta:
        icon = "radio-full"
        label = _("Vastausvaihtoehto")


def _blank_choices():
    return [{"text": "", "is_correct": False}, {"text": "", "is_correct": False}]


def _true_false_choices():
    """The two choices a true-or-false question starts with, in the editor's language."""
    return [
        {"text": gettext("Tosi"), "is_correct": True},
        {"text": gettext("Epätosi"), "is_correct": False},
    ]


class QuestionBlock(blocks.StructBlock):
    """One question of a quiz; its block type is the question's type."""

    text = blocks.TextBlock(label=_("kysymys"), rows=2)

    class Meta:
        icon = "help"
        form_classname = "quiz-question"


def _question_block(label, choices_default, icon: str) -> QuestionBlock:
    return QuestionBlock(
        [
            (
                "choices",
                blocks.ListBlock(
                    ChoiceItemBlock(),
                    label=_("vastausvaihtoehdot"),
                    min_num=2,
                    default=choices_default,
                ),
            ),
            (
                "explanation",
                blocks.TextBlock(
                    label=_("selitys"),
                    required=False,
                    rows=2,
                    help_text=_("Näytetään palautuksen jälkeen."),
                ),
            ),
        ],
        label=label,
        icon=icon,
    )


class QuestionsBlock(blocks.StreamBlock):
    single = _question_block(_("Yksi oikea vastaus"), _blank_choices, "radio-full")
    multiple = _question_block(_("Useita oikeita vastauksia"), _blank_choices, "list-ul")
    true_false = _question_block(_("Tosi vai epätosi"), _true_false_choices, "tick")

    class Meta:
        min_num = 1
        # A new quiz starts with its first question, a single-choice one.
        default = [("single", {"text": "", "choices": _blank_choices(), "explanation": ""})]


class QuizBlock(blocks.StructBlock):
    """A quiz written in the lesson: its rules, its questions and their choices. Each
    save of the lesson keeps it as the quiz's draft (courses.services), which goes live
    with the course's approval; graded on the server."""

    quiz = QuizReferenceBlock(label="")
    title = blocks.CharBlock(label=_("otsikko"), max_length=200)
    intro = blocks.TextBlock(label=_("johdanto"), required=False, rows=2)
    pass_mark = blocks.IntegerBlock(
        label=_("hyväksymisraja (%)"), default=70, min_value=0, max_value=100
    )
    max_attempts = blocks.IntegerBlock(
        label=_("yrityksiä enintään"), default=3, min_value=0, help_text=_("0 = rajaton")
    )
    reveal_answers = blocks.ChoiceBlock(
        label=_("näytä oikeat vastaukset"),
        choices=[
            ("final", _("Kun visa on läpäisty tai yritykset on käytetty")),
            ("each", _("Jokaisen palautuksen jälkeen")),
            ("never", _("Ei koskaan")),
        ],
        default="final",
        help_text=_(
            "Oletus: vasta kun visa on läpäisty tai yritykset on käytetty, ettei uusi "
            "yritys ole vastausten kopiointia."
        ),
    )
    shuffle = blocks.BooleanBlock(
        label=_("sekoita kysymykset ja vaihtoehdot"), required=False, default=False
    )
    required = blocks.BooleanBlock(
        label=_("läpäisy vaaditaan"),
        required=False,
        default=True,
        help_text=_("Oppitunti ja koulutus valmistuvat vasta, kun tietovisa on läpäisty."),
    )
    questions = QuestionsBlock(label=_("kysymykset"))

    class Meta:
        icon = "tasks"
        template = "courses/blocks/quiz.html"
        label = _("Tietovisa")
        form_classname = "quiz-block"

    def clean(self, value):
        """Each question has a correct answer of its type (quizzes.forms.question_problem),
        shown at the question, and the pass mark can be reached."""
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as invalid:
            errors.update(invalid.block_errors)
        questions = [
            [bool(choice["is_correct"]) for choice in question.value["choices"]]
            for question in value.get("questions") or []
        ]
        if "questions" not in errors:
            question_errors = {}
            for index, question in enumerate(value.get("questions") or []):
                problem = question_problem(question.block_type, questions[index])
                if problem is not None:
                    question_errors[index] = StructBlockValidationError(
                        block_errors={"choices": ValidationError(problem)}
                    )
            if question_errors:
                errors["questions"] = StreamBlockValidationError(block_errors=question_errors)
        pass_mark = value.get("pass_mark")
        if questions and pass_mark is not None and best_score(questions) < pass_mark:
            errors.setdefault(
                "pass_mark",
                ValidationError(
                    _(
                        "Hyväksymisraja %(mark)s %% ei ole saavutettavissa: parhaimmillaankin "
                        "pisteet ovat %(best)s %%. Merkitse oikeat vastaukset tai laske rajaa."
                    )
                    % {"mark": pass_mark, "best": best_score(questions)}
                ),
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def quiz_spec(value) -> QuizSpec | None:
    """What a quiz block's value says, as plain data; None for a block that only points
    at a quiz (written before quizzes were written in the lesson: no title of its own;
    the editor requires one)."""
    if not (value.get("title") or "").strip() or not value.get("questions"):
        return None
    return QuizSpec(
        title=value["title"],
        intro=value.get("intro") or "",
        pass_mark=value["pass_mark"] if value.get("pass_mark") is not None else 70,
        max_attempts=value["max_attempts"] if value.get("max_attempts") is not None else 3,
        shuffle=bool(value.get("shuffle")),
        reveal_answers=value.get("reveal_answers") or "final",
        questions=tuple(
            QuestionSpec(
                block_id=_uuid(question.id),
                kind=question.block_type,
                text=question.value["text"],
                explanation=question.value.get("explanation") or "",
                choices=tuple(
                    ChoiceSpec(
                        block_id=_uuid(choice_id),
                        text=choice["text"],
                        is_correct=bool(choice["is_correct"]),
                        feedback=choice.get("feedback") or "",
                    )
                    for choice_id, choice in _items(question.value["choices"])
                ),
            )
            for question in value["questions"]
        ),
    )


def _items(choices):
    """(id, value) of each item of a ListBlock value."""
    return [(item.id, item.value) for item in choices.bound_blocks]


def _uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def quiz_block_value(quiz, questions) -> dict:
    """The stored form of a quiz block written from `quiz` and its `questions` (each with
    `choices_list`), giving every question and choice the block id it carries: for the
    data migration and the demo loader."""
    return {
        "quiz": quiz.pk,
        "title": quiz.title,
        "intro": quiz.intro,
        "pass_mark": quiz.pass_mark,
        "max_attempts": quiz.max_attempts,
        "reveal_answers": quiz.reveal_answers,
        "shuffle": quiz.shuffle,
        "questions": [
            {
                "type": question.kind,
                "id": str(question.block_id),
                "value": {
                    "text": question.text,
                    "choices": [
                        {
                            "type": "item",
                            "id": str(choice.block_id),
                            "value": {
                                "text": choice.text,
                                "is_correct": choice.is_correct,
                                "feedback": choice.feedback,
                            },
                        }
                        for choice in question.choices_list
                    ],
                    "explanation": question.explanation,
                },
            }
            for question in questions
        ],
    }


class SelfAssessmentBlock(blocks.StructBlock):
    """An ungraded 1–5 self-rating, asked before or after the course."""

    # Starts empty, so a question written for another course is not published by accident.
    question = PlaceholderCharBlock(
        label=_("kysymys"),
        max_length=300,
        placeholder=_("Esim. Kuinka hyvin tunnet alueesi hyte-toiminnan?"),
    )
    phase = blocks.ChoiceBlock(
        label=_("vaihe"),
        choices=[("before", _("Ennen koulutusta")), ("after", _("Koulutuksen jälkeen"))],
        default="before",
    )
    low_label = blocks.CharBlock(label=_("asteikon alapää (1)"), default="En lainkaan")
    high_label = blocks.CharBlock(label=_("asteikon yläpää (5)"), default="Erittäin hyvin")

    class Meta:
        icon = "order"
        template = "courses/blocks/self_assessment.html"
        label = _("Itsearvio")


class PackageBlock(blocks.StructBlock):
    """A SCORM package or H5P activity from the package library (*Sisältöpaketit*),
    played in the lesson; the lesson completes when the package reports it finished."""

    package = SnippetChooserBlock("packages.ContentPackage", label=_("sisältöpaketti"))
    required = blocks.BooleanBlock(
        label=_("suoritus vaaditaan"),
        required=False,
        default=True,
        help_text=_("Oppitunti valmistuu vasta, kun paketti on suoritettu."),
    )
    height = blocks.IntegerBlock(
        label=_("korkeus (px)"), default=600, min_value=300, max_value=2000
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/package.html"
        label = _("SCORM- tai H5P-paketti")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    hyte_activity = HyteActivityBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()
    self_assessment = SelfAssessmentBlock()
    package = PackageBlock()
