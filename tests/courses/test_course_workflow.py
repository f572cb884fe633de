"""Courses go live only when a second trainer approves them."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from courses.models import CoursePage
from people import roles
from tests.courses.builders import course_index
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def trainer():
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return person.user


def test_author_cannot_approve_their_own_course_a_second_trainer_can():
    author, reviewer = trainer(), trainer()
    course = course_index().add_child(
        instance=CoursePage(title="Uusi kurssi", slug="uusi", summary="x", live=False)
    )
    revision = course.save_revision(user=author)
    assert not course.permissions_for_user(author).can_publish()

    workflow = course.get_workflow()
    assert workflow.name == "Koulutusten hyväksyntä"
    workflow.start(course, author)
    course.refresh_from_db()
    task_state = course.current_workflow_task_state
    task = task_state.task.specific
    assert task.get_actions(course, author) == []
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, author, "approve")
    course.refresh_from_db()
    assert not course.live

    assert [name for name, _label, _modal in task.get_actions(course, reviewer)][:2] == [
        "reject",
        "approve",
    ]
    task.on_action(task_state, reviewer, "approve")
    course.refresh_from_db()
    assert course.live and course.live_revision_id == revision.pk
