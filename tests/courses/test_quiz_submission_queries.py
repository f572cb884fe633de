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
