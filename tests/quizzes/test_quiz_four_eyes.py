"""Quizzes under the four eyes: trainers cannot publish a quiz; a quiz change goes live
when a second trainer approves the course whose lesson uses it, and the trainer who last
edited the quiz cannot approve it."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from people import roles
from quizzes.models import Quiz
from tests.courses.builders import make_course, make_quiz
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def trainer():
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return person.user


def _edit_quiz(quiz, user, title):
    draft = quiz.get_latest_revision_as_object()
    draft.title = title
    return draft.save_revision(user=user)


def _submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return state, state.task.specific


def test_trainers_cannot_publish_quizzes(client):
    user = trainer()
    assert user.has_perm("quizzes.change_quiz")
    assert not user.has_perm("quizzes.publish_quiz")
    quiz = make_quiz(questions=1)
    client.force_login(user)
    edit = client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").content.decode()
    assert 'name="action-publish"' not in edit


def test_quiz_change_goes_live_with_the_course_approval():
    author, reviewer = trainer(), trainer()
    quiz = make_quiz(questions=1)
    course = make_course(lessons=1, quiz=quiz)
    _edit_quiz(quiz, author, "Korjattu visa")
    assert Quiz.objects.get(pk=quiz.pk).title != "Korjattu visa"  # a draft only

    state, task = _submit(course, author)
    task.on_action(state, reviewer, "approve")
    quiz = Quiz.objects.get(pk=quiz.pk)
    assert quiz.title == "Korjattu visa" and quiz.live_revision_id == quiz.latest_revision_id


def test_course_approval_publishes_its_lessons_quiz_changes():
    author, reviewer = trainer(), trainer()
    quiz = make_quiz(questions=1)
    course = make_course(lessons=1, quiz=quiz)
    _edit_quiz(quiz, author, "Korjattu visa")
    state, task = _submit(course, author)
    task.on_action(state, reviewer, "approve")
    assert Quiz.objects.get(pk=quiz.pk).title == "Korjattu visa"


def test_last_editor_of_the_quiz_cannot_approve_the_course():
    page_author, quiz_author, reviewer = trainer(), trainer(), trainer()
    quiz = make_quiz(questions=1)
    course = make_course(lessons=1, quiz=quiz)
    _edit_quiz(quiz, quiz_author, "Korjattu visa")
    state, task = _submit(course, page_author)
    assert task.get_actions(course, quiz_author) == []
    with pytest.raises(PermissionDenied):
        task.on_action(state, quiz_author, "approve")
    assert Quiz.objects.get(pk=quiz.pk).title != "Korjattu visa"
    assert task.get_actions(course, reviewer)
