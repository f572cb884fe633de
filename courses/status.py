"""Keeping `LearningStatus` (the `learning_status` table) true: which course each
person is required to take, and the dates its state is worked out from.

`learning_status_refresh` recomputes the rows of some people, some courses or both
from the facts (enrolments, the latest completions, the courses' audiences by the rule
of `people.audience.fits_audience`, the renewal's due date by
`courses.selectors.renewal_due_date_sql`) and replaces them, in a few set-based
statements whatever the number of people, with the per-person summaries
(`LearningSummary`) of everyone whose rows changed: the same code builds the
table (`manage.py learning_status_rebuild`, the migration) and keeps it. It is called
in the transaction of every change that can move a row:

- an enrolment saved or deleted, or enrolments made in bulk (`enrolments_assign`,
  the go-live enrolments of established staff): those people and courses;
- a course completed: that person and course;
- a course marked a material change (its completions expire): everyone for that course;
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
from people.models import Employee

# What `courses.selectors.renewal_due_date` reads of a course besides its grace period.
RENEWAL_WINDOW_FIELDS = (
    "renewal_start_month",
    "renewal_start_day",
    "renewal_end_month",
    "renewal_end_day",
)


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
        ).only(
            "pk",
            "mandatory",
            "grace_days",
            *RENEWAL_WINDOW_FIELDS,
            "path",
            "depth",
            "locale_id",
        )
    )


def learning_status_refresh(
    *, employee_ids: Iterable[int] | None = None, course_ids: Iterable[int] | None = None
) -> int:
    """Replace the rows of these people × these courses (None: all) by what the facts
    say now, and the summaries of everyone whose rows changed; returns how many rows
    there are. Four statements for any number of people and courses, set-based: a
    course published for 30,000 people costs the same four (two when the people had no
    rows and get none)."""
    people = list(employee_ids) if employee_ids is not None else None
    wanted = list(course_ids) if course_ids is not None else None
    if people == [] or wanted == []:
        return 0
    if people is not None and wanted is not None and len(people) == len(wanted) == 1:
        return _refresh_one(people[0], wanted[0])  # a learner's own change: one statement
    courses = _courses(wanted)
    deleted, removed = _delete_rows(people, wanted)
    added = _insert_rows(people, courses) if courses else []
    if not deleted and not added:
        return 0  # nothing was there and nothing is: the summaries stand
    if people is None and wanted is None:
        summaries_refresh(None)
    else:
        summaries_refresh(people if people is not None else removed | set(added))
    return len(added)


def _delete_rows(people: list[int] | None, wanted: list[int] | None) -> tuple[int, set[int]]:
    """Delete the rows in scope: how many, and for a refresh of some courses for
    everyone, the people who had one (otherwise the caller knows whose summaries to
    redo). One statement (no cascades or signals hang on these rows)."""
    sql = "DELETE FROM learning_status WHERE true"
    params: list = []
    if people is not None:
        sql += " AND employee_id = ANY(%s)"
        params.append(people)
    if wanted is not None:
        sql += " AND course_id = ANY(%s)"
        params.append(wanted)
    with connection.cursor() as cursor:
        if people is not None or wanted is None:
            cursor.execute(sql, params)
            return cursor.rowcount, set()
        cursor.execute(sql + " RETURNING employee_id", params)
        removed = {employee_id for (employee_id,) in cursor.fetchall()}
        return len(removed), removed


def _insert_rows(
    people: list[int] | None, courses: list[CoursePage]
) -> list[int]:  # long: most of it is the one statement's text and its parameters
    """Insert the rows the facts give for these people (None: everyone active) × these
    courses; the person of each row. One statement, whatever the number of people: the
    latest completions with their renewal's due date by `renewal_due_date_sql`, each
    course's audience by the rule of `people.audience.fits_audience` (any unit path a
    prefix of the person's unit's, any job role theirs; an empty list fits everyone)."""
    from courses.selectors import renewal_due_date_sql

    ids = [course.pk for course in courses]
    completions = CourseCompletion.objects.filter(course_id__in=ids)
    if people is not None:
        completions = completions.filter(employee_id__in=people)
    latest_sql, latest_params = (
        completions.order_by("employee_id", "course_id", "-cycle")
        .distinct("employee_id", "course_id")
        .annotate(renewal_due=renewal_due_date_sql())
        .values("employee_id", "course_id", "completed_at", "expires_at", "renewal_due")
        .query.sql_with_params()
    )
    unit_pairs = [
        (course.pk, path) for course in courses for path in course.audience_unit_paths or []
    ]
    role_pairs = [
        (course.pk, role) for course in courses for role in course.audience_role_ids or []
    ]
    params: list = [
        *latest_params,
        ids,
        [course.mandatory for course in courses],
        [not course.audience_unit_paths for course in courses],
        [not course.audience_role_ids for course in courses],
        [pk for pk, _path in unit_pairs],
        [path for _pk, path in unit_pairs],
        [pk for pk, _role in role_pairs],
        [role for _pk, role in role_pairs],
        Enrolment.Source.SELF.value,
    ]
    sql = f"""
