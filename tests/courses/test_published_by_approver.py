"""An approved change is published in the approver's name (mutation testing found the
rule unguarded): the page's history says who let it go live, not "system"."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from people import roles
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _trainer():
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return person.user


def test_the_approver_is_recorded_as_the_one_who_published():
    author, reviewer = _trainer(), _trainer()
    course = make_course(lessons=1)
    course.title = "Korjattu kurssi"
    course.save_revision(user=author)
    course.get_workflow().start(course, author)
    course.refresh_from_db()
    state = course.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve")
    course.refresh_from_db()
    assert (
        course.title == "Korjattu kurssi" and course.live_revision_id == course.latest_revision_id
    )
    published = PageLogEntry.objects.filter(page=course, action="wagtail.publish").latest("pk")
    assert published.user_id == reviewer.pk
