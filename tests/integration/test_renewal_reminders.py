"""Renewal reminders through a real Celery worker and real Redis: a material change
marked on a course makes an earlier completion to renew, and the hourly sweep in the
worker queues and sends its due-soon reminder once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from courses.models import CourseCompletion
from courses.services import course_mark_material_change
from notifications.models import OutboxStatus, ReminderOutbox
from tasks.reminders import sweep
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory, make_unit
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_material_change_is_reminded_by_the_sweep_in_the_worker(celery_worker):
    unit = make_unit("U1", make_unit("HVA"))
    nurse = EmployeeFactory(unit=unit)
    course = make_course(lessons=1, grace_days=10)
    completion = CourseCompletion.objects.create(
        employee=nurse,
        course=course,
        course_title=course.title,
        completed_at=timezone.now() - datetime.timedelta(days=100),
    )
    # Marked five days ago: the renewal is due in five days, the due-soon stage.
    course_mark_material_change(course=course, now=timezone.now() - datetime.timedelta(days=5))

    sweep.delay()
    sweep.delay()
    wait_for(lambda: ReminderOutbox.objects.filter(status=OutboxStatus.SENT).count() == 1)
    row = ReminderOutbox.objects.get()
    assert (row.subject_kind, row.subject_id, row.stage) == ("renewal", completion.pk, "due_soon")
    (message,) = mail.outbox
    assert message.to == [nurse.user.email]
    assert message.subject.startswith("Koulutus on uusittava ")