WITH latest AS MATERIALIZED (SELECT * FROM ({latest_sql}) AS l),
course AS (
    SELECT * FROM unnest(%s::bigint[], %s::boolean[], %s::boolean[], %s::boolean[])
        AS c(id, mandatory, any_unit, any_role)
),
unit_audience AS (SELECT * FROM unnest(%s::bigint[], %s::text[]) AS a(course_id, path)),
role_audience AS (SELECT * FROM unnest(%s::bigint[], %s::bigint[]) AS a(course_id, role_id))
INSERT INTO learning_status (employee_id, course_id, due_date, completed_at, expires_at,
    renewal_due)
SELECT e.id, c.id, en.due_date, l.completed_at, l.expires_at, l.renewal_due
FROM people_employee e
JOIN people_orgunit ou ON ou.id = e.unit_id
CROSS JOIN course c
LEFT JOIN courses_enrolment en ON en.employee_id = e.id AND en.course_id = c.id
LEFT JOIN latest l ON l.employee_id = e.id AND l.course_id = c.id
WHERE e.active
    AND ((en.source IS NOT NULL AND en.source <> %s) OR (c.mandatory
        AND (c.any_unit OR EXISTS (SELECT FROM unit_audience a
                                   WHERE a.course_id = c.id AND starts_with(ou.path, a.path)))
        AND (c.any_role OR EXISTS (SELECT FROM role_audience a
                                   WHERE a.course_id = c.id AND a.role_id = e.job_role_id))))
"""  # noqa: S608 (the text is compiled by Django or written here; values are parameters)
    if people is not None:
        sql += " AND e.id = ANY(%s)"
        params.append(people)
    with connection.cursor() as cursor:
        cursor.execute(sql + " RETURNING employee_id", params)
        return [employee_id for (employee_id,) in cursor.fetchall()]


# One person's rows summed up (`LearningSummary`): the columns, in the model's order, of
# an aggregate over `learning_status ls` grouped by person. The open rows are those
# without a completion, as in `courses.selectors.course_state_sql`.
SUMMARY_COLUMNS = (
    "employee_id, required, open, open_undated, open_dues, completed_forever, expiries,"
    " renewal_dues"
)
SUMMARY_SELECT = """
SELECT ls.employee_id, count(*) AS required,
    count(*) FILTER (WHERE ls.completed_at IS NULL) AS open,
    count(*) FILTER (WHERE ls.completed_at IS NULL AND ls.due_date IS NULL) AS open_undated,
    coalesce(array_agg(ls.due_date ORDER BY ls.due_date)
        FILTER (WHERE ls.completed_at IS NULL AND ls.due_date IS NOT NULL), '{}') AS open_dues,
    count(*) FILTER (WHERE ls.completed_at IS NOT NULL AND ls.expires_at IS NULL)
        AS completed_forever,
    coalesce(array_agg(ls.expires_at ORDER BY ls.expires_at, ls.renewal_due)
        FILTER (WHERE ls.completed_at IS NOT NULL AND ls.expires_at IS NOT NULL), '{}')
        AS expiries,
    coalesce(array_agg(ls.renewal_due ORDER BY ls.expires_at, ls.renewal_due)
        FILTER (WHERE ls.completed_at IS NOT NULL AND ls.expires_at IS NOT NULL), '{}')
        AS renewal_dues
