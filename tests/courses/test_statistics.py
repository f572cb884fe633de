"""Trainer statistics: counts, self-rating before/after, item analysis; who may see them."""

import uuid

import pytest
from django.contrib.auth.models import Group

from courses import services
from courses.statistics import course_statistics
from people import roles
from quizzes.models import SelfAssessmentAnswer
from quizzes.services import quiz_submit
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers, wrong_answers
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def answer(employee, quiz, first_right: bool, second_right: bool):
    right, wrong = right_answers(quiz), wrong_answers(quiz)
    first, second = quiz.questions.all()
    answers = {
        first.pk: (right if first_right else wrong)[first.pk],
        second.pk: (right if second_right else wrong)[second.pk],
    }
    return quiz_submit(
        employee=employee, quiz_id=quiz.pk, answers=answers, submission_key=str(uuid.uuid4())
    )


def test_figures_self_rating_and_item_analysis():
    quiz = make_quiz(questions=2, pass_mark=50, max_attempts=0)
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    block_id = next(b.id for b in lesson.body if b.block_type == "self_assessment")
    people = [EmployeeFactory() for _ in range(10)]
    # Question 1 separates strong from weak (only the five strong get it right);
    # question 2 everyone gets right.
    for index, person in enumerate(people):
        strong = index >= 5
        answer(person, quiz, first_right=strong, second_right=True)
        services.lesson_complete(employee=person, lesson=lesson)
        services.self_assessment_record(
            employee=person, lesson=lesson, block_id=block_id, value=2 + strong
        )
        SelfAssessmentAnswer.objects.create(
            employee=person,
            course=course,
            block_id=uuid.uuid4(),
            phase="after",
            question="q",
            value=4,
        )
    figures = course_statistics(course)
    assert (figures["enrolled"], figures["completed"], figures["in_progress"]) == (10, 10, 0)
    assert figures["average_score"] == 75
    before, after = figures["self_assessment"]["before"], figures["self_assessment"]["after"]
    assert (before.count, before.mean, before.distribution) == (10, 2.5, [0, 5, 5, 0, 0])
    assert (after.count, after.mean) == (10, 4)
    ((_quiz, items),) = figures["quizzes"]
    first, second = items
    assert (first.share_correct, first.discrimination, first.flagged) == (0.5, 1.0, False)
    assert (second.share_correct, second.discrimination, second.flagged) == (1.0, 0.0, True)


def test_in_progress_counts_started_but_not_completed():
    course = make_course(lessons=2)
    person = EmployeeFactory()
    services.lesson_complete(employee=person, lesson=lessons_of(course)[0])
    EmployeeFactory()
    assert course_statistics(course)["in_progress"] == 1


def test_only_people_who_may_edit_the_course_see_its_statistics(client):
    course = make_course(lessons=1)
    url = f"/admin/koulutukset/{course.pk}/tilastot/"
    employee = EmployeeFactory()
    client.force_login(employee.user)
    assert client.get(url).status_code in (302, 403)
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    response = client.get(url)
    assert response.status_code == 200
    assert "Itsearvio ennen ja jälkeen" in response.content.decode()
