"""Quizzes in the shape django-simple-quiz users know: Quiz → Question → AnswerChoice,
and each learner's attempts (QuizAttempt → QuizAnswer). Graded on the server only.

A quiz is written inside its lesson (courses.blocks.QuizBlock); each save of the lesson
keeps the quiz's drafts and revisions here, and the rows in these tables are always the
published version, so grading never sees an unpublished edit. A question and a choice
carry the id of the block they were written in (`block_id`), so an edit keeps their rows
and the attempts, answers and statistics that point at them.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from quizzes.forms import QuestionKindSelect


class Quiz(
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("otsikko"), max_length=200)
    intro = models.TextField(_("johdanto"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("hyväksymisraja (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("yrityksiä enintään"), default=3, help_text=_("0 = rajaton")
    )
    shuffle = models.BooleanField(_("sekoita kysymykset ja vaihtoehdot"), default=False)

    class Reveal(models.TextChoices):
        FINAL = "final", _("Kun visa on läpäisty tai yritykset on käytetty")
        EACH = "each", _("Jokaisen palautuksen jälkeen")
        NEVER = "never", _("Ei koskaan")

    reveal_answers = models.CharField(
        _("näytä oikeat vastaukset"),
        max_length=5,
        choices=Reveal.choices,
        default=Reveal.FINAL,
        help_text=_(
            "Oletus: vasta kun visa on läpäisty tai yritykset on käytetty, ettei uusi "
            "yritys ole vastausten kopiointia."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("shuffle"), FieldPanel("reveal_answers")]),
            ],
            heading=_("Säännöt"),
        ),
        InlinePanel("questions", heading=_("Kysymykset"), label=_("kysymys"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tietovisa")
        verbose_name_plural = _("tietovisat")

    def __str__(self) -> str:
        return self.title


class Question(Orderable, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Yksi oikea vastaus")
        MULTIPLE = "multiple", _("Useita oikeita vastauksia")
        TRUE_FALSE = "true_false", _("Tosi vai epätosi")

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("kysymys"))
    kind = models.CharField(_("tyyppi"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    explanation = models.TextField(
        _("selitys"), blank=True, help_text=_("Näytetään palautuksen jälkeen.")
    )
    block_id = models.UUIDField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("text"),
        FieldPanel("kind", widget=QuestionKindSelect),
        InlinePanel("choices", heading=_("Vastausvaihtoehdot"), label=_("vaihtoehto"), min_num=2),
        FieldPanel("explanation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kysymys")
        verbose_name_plural = _("kysymykset")

    def __str__(self) -> str:
        return self.text[:80]


class AnswerChoice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("vaihtoehto"), max_length=500)
    is_correct = models.BooleanField(_("oikea vastaus"), default=False)
    feedback = models.CharField(_("palaute"), max_length=500, blank=True)
    block_id = models.UUIDField(null=True, blank=True, editable=False)

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("vastausvaihtoehto")
        verbose_name_plural = _("vastausvaihtoehdot")

    def __str__(self) -> str:
        return self.text


class QuizAttempt(models.Model):
    """One graded submission. `submission_key` comes from the form, so a double click
    that posts the same form twice records one attempt."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    submission_key = models.UUIDField(unique=True, default=uuid.uuid4)
    score = models.PositiveSmallIntegerField(help_text="percent")
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True)
    # Not a column: the quiz's translation key, set by the selectors that read a lesson
    # page's attempts (courses.selectors.lesson_learner_state, quizzes.selectors).
    quiz_key: uuid.UUID

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "quiz", "number"], name="one_attempt_per_number"
            )
        ]
        ordering = ["submitted_at"]

    def __str__(self) -> str:
        return f"{self.quiz_id} #{self.number}: {self.score} %"


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    selected_choice_ids = models.JSONField(default=list)
    correct = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"


class SelfAssessmentAnswer(models.Model):
    """A learner's ungraded 1–5 self-rating, e.g. of their knowledge of hyte activities,
    before or after a course. Kept per block so the same question can be asked twice."""

    class Phase(models.TextChoices):
        BEFORE = "before", _("Ennen koulutusta")
        AFTER = "after", _("Koulutuksen jälkeen")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="self_assessments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="self_assessments"
    )
    block_id = models.UUIDField()
    phase = models.CharField(max_length=6, choices=Phase.choices)
    question = models.CharField(max_length=300)
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "block_id"], name="one_self_assessment_per_block"
            )
        ]

    def __str__(self) -> str:
        return f"{self.phase}: {self.value}/5"
