"""Grading. Answers are checked on the server against the published quiz; a bad
submission is refused whole with a Finnish message and records nothing."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from people.models import Employee
from quizzes.models import AnswerChoice, Question, Quiz, QuizAnswer, QuizAttempt
from quizzes.specs import QuizSpec, quiz_from_spec, spec_of
from xapi.services import Activity, Result, xapi_enabled, xapi_record


class SubmissionRefused(Exception):
    """The submission cannot be graded; `messages` says why, in the user's language."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class GradedQuestion:
    question: Question
    selected: set[int]
    correct: bool


@transaction.atomic
def quiz_submit(
    *, employee: Employee, quiz_id: int, answers: dict[int, list[int]], submission_key: str
) -> QuizAttempt:
    """Grade `answers` ({question id: [choice ids]}) and record the attempt: lock the
    learner, validate the quiz and the attempts left, grade, record.

    The same `submission_key` posted twice (a double click) returns the first attempt.
    Attempts are limited across the quiz's translations.
    Queries: five whatever the number of questions.
    """
    key = _submission_key(submission_key)
    _lock_learner(employee)
    quiz, choices = _live_quiz(quiz_id)
    previous = _attempts_of(employee, quiz, key)
    earlier = next((attempt for attempt in previous if attempt.submission_key == key), None)
    if earlier is not None:
        return earlier
    _check_attempts_left(quiz, used=len(previous))
    graded = _grade(answers, choices)
    return _record(employee, quiz, graded, key=key, number=len(previous) + 1)


def _submission_key(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise SubmissionRefused(
            [_("Lomake on vanhentunut. Lataa sivu uudelleen ja vastaa uudestaan.")]
        ) from error


def _lock_learner(employee: Employee) -> None:
    """Two tabs (or a double click) are graded one after the other. `of` and no
    ordering: lock the employee row only, not the joined user row. One query."""
    Employee.objects.select_for_update(of=("self",)).filter(pk=employee.pk).order_by().values_list(
        "pk", flat=True
    ).first()


def _live_quiz(quiz_id: int) -> tuple[Quiz, list[AnswerChoice]]:
    """The quiz with its questions and choices, in their order: one query (two for a
    quiz without questions, which is refused)."""
    choices = list(
        AnswerChoice.objects.filter(question__quiz_id=quiz_id)
        .select_related("question__quiz")
        .order_by("question__sort_order", "question_id", "sort_order", "pk")
    )
    quiz = choices[0].question.quiz if choices else Quiz.objects.filter(pk=quiz_id).first()
    if quiz is None or not quiz.live:
        raise SubmissionRefused([_("Tätä tietovisaa ei ole julkaistu, eikä siihen voi vastata.")])
    return cast(Quiz, quiz), choices


def _attempts_of(employee: Employee, quiz: Quiz, key: uuid.UUID) -> list[QuizAttempt]:
    """The earlier attempts at the quiz in any language, and this very form posted
    before. One query."""
    return list(
        QuizAttempt.objects.filter(employee=employee)
        .filter(Q(quiz__translation_key=quiz.translation_key) | Q(submission_key=key))
        .only("pk", "submission_key", "number", "score", "passed", "quiz_id")
    )


def _check_attempts_left(quiz: Quiz, *, used: int) -> None:
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise SubmissionRefused(
            [
                ngettext(
                    "Olet käyttänyt ainoan yrityksesi tähän tietovisaan.",
                    "Olet käyttänyt kaikki %(count)s yritystä tähän tietovisaan.",
                    quiz.max_attempts,
                )
                % {"count": quiz.max_attempts}
            ]
        )


def _grade(answers: dict[int, list[int]], choices: list[AnswerChoice]) -> list[GradedQuestion]:
    """Every question of the quiz (`choices`, its choices in order) answered with its
    own choices (one for a single-choice question), each graded right when exactly its
    correct choices are chosen; else the submission is refused with every problem
    named. No queries."""
    if not any(answers.values()):
        raise SubmissionRefused(
            [_("Et vastannut yhteenkään kysymykseen. Valitse vastaukset ja lähetä uudelleen.")]
        )
    questions: dict[int, Question] = {}
    choices_of: dict[int, list[AnswerChoice]] = {}
    for choice in choices:
        questions.setdefault(choice.question_id, choice.question)
        choices_of.setdefault(choice.question_id, []).append(choice)
    problems = []
    if any(question_id not in questions for question_id in answers):
        problems.append(_("Vastaus kuuluu kysymykseen, jota tässä tietovisassa ei ole."))
    graded = []
    for number, question in enumerate(questions.values(), start=1):
        selected = set(answers.get(question.pk, []))
        valid = {choice.pk for choice in choices_of[question.pk]}
        if not selected:
            problems.append(_("Kysymykseen %(number)s ei ole vastattu.") % {"number": number})
        elif not selected <= valid:
            problems.append(
                _("Kysymyksen %(number)s vastaus ei kuulu tähän kysymykseen.") % {"number": number}
            )
        elif question.kind != Question.Kind.MULTIPLE and len(selected) > 1:
            problems.append(
                _("Kysymykseen %(number)s voi valita vain yhden vastauksen.") % {"number": number}
            )
        else:
            correct = {choice.pk for choice in choices_of[question.pk] if choice.is_correct}
            graded.append(GradedQuestion(question, selected, selected == correct))
    if problems:
        raise SubmissionRefused(problems)
    return graded


def _record(
    employee: Employee, quiz: Quiz, graded: list[GradedQuestion], *, key: uuid.UUID, number: int
) -> QuizAttempt:
    """The attempt with its score and answers, and its xAPI statement. Two queries (four
    while xAPI is on)."""
    score = round(100 * sum(item.correct for item in graded) / len(graded)) if graded else 0
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                employee=employee,
                quiz=quiz,
                number=number,
                submission_key=key,
                score=score,
                passed=score >= quiz.pass_mark,
            )
    except IntegrityError:
        # The same form was posted twice at the same moment: the first one counts.
        return QuizAttempt.objects.get(submission_key=key)
    _xapi_attempt(employee, quiz, attempt)
    QuizAnswer.objects.bulk_create(
        [
            QuizAnswer(
                attempt=attempt,
                question=item.question,
                selected_choice_ids=sorted(item.selected),
                correct=item.correct,
            )
            for item in graded
        ]
    )
    return attempt


