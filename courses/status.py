"""Keeping `LearningStatus` (the `learning_status` table) true: which course each
person is required to take, and the dates its state is worked out from.

`learning_status_refresh` recomputes the rows of some people, some courses or both
from the facts (enrolments, the latest completions, the courses' audiences by
`people.audience.fits_audience`, the renewal's due date by
`courses.selectors.renewal_due_date`) and replaces them: the same code builds the
table (`manage.py learning_status_rebuild`, the migration) and keeps it. It is called
in the transaction of every change that can move a row:

- an enrolment saved or deleted, or enrolments made in bulk (`enrolments_assign`,
  the go-live enrolments of established staff): those people and courses;
- a course completed: that person and course;
- a course published or unpublished (its audience, whether it is mandatory, its grace
  period): everyone for that course;
- employments changed (`people.signals.employments_changed` from the staff import and
  the nightly closing of ended employments, or an employee saved): those people.

Nothing stored depends on the day, so no nightly job is needed: the states that
change with time (overdue, due soon, to renew) are computed when read.
"""

from collections.abc import Iterable

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from wagtail.models import Locale

from courses.models import (
    CourseCompletion,
    CoursePage,
    Enrolment,
    LearningStatus,
    default_locale_id,
)
from people.audience import fits_audience
from people.models import Employee

BATCH = 5000


def _courses(course_ids: list[int] | None) -> list[CoursePage]:
    """The live Finnish courses in scope with their audiences: one query."""
    through_units = CoursePage.audience_units.through.objects.filter(coursepage_id=OuterRef("pk"))
    through_roles = CoursePage.audience_job_roles.through.objects.filter(
        coursepage_id=OuterRef("pk")
    )
    try:
        locale_id = default_locale_id()
    except Locale.DoesNotExist:  # no content locale yet (a flushed database): no courses
        return []
    courses = CoursePage.objects.live().filter(locale_id=locale_id)
    if course_ids is not None:
        courses = courses.filter(pk__in=course_ids)
    return list(
        courses.annotate(
            audience_unit_paths=ArraySubquery(through_units.values("orgunit__path")),
            audience_role_ids=ArraySubquery(through_roles.values("jobrole_id")),
        ).only("pk", "mandatory", "grace_days", "path", "depth", "locale_id")
    )


def learning_status_refresh(
    *, employee_ids: Iterable[int] | None = None, course_ids: Iterable[int] | None = None
) -> int:  # long: read the facts, then one pass over people × courses
    """Replace the rows of these people × these courses (None: all) by what the facts
    say now; returns how many rows there are. Five queries for any number of people
    and courses, plus one per 5,000 rows written."""
    from courses.selectors import renewal_due_date

    people = list(employee_ids) if employee_ids is not None else None
    wanted = list(course_ids) if course_ids is not None else None
    if people == [] or wanted == []:
        return 0
    courses = _courses(wanted)
    scope = LearningStatus.objects.all()
    if people is not None:
        scope = scope.filter(employee_id__in=people)
    if wanted is not None:
        scope = scope.filter(course_id__in=wanted)
    scope._raw_delete(scope.db)  # no cascades or signals hang on these rows
    if not courses:
        return 0
    ids = [course.pk for course in courses]
    employees = Employee.objects.filter(active=True).select_related("unit")
    enrolments = Enrolment.objects.filter(course_id__in=ids)
    completions = CourseCompletion.objects.filter(course_id__in=ids)
    if people is not None:
        employees = employees.filter(pk__in=people)
        enrolments = enrolments.filter(employee_id__in=people)
        completions = completions.filter(employee_id__in=people)
    due = {
        (employee_id, course_id): (source, due_date)
        for employee_id, course_id, source, due_date in enrolments.values_list(
            "employee_id", "course_id", "source", "due_date"
        )
    }
    latest: dict[tuple[int, int], CourseCompletion] = {}
    for completion in completions.order_by("cycle").only(
        "employee_id", "course_id", "cycle", "completed_at", "expires_at"
    ):
        latest[(completion.employee_id, completion.course_id)] = completion
    columns = [
        (course, course.audience_unit_paths or [], set(course.audience_role_ids or []))
        for course in courses
    ]
    rows = []
    for employee in employees.only("pk", "job_role_id", "unit__path").iterator(chunk_size=5000):
        for course, unit_paths, role_ids in columns:
            key = (employee.pk, course.pk)
            source, due_date = due.get(key, (None, None))
            assigned = source is not None and source != Enrolment.Source.SELF
            if not assigned and not (
                course.mandatory and fits_audience(employee, unit_paths, role_ids)
            ):
                continue
            completion = latest.get(key)
            rows.append(
                LearningStatus(
                    employee_id=employee.pk,
                    course_id=course.pk,
                    due_date=due_date,
                    completed_at=completion.completed_at if completion else None,
                    expires_at=completion.expires_at if completion else None,
                    renewal_due=renewal_due_date(completion=completion, course=course),
                )
            )
    LearningStatus.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


# --- receivers (connected in CoursesConfig.ready) -----------------------------------------


def enrolment_changed(sender, instance: Enrolment, created: bool = False, **kwargs) -> None:
    """An enrolment saved or deleted. A new one the person chose without a due date
    changes no row (it makes nothing required), so working on an optional lesson costs
    nothing here."""
    if created and instance.source == Enrolment.Source.SELF and instance.due_date is None:
        return
    learning_status_refresh(employee_ids=[instance.employee_id], course_ids=[instance.course_id])


def completion_recorded(sender, instance: CourseCompletion, **kwargs) -> None:
    learning_status_refresh(employee_ids=[instance.employee_id], course_ids=[instance.course_id])


def course_published(sender, instance, **kwargs) -> None:
    """A course published or unpublished: its audience, whether it is mandatory and its
    grace period may have changed, for everyone."""
    if isinstance(instance, CoursePage):
        learning_status_refresh(course_ids=[instance.canonical.pk])


EMPLOYMENT_FIELDS = {"unit", "unit_id", "job_role", "job_role_id", "active"}


def employee_saved(
    sender, instance: Employee, raw: bool = False, update_fields=None, **kwargs
) -> None:
    """An employee saved (the admin, a single edit): unless only other fields were
    saved (a language chosen), their unit, job role or employment may have changed."""
    if raw or (update_fields is not None and not EMPLOYMENT_FIELDS & set(update_fields)):
        return
    learning_status_refresh(employee_ids=[instance.pk])


def employments_changed(sender, employee_ids, **kwargs) -> None:
    learning_status_refresh(employee_ids=employee_ids)
