"""Rules that mutation testing showed unguarded: the four eyes when the person who
submitted is not the one who last edited, and a score exactly at the pass mark."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from people import roles
from quizzes.services import quiz_submit
from tests.courses.builders import make_course, make_quiz, right_answers, wrong_answers
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def trainer():
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return person.user


def test_the_submitter_cannot_approve_after_someone_else_edited_last():
    submitter, last_editor, reviewer = trainer(), trainer(), trainer()
    course = make_course(lessons=1)
    course.save_revision(user=submitter)
    course.get_workflow().start(course, submitter)
    course.refresh_from_db()
    course.title = "Toisen korjaama"
    course.save_revision(user=last_editor)
    course.refresh_from_db()
    state = course.current_workflow_task_state
    task = state.task.specific
    assert course.latest_revision.user_id == last_editor.pk
    assert state.workflow_state.requested_by_id == submitter.pk

    for author in (submitter, last_editor):
        assert task.get_actions(course, author) == []
        with pytest.raises(PermissionDenied):
            task.on_action(state, author, "approve")
    assert task.get_actions(course, reviewer)


def test_a_score_exactly_at_the_pass_mark_passes():
    employee, quiz = EmployeeFactory(), make_quiz(questions=2, pass_mark=50)
    answers = right_answers(quiz)
    first = quiz.questions.all()[0]
    answers[first.pk] = wrong_answers(quiz)[first.pk]
    attempt = quiz_submit(
        employee=employee, quiz_id=quiz.pk, answers=answers, submission_key=str(uuid.uuid4())
    )
    assert (attempt.score, attempt.passed) == (50, True)
