"""Attending a session completes what points at its series: an onboarding checklist
item (ticked) and a course (its lessons marked done through the course service, which
records the completion)."""

import datetime

import pytest
from django.utils import timezone

from courses.models import CourseCompletion, CoursePage, LessonCompletion
from events import services
from onboarding.models import Checklist, ChecklistItem, ItemKind, ItemOwner
from tests.courses.builders import lessons_of, make_course
from tests.events.builders import make_session
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_attending_completes_the_course_and_ticks_the_checklist_item():
    session = make_session(starts_in=-datetime.timedelta(minutes=5))
    course = make_course(lessons=2)
    CoursePage.objects.filter(pk=course.pk).update(session_series=session.series)
    other_course = make_course(lessons=1)
    attendee, absent = EmployeeFactory(), EmployeeFactory()
    item = ChecklistItem.objects.create(
        checklist=Checklist.objects.create(employee=attendee),
        kind=ItemKind.SESSION,
        title="Osallistu järjestöjen esittäytymiseen",
        session_series=session.series,
        owner=ItemOwner.EMPLOYEE,
        due_date=timezone.localdate(),
    )
    services.attendance_check_in(
        session_id=session.pk, employee=attendee, code=session.checkin_code
    )
    registration = session.registrations.get(employee=attendee)
    assert registration.attended_at is not None
    completion = CourseCompletion.objects.get(employee=attendee)
    assert completion.course_id == course.pk
    assert LessonCompletion.objects.filter(employee=attendee).count() == len(lessons_of(course))
    assert not CourseCompletion.objects.filter(course=other_course).exists()
    assert not CourseCompletion.objects.filter(employee=absent).exists()
    item.refresh_from_db()
    assert item.done_at is not None

    # Marking again on the coordinator's list records nothing twice.
    services.attendance_mark(session=session, attended_ids={registration.pk}, by_user=None)
    assert CourseCompletion.objects.filter(employee=attendee).count() == 1
