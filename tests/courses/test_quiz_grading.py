"""Quiz answers are graded on the server; bad submissions are refused whole."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import QuizAnswer, QuizAttempt
from quizzes.services import SubmissionRefused, quiz_submit
from tests.courses.builders import make_quiz, right_answers, wrong_answers
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def submit(employee, quiz, answers, key=None):
    return quiz_submit(
        employee=employee, quiz_id=quiz.pk, answers=answers, submission_key=key or str(uuid.uuid4())
    )


def test_all_right_passes_with_full_score():
    employee, quiz = EmployeeFactory(), make_quiz(questions=3)
    attempt = submit(employee, quiz, right_answers(quiz))
    assert (attempt.score, attempt.passed, attempt.number) == (100, True, 1)
    assert QuizAnswer.objects.filter(attempt=attempt, correct=True).count() == 3


def test_multiple_choice_needs_exactly_the_right_set():
    employee, quiz = EmployeeFactory(), make_quiz(questions=3, pass_mark=100)
    answers = right_answers(quiz)
    multiple = next(q for q in quiz.questions.all() if q.kind == "multiple")
    answers[multiple.pk] = answers[multiple.pk][:1]  # one of the two right ones
    attempt = submit(employee, quiz, answers)
    assert (attempt.score, attempt.passed) == (67, False)


def test_below_the_pass_mark_fails_and_counts_an_attempt():
    employee, quiz = EmployeeFactory(), make_quiz(questions=2, pass_mark=60)
    answers = right_answers(quiz)
    first_question = quiz.questions.all()[0]
    answers[first_question.pk] = wrong_answers(quiz)[first_question.pk]
    attempt = submit(employee, quiz, answers)
    assert (attempt.score, attempt.passed) == (50, False)
    assert submit(employee, quiz, right_answers(quiz)).number == 2


def test_beyond_the_attempt_limit_is_refused():
    employee, quiz = EmployeeFactory(), make_quiz(max_attempts=2)
    submit(employee, quiz, wrong_answers(quiz))
    submit(employee, quiz, wrong_answers(quiz))
    with pytest.raises(SubmissionRefused) as refused:
        submit(employee, quiz, right_answers(quiz))
    assert refused.value.messages == ["Olet käyttänyt kaikki 2 yritystä tähän tietovisaan."]
    assert QuizAttempt.objects.count() == 2


def test_empty_submission_is_refused_and_records_nothing():
    employee, quiz = EmployeeFactory(), make_quiz()
    with pytest.raises(SubmissionRefused, match="Et vastannut yhteenkään kysymykseen"):
        submit(employee, quiz, {})
    assert not QuizAttempt.objects.exists()


def test_unanswered_question_is_named():
    employee, quiz = EmployeeFactory(), make_quiz(questions=2)
    answers = right_answers(quiz)
    answers.pop(quiz.questions.all()[1].pk)
    with pytest.raises(SubmissionRefused) as refused:
        submit(employee, quiz, answers)
    assert refused.value.messages == ["Kysymykseen 2 ei ole vastattu."]


def test_choice_from_another_question_or_quiz_is_refused():
    employee, quiz, other = EmployeeFactory(), make_quiz(questions=2), make_quiz(questions=1)
    answers = right_answers(quiz)
    first, second = quiz.questions.all()
    answers[first.pk] = answers[second.pk]
    with pytest.raises(SubmissionRefused, match="Kysymyksen 1 vastaus ei kuulu tähän kysymykseen"):
        submit(employee, quiz, answers)
    answers = {**right_answers(quiz), **right_answers(other)}
    with pytest.raises(SubmissionRefused, match="kysymykseen, jota tässä tietovisassa ei ole"):
        submit(employee, quiz, answers)
    assert not QuizAttempt.objects.exists()


def test_two_answers_to_a_single_choice_question_are_refused():
    employee, quiz = EmployeeFactory(), make_quiz(questions=1)
    question = quiz.questions.get()
    with pytest.raises(SubmissionRefused, match="voi valita vain yhden"):
        submit(employee, quiz, {question.pk: [c.pk for c in question.choices.all()]})


def test_unpublished_or_deleted_quiz_is_refused():
    employee, draft = EmployeeFactory(), make_quiz(live=False)
    with pytest.raises(SubmissionRefused, match="ei ole julkaistu"):
        submit(employee, draft, right_answers(draft))
    gone = make_quiz()
    answers = right_answers(gone)
    gone.delete()
    with pytest.raises(SubmissionRefused, match="ei ole julkaistu"):
        submit(employee, gone, answers)


def test_the_same_form_posted_twice_records_one_attempt():
    employee, quiz = EmployeeFactory(), make_quiz()
    key = str(uuid.uuid4())
    first = submit(employee, quiz, right_answers(quiz), key)
    second = submit(employee, quiz, wrong_answers(quiz), key)
    assert first.pk == second.pk and QuizAttempt.objects.count() == 1


def test_grading_20_questions_costs_at_most_6_queries():
    employee, quiz = EmployeeFactory(), make_quiz(questions=20)
    answers = right_answers(quiz)
    with CaptureQueriesContext(connection) as queries:
        submit(employee, quiz, answers)
    # savepoints are not queries a user waits for; count the statements that touch data
    statements = [
        q for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) <= 6, [q["sql"][:80] for q in statements]
