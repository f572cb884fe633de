"""Completing lessons and courses: rules, the revision recorded, races, expiry."""

import datetime
import threading
import uuid

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.utils import timezone

from courses import services
from courses.models import CourseCompletion, Enrolment, LessonCompletion
from courses.selectors import my_learning
from quizzes.services import quiz_submit
from tests.conftest import need
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers, wrong_answers
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def pass_quiz(employee, quiz):
    return quiz_submit(
        employee=employee,
        quiz_id=quiz.pk,
        answers=right_answers(quiz),
        submission_key=str(uuid.uuid4()),
    )


def test_course_completes_when_every_lesson_is_done_and_records_the_revision():
    employee, course = EmployeeFactory(), make_course(lessons=2)
    first, second = lessons_of(course)
    assert services.lesson_complete(employee=employee, lesson=first) == (True, None)
    done, completion = services.lesson_complete(employee=employee, lesson=second)
    assert done and completion is not None
    assert completion.revision_id == course.live_revision_id
    assert completion.course_title == course.title and completion.expires_at is None


def test_a_lesson_with_a_required_quiz_completes_only_when_it_is_passed():
    employee, quiz = EmployeeFactory(), make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    assert services.lesson_complete(employee=employee, lesson=lesson) == (False, None)
    quiz_submit(
        employee=employee,
        quiz_id=quiz.pk,
        answers=wrong_answers(quiz),
        submission_key=str(uuid.uuid4()),
    )
    assert services.lesson_complete(employee=employee, lesson=lesson) == (False, None)
    attempt = pass_quiz(employee, quiz)
    done, completion = services.lesson_complete(employee=employee, lesson=lesson)
    assert done and completion.score == attempt.score == 100


def test_completions_are_immutable():
    employee, course = EmployeeFactory(), make_course(lessons=1)
    _done, completion = services.lesson_complete(employee=employee, lesson=lessons_of(course)[0])
    completion.score = 1
    with pytest.raises(TypeError):
        completion.save()
    with pytest.raises(TypeError):
        CourseCompletion.objects.filter(pk=completion.pk).update(score=1)
    with pytest.raises(TypeError):
        completion.delete()


def test_a_lesson_added_to_a_published_course_is_needed_by_those_not_yet_done():
    employee, course = EmployeeFactory(), make_course(lessons=1)
    other = EmployeeFactory()
    services.lesson_complete(employee=employee, lesson=lessons_of(course)[0])
    from courses.models import LessonPage

    new = course.add_child(
        instance=LessonPage(title="Uusi", slug="uusi", body=[("paragraph", "<p>x</p>")])
    )
    new.save_revision().publish()
    assert services.lesson_complete(employee=other, lesson=lessons_of(course)[0]) == (True, None)
    assert services.lesson_complete(employee=other, lesson=new)[1] is not None
    assert CourseCompletion.objects.filter(employee=employee).count() == 1


def test_expired_completion_sets_the_course_to_renew_and_renewal_records_a_second_cycle(
    monkeypatch,
):
    employee, course = EmployeeFactory(), make_course(lessons=1, validity_months=12, mandatory=True)
    (lesson,) = lessons_of(course)
    _done, first = services.lesson_complete(employee=employee, lesson=lesson)
    assert first.expires_at == first.completed_at + relativedelta(months=12)
    assert [s.state for s in my_learning(employee=employee)["completed"]] == ["completed"]

    later = first.expires_at + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    groups = my_learning(employee=employee)
    assert [s.state for s in groups["required"]] == ["to_renew"]
    assert groups["required"][0].lessons_done == 0
    _done, second = services.lesson_complete(employee=employee, lesson=lesson)
    assert second.cycle == 2 and CourseCompletion.objects.filter(employee=employee).count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_tabs_completing_the_same_lesson_at_once_record_one_completion():
    need(connection.vendor == "postgresql", "PostgreSQL (row locks)")
    employee, course = EmployeeFactory(), make_course(lessons=1)
    (lesson,) = lessons_of(course)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def complete():
        try:
            barrier.wait()
            results.append(services.lesson_complete(employee=employee, lesson=lesson))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert LessonCompletion.objects.filter(employee=employee).count() == 1
    assert CourseCompletion.objects.filter(employee=employee).count() == 1
    assert Enrolment.objects.filter(employee=employee).count() == 1
    assert sorted(completion is not None for _done, completion in results) == [False, True]
