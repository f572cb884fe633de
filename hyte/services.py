"""Writes started from the hyte picture: assigning a course to everyone in a unit."""

import datetime

from django.contrib.auth.models import User

from audit.models import AuditAction
from audit.services import record
from courses.models import CoursePage
from courses.services import enrolments_assign
from people.models import Employee, OrgUnit


def unit_course_assign(
    *, unit: OrgUnit, course: CoursePage, due_date: datetime.date, actor: User
) -> dict[str, int]:
    """Assign the course to the active people of the unit and its sub-units."""
    employees = Employee.objects.filter(active=True, unit__path__startswith=unit.path)
    counts = enrolments_assign(employees=employees, course=course, due_date=due_date)
    record(
        action=AuditAction.COURSE_ASSIGN,
        actor=actor,
        target=f"{unit.code} / {course.pk}",
        due_date=due_date.isoformat(),
        **counts,
    )
    return counts
