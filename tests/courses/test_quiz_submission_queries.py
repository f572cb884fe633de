"""A quiz submission costs a fixed number of statements whatever the number of
questions, a passing one that completes the lesson and the course included: at most 10
(session and user included, savepoints not): the lesson with its course, one lock of
the learner and their enrolment, one read of the quiz and the learner's round, the
attempt with its answers, the lesson's completion with where to continue, the course's
completion, its status row and the checklist intent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseCompletion, LessonCompletion
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers
from tests.courses.test_learning_pages import form_key, quiz_post
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

MAX_STATEMENTS = 10


@pytest.mark.parametrize("questions", [2, 8])
def test_a_passing_submission_that_completes_the_lesson_and_the_course(client, questions):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    quiz = make_quiz(questions=questions)
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    page = client.get(lesson.url).content.decode()
    form = quiz_post(right_answers(quiz), form_key(page, quiz))
    with CaptureQueriesContext(connection) as queries:
        answer = client.post(f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/", form)
    assert answer.status_code == 302
    assert CourseCompletion.objects.filter(employee=employee, course=course).exists()
    assert LessonCompletion.objects.filter(employee=employee, lesson=lesson).exists()
    # Savepoints are not statements a learner waits for (as in the grading test).
    statements = [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) <= MAX_STATEMENTS, "\n".join(
        f"{n}. {sql[:300]}" for n, sql in enumerate(statements, start=1)
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_tabs_passing_the_last_attempt_at_once_are_graded_one_after_the_other(
    monkeypatch,
):
    """The learner and their enrolment are locked before anything is read: of two
    submissions at the same moment with one attempt left, one is graded (and completes
    the lesson and the course), the other is refused; nothing is recorded twice. Each
    waits after its read for the other to have read too (a while): without the lock
    both would read no attempt."""
    import contextlib
    import threading
    import uuid

    from courses import selectors, services
    from courses.models import Enrolment
    from quizzes import services as quiz_services
    from quizzes.models import QuizAttempt
    from quizzes.services import SubmissionRefused
    from tests.conftest import need

    both_read = threading.Barrier(2, timeout=3)
    read = quiz_services.quiz_for_submission

    def read_then_wait(*args, **kwargs):
        submission = read(*args, **kwargs)
        # The other may be waiting for the lock: as it should.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait()
        return submission

    monkeypatch.setattr(quiz_services, "quiz_for_submission", read_then_wait)

    need(connection.vendor == "postgresql", "PostgreSQL (row locks)")
    employee = EmployeeFactory()
    quiz = make_quiz(max_attempts=1)
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    Enrolment.objects.create(employee=employee, course=course)  # assigned, say
    barrier = threading.Barrier(2)
    outcomes, refusals, errors = [], [], []

    def submit():
        try:
            found = selectors.live_lesson_with_place(lesson_id=lesson.pk)
            assert found is not None
            barrier.wait()
            outcomes.append(
                services.lesson_quiz_submit(
                    employee=employee,
                    lesson=found[0],
                    place=found[1],
                    quiz_id=quiz.pk,
                    answers=right_answers(quiz),
                    submission_key=str(uuid.uuid4()),
                )
            )
        except SubmissionRefused as refused:
            refusals.append(refused)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(outcomes) == len(refusals) == 1
    assert outcomes[0].completion is not None
    assert QuizAttempt.objects.filter(employee=employee).count() == 1
    assert LessonCompletion.objects.filter(employee=employee).count() == 1
    assert CourseCompletion.objects.filter(employee=employee).count() == 1
    assert Enrolment.objects.filter(employee=employee).count() == 1
