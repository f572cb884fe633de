"""Grading. Answers are checked on the server against the published quiz; a bad
submission is refused whole with a Finnish message and records nothing."""

import datetime
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, transaction
from django.db.models import OuterRef, Q
from django.db.models.functions import JSONObject
from django.utils import timezone
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
    Queries: three whatever the number of questions (the lock, the quiz with its
    choices and the learner's attempts, the attempt with its answers).
    """
    key = submission_key_of(submission_key)
    _lock_learner(employee)
    return quiz_grade_and_record(
        employee=employee,
        submission=quiz_for_submission(quiz_id, employee=employee, key=key),
        answers=answers,
        key=key,
    )


def quiz_grade_and_record(
    *, employee: Employee, submission: "Submission", answers: dict[int, list[int]], key: uuid.UUID
) -> QuizAttempt:
    """The rest of `quiz_submit` once the learner is locked and the quiz read with
    `quiz_for_submission` (after the lock): validate, grade, record. A caller that takes
    the lock itself (courses.services.lesson_quiz_submit) uses this. One query."""
    earlier = next(
        (attempt for attempt in submission.previous if attempt.submission_key == key), None
    )
    if earlier is not None:
        return earlier
    _check_attempts_left(submission.quiz, used=len(submission.previous))
    graded = _grade(answers, submission.choices)
    return _record(employee, submission.quiz, graded, key=key, number=len(submission.previous) + 1)


def submission_key_of(value: str) -> uuid.UUID:
    """The form's submission key, or the submission is refused as an old form."""
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


@dataclass
class Submission:
    """What grading a submission needs, read in one query after the lock."""

    quiz: Quiz
    choices: list[AnswerChoice]  # with their questions, in order
    previous: list[QuizAttempt]  # at the quiz in any language, and this very form


def quiz_for_submission(
    quiz_id: int, *, employee: Employee, key: uuid.UUID, **extra: Any
) -> Submission:  # long: one query, its JSON rows built back into choices and attempts
    """The live quiz with its questions and choices in their order, and the learner's
    earlier attempts at it in any language (or at this very form, posted before): one
    query. `extra`: more annotations for the caller (read in the same query; the
    annotated quiz is `Submission.quiz`). A quiz missing, not live or without questions
    is refused."""
    choices = (
        AnswerChoice.objects.filter(question__quiz_id=OuterRef("pk"))
        .order_by("question__sort_order", "question_id", "sort_order", "pk")
        .values(
            row=JSONObject(
                id="pk", question_id="question_id", correct="is_correct", kind="question__kind"
            )
        )
    )
    previous = (
        QuizAttempt.objects.filter(employee=employee)
        .filter(Q(quiz__translation_key=OuterRef("translation_key")) | Q(submission_key=key))
        .order_by("pk")
        .values(
            row=JSONObject(
                id="pk",
                quiz_id="quiz_id",
                number="number",
                key="submission_key",
                score="score",
                passed="passed",
                at="submitted_at",
            )
        )
    )
    quiz = (
        Quiz.objects.filter(pk=quiz_id, live=True)
        .annotate(
            choice_rows=ArraySubquery(choices), previous_rows=ArraySubquery(previous), **extra
        )
        .first()
    )
    if quiz is None or not quiz.choice_rows:
        raise SubmissionRefused([_("Tätä tietovisaa ei ole julkaistu, eikä siihen voi vastata.")])
    questions: dict[int, Question] = {}
    return Submission(
        quiz=quiz,
        choices=[
            AnswerChoice(
                pk=row["id"],
                question=questions.setdefault(
                    row["question_id"], Question(pk=row["question_id"], kind=row["kind"], quiz=quiz)
                ),
                is_correct=row["correct"],
            )
            for row in quiz.choice_rows
        ],
        previous=[
            QuizAttempt(
                pk=row["id"],
                employee=employee,
                quiz_id=row["quiz_id"],
                number=row["number"],
                submission_key=uuid.UUID(row["key"]),
                score=row["score"],
                passed=row["passed"],
                submitted_at=datetime.datetime.fromisoformat(row["at"]),
            )
            for row in quiz.previous_rows
        ],
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
    """The attempt with its score and answers in one statement (three more while xAPI
    is on). The same form posted twice at the same moment by another way than the
    learner's lock: the first one counts."""
    score = round(100 * sum(item.correct for item in graded) / len(graded)) if graded else 0
    attempt = QuizAttempt(
        employee=employee,
        quiz=quiz,
        number=number,
        submission_key=key,
        score=score,
        passed=score >= quiz.pass_mark,
        submitted_at=timezone.now(),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH attempt AS (
                INSERT INTO {QuizAttempt._meta.db_table}
                    (employee_id, quiz_id, number, submission_key, score, passed, submitted_at)
                VALUES (%s, %s, %s, %s, %s, %s, %s)
                ON CONFLICT DO NOTHING
                RETURNING id
            ), answers AS (
                INSERT INTO {QuizAnswer._meta.db_table}
                    (attempt_id, question_id, selected_choice_ids, correct)
                SELECT attempt.id, answer.question_id, answer.selected, answer.correct
                FROM attempt, unnest(%s::bigint[], %s::jsonb[], %s::boolean[])
                    AS answer(question_id, selected, correct)
            )
            SELECT id FROM attempt
            """,  # noqa: S608 (table names from the models, values as parameters)
            [
                employee.pk,
                quiz.pk,
                number,
                key,
                score,
                attempt.passed,
                attempt.submitted_at,
                [item.question.pk for item in graded],
                [json.dumps(sorted(item.selected)) for item in graded],
                [item.correct for item in graded],
            ],
        )
        row = cursor.fetchone()
    if row is None:
        return QuizAttempt.objects.get(submission_key=key)
    attempt.pk = row[0]
    _xapi_attempt(employee, quiz, attempt)
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
