"""A small county for the reminder tests: a sector with a manager, a unit with a
manager, a supervisor and two of her reports; helpers for due items and courses."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import CourseCompletion, Enrolment
from onboarding.models import Checklist, ChecklistItem, ItemKind, ItemOwner
from people import roles
from tests.factories import EmployeeFactory, make_unit

LONG_AGO = timezone.now() - datetime.timedelta(days=365)


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def county():
    root = make_unit("HVA")
    sector = make_unit("SOS", root, "sector")
    unit = make_unit("SOS-1", sector)
    sector_head = EmployeeFactory(unit=sector, user__first_name="Sirpa", user__last_name="Sektori")
    sector.managers.add(sector_head)
    lead = EmployeeFactory(
        unit=unit, supervisor=sector_head, user__first_name="Liisa", user__last_name="Lahi"
    )
    nurse = EmployeeFactory(
        unit=unit, supervisor=lead, user__first_name="Noora", user__last_name="Hoitaja"
    )
    aide = EmployeeFactory(
        unit=unit, supervisor=lead, user__first_name="Aapo", user__last_name="Avustaja"
    )
    return {
        "root": root,
        "sector": sector,
        "unit": unit,
        "sector_head": sector_head,
        "lead": lead,
        "nurse": nurse,
        "aide": aide,
    }


def make_hr_admin(unit, **fields):
    hr = EmployeeFactory(unit=unit, **fields)
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    return hr


def item_for(
    employee,
    *,
    due_in: int,
    title: str = "Hae avaimet",
    owner: str = ItemOwner.EMPLOYEE,
    kind: str = ItemKind.TASK,
    done: bool = False,
) -> ChecklistItem:
    checklist, _created = Checklist.objects.get_or_create(employee=employee)
    item = ChecklistItem.objects.create(
        checklist=checklist,
        kind=kind,
        title=title,
        owner=owner,
        due_date=today() + datetime.timedelta(days=due_in),
        done_at=timezone.now() if done else None,
    )
    # Made well before its due date, so every stage lies ahead of its creation.
    ChecklistItem.objects.filter(pk=item.pk).update(created_at=LONG_AGO)
    item.created_at = LONG_AGO
    return item


def enrol(employee, course, *, due_in: int) -> Enrolment:
    enrolment = Enrolment.objects.create(
        employee=employee,
        course=course,
        source=Enrolment.Source.ASSIGNED,
        due_date=today() + datetime.timedelta(days=due_in),
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=LONG_AGO)
    enrolment.enrolled_at = LONG_AGO
    return enrolment


def complete(employee, course, *, days_ago: int = 10, expires_in: int | None = None, cycle=1):
    now = timezone.now()
    return CourseCompletion.objects.create(
        employee=employee,
        course=course,
        cycle=cycle,
        course_title=course.title,
        completed_at=now - datetime.timedelta(days=days_ago),
        expires_at=None if expires_in is None else now + datetime.timedelta(days=expires_in),
    )
