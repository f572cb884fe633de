"""Reads for the quiz and self-assessment blocks of a lesson, for one learner. Takes the
lesson's blocks, not the lesson: quizzes know nothing of course pages (whether the
lesson is done is courses.selectors.lesson_done).
Queries: a constant few whatever the number of quizzes and questions."""

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

from compiledsql import CompiledByIds
from people.models import Employee
from quizzes.models import (
    AnswerChoice,
    Question,
    Quiz,
    QuizAnswer,
    QuizAttempt,
    SelfAssessmentAnswer,
)
from quizzes.specs import QuizSpec, quiz_from_spec

# A quiz's questions by pk (a draft's unsaved ones by "new-<n>"), per quiz pk.
QuestionsOf = dict[int, dict[int | str, Question]]


def quiz_message_tag(quiz_id: int) -> str:
    """The tag of a message about one quiz (a refused answer): the quiz shows it where
    the learner is taken back to, not at the top of the lesson."""
    return f"quiz-{quiz_id}"


@dataclass
class QuizState:
    quiz: Quiz
    questions: list[Question]
    attempts_used: int
    passed: bool
    best_score: int | None
    submission_key: str
    result: QuizAttempt | None = None
    result_answers: dict[int, QuizAnswer] = field(default_factory=dict)
    draft: dict[int, list[int]] = field(default_factory=dict)  # answers a refusal kept

    @property
    def attempts_left(self) -> int | None:
        if not self.quiz.max_attempts:
            return None
        return max(self.quiz.max_attempts - self.attempts_used, 0)

    @property
    def can_submit(self) -> bool:
        return self.quiz.live and (self.attempts_left is None or self.attempts_left > 0)

    @property
    def reveal(self) -> bool:
        """Whether the result shows the correct answers and explanations. By default
        only once the quiz is passed or the attempts are used up, so that a retry is
        not copying; the trainer may choose every attempt, or never."""
        mode = self.quiz.reveal_answers
        if mode == Quiz.Reveal.EACH:
            return True
        if mode == Quiz.Reveal.NEVER:
            return False
        return self.passed or self.attempts_left == 0


def _as_approved(quiz: Quiz, questions_of: QuestionsOf) -> Quiz:
    """For a preview: `quiz` as its latest revision, which goes live with the approval
    of the lesson, its questions and choices put in `questions_of`. No queries for a
    quiz without pending changes."""
    if not quiz.latest_revision_id or quiz.latest_revision_id == quiz.live_revision_id:
        return quiz
    draft: Quiz = quiz.get_latest_revision_as_object()
    draft.live = True  # shown as the learner will see it; never saved
    questions: dict[int | str, Question] = {}
    for number, question in enumerate(draft.questions.all()):
        question.ordered_choices = list(question.choices.all())
        questions[question.pk or f"new-{number}"] = question
    questions_of[quiz.pk] = questions
    return draft


def quiz_preview(spec: QuizSpec, *, quiz: Quiz | None, number: int) -> Quiz:
    """A lesson preview's quiz: what the quiz block says now (saved or not), as the
    learner will see it once approved. Never saved: its questions and choices get
    numbers of their own (below zero) so that the form works as the learner's does.
    No queries."""
    preview = quiz_from_spec(spec)
    preview.pk = quiz.pk if quiz is not None else -number
    preview.live = True
    if quiz is not None:
        preview.translation_key = quiz.translation_key
    questions = list(preview.questions.all())
    next_id = -1
    for question in questions:
        question.pk, next_id = next_id, next_id - 1
        question.ordered_choices = list(question.choices.all())
        for choice in question.ordered_choices:
            choice.pk, next_id = next_id, next_id - 1
    preview.preview_questions = questions
    return preview


def choose_all_hint_needed(text: str) -> bool:
    """A multiple-choice question gets the hint "choose all correct ones" unless its
    own text already says so (the hint must not be read out twice)."""
    from django.utils.translation import gettext

    said = text.casefold()
    return not any(
        phrase.casefold() in said
        for phrase in ("valitse kaikki", gettext("Valitse kaikki oikeat vaihtoehdot."))
    )


# The choices of a lesson's quizzes with their questions, compiled once per number of
# quizzes: every lesson page with a quiz reads them.
_CHOICES = CompiledByIds(
    lambda quiz_ids: (
        AnswerChoice.objects.filter(question__quiz_id__in=quiz_ids)
        .select_related("question")
        .order_by("question__sort_order", "question_id", "sort_order", "pk")
    )
)


