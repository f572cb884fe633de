"""Trainers' admin: the quiz editor with nested questions and choices, the statistics button."""

import pytest
from django.contrib.auth.models import Group

from people import roles
from tests.courses.builders import make_course, make_quiz
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def test_trainer_opens_the_quiz_editor_with_questions_and_choices(trainer_client):
    page = trainer_client.get("/admin/snippets/quizzes/quiz/add/").content.decode()
    assert "Kysymykset" in page and "Vastausvaihtoehdot" in page and "Hyväksymisraja (%)" in page
    quiz = make_quiz(questions=2)
    page = trainer_client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").content.decode()
    assert "Kysymys 2" in page and "oikea 1" in page


def test_course_editor_shows_the_statistics_button(trainer_client):
    course = make_course(lessons=1)
    page = trainer_client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert f"/admin/koulutukset/{course.pk}/tilastot/" in page
