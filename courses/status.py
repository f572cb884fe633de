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
from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Left, Length
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
    if people is not None and wanted is not None and len(people) == len(wanted) == 1:
        return _refresh_one(people[0], wanted[0])  # a learner's own change: one statement
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


def _refresh_one(employee_id: int, course_id: int) -> int:
    """`learning_status_refresh` for one person and one course in one statement: the
    row the facts call for (the same rules, in SQL: `_one_row`) is upserted, or the
    row deleted when they call for none. Returns how many rows there are (0 or 1)."""
    select, params = _one_row(employee_id, course_id).query.sql_with_params()
    table = LearningStatus._meta.db_table
    columns = "employee_id, course_id, due_date, completed_at, expires_at, renewal_due"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH wanted AS ({select}),
            kept AS (
                INSERT INTO {table} ({columns}) SELECT * FROM wanted
                ON CONFLICT (employee_id, course_id) DO UPDATE SET
                    due_date = EXCLUDED.due_date, completed_at = EXCLUDED.completed_at,
                    expires_at = EXCLUDED.expires_at, renewal_due = EXCLUDED.renewal_due
                RETURNING 1
            ), gone AS (
                DELETE FROM {table} WHERE employee_id = %s AND course_id = %s
                AND NOT EXISTS (SELECT 1 FROM wanted)
            )
            SELECT count(*) FROM kept
            """,  # noqa: S608 (table names from the models, values as parameters)
            [*params, employee_id, course_id],
        )
        return cursor.fetchone()[0]


def _one_row(employee_id: int, course_id: int):
    """The status row of one person and one course as a one-row (or empty) queryset of
    values: the loop of `learning_status_refresh` in SQL. A live Finnish course, an
    active person; assigned (an enrolment not chosen by them) or mandatory for their
    audience (`people.audience.fits_audience`: no units or one of theirs above theirs,
    and no job roles or theirs); the due date of the enrolment; the latest completion's
    dates and its renewal's due date (`courses.selectors.renewal_due_date_sql`)."""
    from courses.selectors import renewal_due_date_sql

    course = CoursePage.objects.live().filter(pk=course_id, locale_id=default_locale_id())
    enrolment = Enrolment.objects.filter(employee_id=employee_id, course_id=course_id)
    latest = CourseCompletion.objects.filter(employee_id=employee_id, course_id=course_id).order_by(
        "-cycle"
    )[:1]
    units = CoursePage.audience_units.through.objects.filter(coursepage_id=course_id)
    roles = CoursePage.audience_job_roles.through.objects.filter(coursepage_id=course_id)
    fits = (
        ~Exists(units)
        | Exists(units.filter(orgunit__path=Left(OuterRef("unit__path"), Length("orgunit__path"))))
    ) & (~Exists(roles) | Exists(roles.filter(jobrole_id=OuterRef("job_role_id"))))
    source = Subquery(enrolment.values("source")[:1])
    return (
        Employee.objects.filter(pk=employee_id, active=True)
        .filter(Exists(course))
        .annotate(
            source=source,
            mandatory=Subquery(course.values("mandatory")[:1]),
            fits=ExpressionWrapper(fits, output_field=BooleanField()),
        )
        .filter(
            (Q(source__isnull=False) & ~Q(source=Enrolment.Source.SELF))
            | (Q(mandatory=True) & Q(fits=True))
        )
        .values_list(
            "pk",
            Value(course_id),
            Subquery(enrolment.values("due_date")[:1]),
            Subquery(latest.values("completed_at")),
            Subquery(latest.values("expires_at")),
            Subquery(latest.annotate(due=renewal_due_date_sql()).values("due")),
        )
    )


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