def lesson_quiz_states(
    *,
    employee: Employee | None,
    blocks: Sequence[Any],
    request: HttpRequest,
    attempts: list[QuizAttempt] | None = None,
    ratings: dict[str, int] | None = None,
) -> dict[str, Any]:  # long: every quiz state in four queries
    """Per quiz block of `blocks` (a lesson's StreamField): the quiz, its questions
    (shuffled if the trainer asked), the learner's attempts and the result just
    submitted; per self-assessment block: the learner's earlier answer.
    With `employee=None` (a preview) every quiz is shown as to a learner who has not
    tried it yet, as it will be once the lesson is approved (its latest revision), and
    nothing of the viewer's own is read.
    `attempts` (QuizAttempt objects with `quiz_key` set to their quiz's translation key)
    and `ratings` ({block id: value}), when the caller has read them already, save
    their two queries."""
    # The quiz objects came with the StreamField; their questions and choices take one
    # more query.
    quizzes = list(
        {
            block.value["quiz"].pk: block.value["quiz"]
            for block in blocks
            if block.block_type == "quiz" and block.value["quiz"]
        }.values()
    )
    block_ids = [b.id for b in blocks if b.block_type == "self_assessment"]
    states = {}
    if quizzes:
        questions_of: QuestionsOf = {quiz.pk: {} for quiz in quizzes}
        # A preview's quizzes (quiz_preview) come with their questions.
        stored = [quiz for quiz in quizzes if not hasattr(quiz, "preview_questions")]
        for quiz in quizzes:
            for question in getattr(quiz, "preview_questions", []):
                questions_of[quiz.pk][question.pk] = question
        for choice in _CHOICES.objects([quiz.pk for quiz in stored]):
            question = questions_of[choice.question.quiz_id].setdefault(
                choice.question_id, choice.question
            )
            question.__dict__.setdefault("ordered_choices", []).append(choice)
        if employee is None:
            quizzes = [
                quiz if hasattr(quiz, "preview_questions") else _as_approved(quiz, questions_of)
                for quiz in quizzes
            ]
        keys = {quiz.translation_key: quiz for quiz in quizzes}
        if employee is None:
            attempts = []
        elif attempts is None:
            attempts = list(
                QuizAttempt.objects.filter(employee=employee, quiz__translation_key__in=list(keys))
                .select_related("quiz")
                .order_by("submitted_at")
            )
            for attempt in attempts:
                attempt.quiz_key = attempt.quiz.translation_key
        shown_attempt_id = request.GET.get("yritys", "")
        for quiz in quizzes:
            own = [a for a in attempts if a.quiz_key == quiz.translation_key]
            questions = list(questions_of[quiz.pk].values())
            for question in questions:
                question.shuffled_choices = list(question.ordered_choices)
                question.choose_all_hint = question.kind == Question.Kind.MULTIPLE and (
                    choose_all_hint_needed(question.text)
                )
            if quiz.shuffle:
                # Stable for the learner and attempt, so a reload does not reorder.
                seed = employee.pk if employee is not None else "preview"
                rng = random.Random(f"{seed}-{quiz.pk}-{len(own)}")  # noqa: S311
                rng.shuffle(questions)
                for question in questions:
                    rng.shuffle(question.shuffled_choices)
            state = QuizState(
                quiz=quiz,
                questions=questions,
                attempts_used=len(own),
                passed=any(a.passed for a in own),
                best_score=max((a.score for a in own), default=None),
                submission_key=str(uuid.uuid4()),
                draft={
                    int(k): v
                    for k, v in (
                        request.session.get(f"quiz-{quiz.pk}-draft", {}) if employee else {}
                    ).items()
                },
            )
            result = next((a for a in own if str(a.pk) == shown_attempt_id), None)
            if result is not None:
                state.result = result
                state.result_answers = {
                    answer.question_id: answer for answer in result.answers.all()
                }
            states[quiz.pk] = state
    if employee is None or ratings is not None:
        ratings = ratings or {}
    elif block_ids:
        ratings = {
            str(answer.block_id): answer.value
            for answer in SelfAssessmentAnswer.objects.filter(
                employee=employee, block_id__in=block_ids
            )
        }
    else:
        ratings = {}
    return {"quiz_states": states, "self_ratings": ratings}
