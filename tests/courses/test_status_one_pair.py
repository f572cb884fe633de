"""The status table's refresh of one person and one course (`courses.status.
_refresh_one`, one statement, what a learner's own change costs) writes the same row as
the refresh of many (the rules in Python), for every kind of audience, enrolment and
completion."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import CourseCompletion, Enrolment, LearningStatus, LearningSummary
from courses.status import learning_status_refresh, summaries_refresh
from tests.courses.builders import make_course
from tests.supervision.conftest import county  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

FIELDS = ("employee_id", "course_id", "due_date", "completed_at", "expires_at", "renewal_due")


def _rows(employee_ids, course_ids):
    return sorted(
        LearningStatus.objects.filter(
            employee_id__in=employee_ids, course_id__in=course_ids
        ).values_list(*FIELDS)
    )


def _summaries(employee_ids):
    return sorted(
        LearningSummary.objects.filter(employee_id__in=employee_ids).values_list(), key=str
    )


def test_one_person_and_one_course_as_the_refresh_of_many(county):  # noqa: F811
    care, nurse = county["care"], county["nurse"]
    by_unit = make_course(lessons=1, mandatory=True)
    by_unit.audience_units.set([care.get_parent()])  # the sector above the care unit
    by_role = make_course(lessons=1, mandatory=True, grace_days=10)
    by_role.audience_job_roles.set([nurse])
    both = make_course(lessons=1, mandatory=True)
    both.audience_units.set([care])
    both.audience_job_roles.set([nurse])
    for course in (by_unit, by_role, both):
        course.save()  # the audience is the page's (modelcluster): kept when saved
    optional = make_course(lessons=1)
    courses = [by_unit, by_role, both, optional, county["mandatory"], county["assigned"]]
    people = [county[name] for name in ("anna", "ben", "cai", "dan", "eve", "stranger")]
    now = timezone.now()
    Enrolment.objects.create(employee=people[2], course=optional, source="self")
    Enrolment.objects.create(
        employee=people[3], course=optional, source="assigned", due_date=now.date()
    )
    CourseCompletion.objects.create(
        employee=people[1],
        course=by_role,
        course_title="x",
        completed_at=now - datetime.timedelta(days=400),
        expires_at=now - datetime.timedelta(days=35),
    )
    course_ids = [course.pk for course in courses]
    employee_ids = [person.pk for person in people]
    learning_status_refresh(employee_ids=employee_ids, course_ids=course_ids)
    many = _rows(employee_ids, course_ids)
    summaries = _summaries(employee_ids)
    # The sector's people only, the nurses only, the care unit's nurses only.
    assert {(e, c) for e, c, *_dates in many if c == by_unit.pk} == {
        (person.pk, by_unit.pk) for person in people if person.unit.path.startswith(care.path[:-4])
    }
    assert {e for e, c, *_dates in many if c == by_role.pk} == {
        person.pk for person in people if person.job_role_id == nurse.pk
    }
    assert any(renewal for *_rest, renewal in many)
    LearningStatus.objects.all().delete()
    LearningSummary.objects.all().delete()
    for employee_id in employee_ids:
        for course_id in course_ids:
            with CaptureQueriesContext(connection) as queries:
                learning_status_refresh(employee_ids=[employee_id], course_ids=[course_id])
            assert len(queries) == 1
    assert _rows(employee_ids, course_ids) == many
    # Each person's summary worked out with their rows, in the same statement.
    assert _summaries(employee_ids) == summaries
    # A row no longer called for goes: the assignment withdrawn.
    Enrolment.objects.filter(employee=people[3], course=optional).delete()
    assert not LearningStatus.objects.filter(employee=people[3], course=optional).exists()
    kept = _summaries([people[3].pk])
    summaries_refresh([people[3].pk])  # the summary worked out from the rows left
    assert _summaries([people[3].pk]) == kept