FROM learning_status ls
"""


def summary_state_sql(summary: str) -> tuple[dict[str, str], dict]:
    """`courses.selectors.course_state_sql` read over a person's summary (`summary` is
    the alias of a row with `LearningSummary`'s columns): SQL expressions for whether
    any of their courses is in each state, their worst state's rank in
    COURSE_STATE_ORDER (NULL without courses), and the earliest due date of the courses
    not completed (a course to renew by its renewal's due date). The values in the
    expressions are `%(now)s`, `%(today)s` and `%(until)s` placeholders; the second item
    gives them, the same moment and days as `course_state_sql` compares with. A test
    compares these with `course_state_sql` over the rows."""
    s = summary
    first_open = f"{s}.open_dues[1]"
    last_open = f"{s}.open_dues[cardinality({s}.open_dues)]"
    expired = f"{s}.expiries[1] <= %(now)s"
    expressions = {
        "overdue": f"coalesce({first_open} < %(today)s, false)",
        "to_renew": f"coalesce({expired}, false)",
        "due_soon": f"EXISTS (SELECT FROM unnest({s}.open_dues) AS d(day)"
        " WHERE d.day >= %(today)s AND d.day <= %(until)s)",
        "not_started": f"({s}.open_undated > 0 OR coalesce({last_open} > %(until)s, false))",
        "completed": f"({s}.completed_forever > 0"
        f" OR coalesce({s}.expiries[cardinality({s}.expiries)] > %(now)s, false))",
    }
    expressions["rank"] = (
        f"CASE WHEN {first_open} < %(today)s THEN 0 WHEN {expired} THEN 1"
        f" WHEN {first_open} <= %(until)s THEN 2 WHEN {s}.open > 0 THEN 3"
        f" WHEN {s}.required > 0 THEN 4 END"
    )
    expressions["earliest_due"] = (
        f"least({first_open}, CASE WHEN {expired} THEN (SELECT min(x.due)"  # noqa: S608
        f" FROM unnest({s}.expiries, {s}.renewal_dues) AS x(expires, due)"
        " WHERE x.expires <= %(now)s) END)"
    )
    return expressions, course_state_values()


def course_state_values() -> dict:
    """The moment and days `course_state_sql` compares with, by name."""
    from courses.selectors import course_state_sql

    _sql, (now, today, until) = course_state_sql(due="d", completed_at="c", expires_at="e")
    return {"now": now, "today": today, "until": until}


def summaries_refresh(employee_ids: Iterable[int] | None) -> None:
    """Work the `LearningSummary` of these people (None: everyone) out again from their
    rows. One statement for any number of people: the summaries upserted, and those of
    people left without rows deleted."""
    people = list(employee_ids) if employee_ids is not None else None
    if people == []:
        return
    scope = " WHERE ls.employee_id = ANY(%(people)s)" if people is not None else ""
    gone = " AND employee_id = ANY(%(people)s)" if people is not None else ""
    updates = _summary_updates()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
WITH fresh AS MATERIALIZED ({SUMMARY_SELECT}{scope} GROUP BY ls.employee_id),
gone AS (
    DELETE FROM learning_summary
    WHERE employee_id NOT IN (SELECT employee_id FROM fresh){gone}
)
INSERT INTO learning_summary ({SUMMARY_COLUMNS}) SELECT * FROM fresh
ON CONFLICT (employee_id) DO UPDATE SET {updates}
""",  # noqa: S608 (the text is written here; the people are a parameter)
            {"people": people} if people is not None else None,
        )


def _summary_updates() -> str:
    """The SET list of a summary upsert: every column but the person."""
    return ", ".join(
        f"{column} = EXCLUDED.{column}"
        for column in SUMMARY_COLUMNS.replace(" ", "").split(",")
        if column != "employee_id"
    )


def _refresh_one(employee_id: int, course_id: int) -> int:
    """`learning_status_refresh` for one person and one course in one statement: the
    row the facts call for (the same rules, in SQL: `_one_row`; a test compares it with
    the refresh of many) is upserted, or the row deleted when they call for none, and
    the person's summary worked out again. Returns how many rows there are (0 or 1)."""
    select, params = _one_row(employee_id, course_id).query.sql_with_params()
    table = LearningStatus._meta.db_table
    columns = "employee_id, course_id, due_date, completed_at, expires_at, renewal_due"
    # The person's summary from their other rows and the one wanted: the rows the
    # statement writes are not visible to it.
    summed = SUMMARY_SELECT.replace("FROM learning_status ls", "FROM mine ls")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH wanted AS MATERIALIZED ({select}),
            kept AS (
                INSERT INTO {table} ({columns}) SELECT * FROM wanted
                ON CONFLICT (employee_id, course_id) DO UPDATE SET
                    due_date = EXCLUDED.due_date, completed_at = EXCLUDED.completed_at,
                    expires_at = EXCLUDED.expires_at, renewal_due = EXCLUDED.renewal_due
                RETURNING 1
            ), gone AS (
                DELETE FROM {table} WHERE employee_id = %s AND course_id = %s
                AND NOT EXISTS (SELECT 1 FROM wanted)
            ), mine AS (
                SELECT {columns} FROM {table} WHERE employee_id = %s AND course_id <> %s
                UNION ALL SELECT * FROM wanted
            ), fresh AS MATERIALIZED ({summed} GROUP BY ls.employee_id),
            no_summary AS (
                DELETE FROM learning_summary
                WHERE employee_id = %s AND NOT EXISTS (SELECT 1 FROM fresh)
            ), summary AS (
                INSERT INTO learning_summary ({SUMMARY_COLUMNS}) SELECT * FROM fresh
                ON CONFLICT (employee_id) DO UPDATE SET {_summary_updates()}
            )
            SELECT count(*) FROM kept
            """,  # noqa: S608 (table names from the models, values as parameters)
            [*params, employee_id, course_id, employee_id, course_id, employee_id],
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