def _xapi_attempt(employee: Employee, quiz: Quiz, attempt: QuizAttempt) -> None:
    """The statement "passed" or "failed" <quiz> with the score, recorded with the
    attempt. Two queries while xAPI is on, none while it is off."""
    if not xapi_enabled():
        return
    names = dict(
        Quiz.objects.filter(translation_key=quiz.translation_key).values_list(
            "locale__language_code", "title"
        )
    )
    xapi_record(
        event_key=f"quiz-attempt/{attempt.pk}",
        employee_number=employee.employee_number,
        user_id=employee.user_id,
        verb="passed" if attempt.passed else "failed",
        activity=Activity(kind="quiz", key=str(quiz.translation_key), names=names),
        result=Result(score_percent=attempt.score, success=attempt.passed, completion=True),
        timestamp=attempt.submitted_at,
    )


def pending_quizzes(quiz_ids: Iterable[int]) -> list[Quiz]:
    """The quizzes of `quiz_ids` with a change (or a first version) not yet live."""
    return [
        quiz
        for quiz in Quiz.objects.filter(pk__in=list(quiz_ids)).select_related("latest_revision")
        if quiz.latest_revision_id and quiz.latest_revision_id != quiz.live_revision_id
    ]


def quizzes_publish_pending(*, quiz_ids: Iterable[int], user: User | None = None) -> list[Quiz]:
    """Publish the latest revision of each quiz of `quiz_ids` that has one not yet live.
    Trainers cannot publish quizzes: a quiz change goes live with the approval of the
    course page that uses it (cms.workflows.publish_approved)."""
    published = []
    for quiz in pending_quizzes(quiz_ids):
        quiz.latest_revision.publish(user=user, skip_permission_checks=True)
        published.append(quiz)
    return published


def quiz_save_draft(
    *, quiz: Quiz | None, spec: QuizSpec, locale: Locale, user: User | None
) -> Quiz:
    """Keep what a lesson's quiz block says (`spec`) as the latest revision of `quiz`, or
    of a new quiz in `locale`: a draft that goes live with the course's approval, never
    touching the live rows. Questions and choices written in the same blocks as before
    keep their rows (and the answers given to them). Nothing is saved when the quiz
    already says this. Queries: two for an unchanged quiz, about six otherwise."""
    if quiz is None:
        quiz = Quiz(locale=locale, live=False, **spec.settings())
        quiz.save()
        base = quiz
    else:
        # A copy: the caller's quiz keeps saying what is live.
        base = (
            quiz.get_latest_revision_as_object()
            if quiz.latest_revision_id
            else Quiz.objects.get(pk=quiz.pk)
        )
        if spec_of(base) == spec:
            return quiz
    ids = dict(
        Question.objects.filter(quiz=quiz, block_id__isnull=False).values_list("block_id", "pk")
    )
    ids.update(
        AnswerChoice.objects.filter(question__quiz=quiz, block_id__isnull=False).values_list(
            "block_id", "pk"
        )
    )
    draft = quiz_from_spec(spec, quiz=base, ids=ids)
    draft.save_revision(user=user, clean=False)
    return quiz
