"""Writes the per-unit completion totals the county report reads (`UnitCompletionTotal`).

For each live course that is mandatory or assigned to someone, one grouped query counts,
per unit, the active people it is required of (mandatory and in the audience, or
assigned), how many hold a valid completion and how many are past the due date. The
"all mandatory training" totals are the sums of the mandatory courses' person–course
pairs. The whole table is replaced in one transaction, so the report never sees half
a refresh. Run by beat (tasks/supervision.py) and on demand from the report.
"""

import logging
import time

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from courses.models import CourseCompletion, CoursePage, Enrolment, default_locale_id
from courses.permissions import audience_of
from intents.services import intent_record
from people import deadlines
from people.models import Employee
from supervision.models import UnitCompletionTotal

logger = logging.getLogger(__name__)


def _required_of(course: CoursePage, unit_paths: list[str], role_ids: list[int]) -> Q:
    assigned = Exists(
        Enrolment.objects.filter(employee_id=OuterRef("pk"), course_id=course.pk).exclude(
            source=Enrolment.Source.SELF
        )
    )
    if not course.mandatory:
        return Q(assigned)
    if not unit_paths and not role_ids:
        return Q(pk__isnull=False)  # an empty audience is everyone
    audience = Q()
    if unit_paths:
        in_units = Q()
        for path in unit_paths:
            in_units |= Q(unit__path__startswith=path)
        audience &= in_units
    if role_ids:
        audience &= Q(job_role_id__in=role_ids)
    return audience | Q(assigned)


def _valid_completion(course: CoursePage, now) -> Exists:
    """The CourseStatus rule: a completion that has not expired means done."""
    return Exists(
        CourseCompletion.objects.filter(employee_id=OuterRef("pk"), course_id=course.pk)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .order_by()
    )


def unit_totals_refresh() -> int:  # long: per course, then the sums up the tree
    """Recount every unit's totals. Returns the number of rows written."""
    started = time.monotonic()
    now = timezone.now()
    today = timezone.localdate()
    assigned_courses = Enrolment.objects.exclude(source=Enrolment.Source.SELF).values("course_id")
    courses = list(
        CoursePage.objects.live()
        .filter(locale_id=default_locale_id())
        .filter(Q(mandatory=True) | Q(pk__in=assigned_courses))
        .order_by("pk")
    )
    unit_paths, role_ids = audience_of(courses)
    rows: list[UnitCompletionTotal] = []
    mandatory: dict[int, list[int]] = {}
    for course in courses:
        late = Exists(
            Enrolment.objects.filter(
                deadlines.overdue(today=today), employee_id=OuterRef("pk"), course_id=course.pk
            )
        )
        counts = (
            Employee.objects.filter(active=True)
            .filter(_required_of(course, unit_paths[course.pk], role_ids[course.pk]))
            .annotate(
                done=_valid_completion(course, now),
                late=late,
            )
            .order_by()
            .values("unit_id")
            .annotate(
                required=Count("pk"),
                completed=Count("pk", filter=Q(done=True)),
                overdue=Count("pk", filter=Q(done=False, late=True)),
            )
        )
        for found in counts:
            rows.append(
                UnitCompletionTotal(
                    unit_id=found["unit_id"],
                    course_id=course.pk,
                    required=found["required"],
                    completed=found["completed"],
                    overdue=found["overdue"],
                    refreshed_at=now,
                )
            )
            if course.mandatory:
                summed = mandatory.setdefault(found["unit_id"], [0, 0, 0])
                summed[0] += found["required"]
                summed[1] += found["completed"]
                summed[2] += found["overdue"]
    for unit_id, (required, completed, overdue) in mandatory.items():
        rows.append(
            UnitCompletionTotal(
                unit_id=unit_id,
                course_id=None,
                required=required,
                completed=completed,
                overdue=overdue,
                refreshed_at=now,
            )
        )
    with transaction.atomic():
        UnitCompletionTotal.objects.all().delete()
        UnitCompletionTotal.objects.bulk_create(rows, batch_size=2000)
    logger.info(
        "Unit completion totals: %s rows for %s courses in %.2f s",
        len(rows),
        len(courses),
        time.monotonic() - started,
    )
    return len(rows)


def unit_totals_refresh_later() -> None:
    """Someone asked for fresh figures: the worker recomputes them (idempotent)."""
    intent_record("supervision.refresh_unit_totals")
