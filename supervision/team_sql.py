"""The team dashboard in PostgreSQL: every person × course cell of a supervisor's team
given its state, each person's worst state, the filters, the sort and one page, with the
counts, the completion rate per course and the completions per month, in one statement.

The cells are read from `learning_status` (`courses.models.LearningStatus`: one row per
person and required course with its stored dates, kept by `courses.status` in the
transaction of each change), through its (employee, course) index with the dates
included: no cross join of the team and the courses, no audience worked out per
request. What depends on the day is computed here from those dates by the one rule,
`courses.selectors.course_state_sql` (next to `CourseStatus`); a course to renew shows
the renewal's due date stored by `courses.selectors.renewal_due_date`. Who is in the
team is `people.selectors.employee_reports`, compiled into the statement.

Why raw SQL: the page needs per-person aggregates of a per-cell CASE (the state rule),
ordered by them, paged, and team-wide sums over the same filtered set, as one statement.
It returns one row: the page's people with their cells as JSON, and the aggregates.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone, translation

from courses.models import CoursePage
from courses.selectors import COURSE_STATE_ORDER, course_state_sql
from people.models import Employee
from people.selectors import employee_reports

# Worst first: a row's overall state is the lowest rank of its cells.
assert COURSE_STATE_ORDER == ("overdue", "to_renew", "due_soon", "not_started", "completed")


def _language_column() -> str:
    language = (translation.get_language() or "fi")[:2]
    return f"name_{language}" if language in ("fi", "sv", "en") else "name_fi"


_SORTS = {
    # (expression, nulls last) in ascending order; descending reverses every part.
    "status": ["p.rank", "p.earliest_due", "lower(p.last_name)", "lower(p.first_name)"],
    "name": ["lower(p.last_name)", "p.first_name"],
    "unit": ["lower(p.unit_name)", "lower(p.last_name)"],
    "role": ["lower(p.role_name)", "p.last_name"],
    "checklist": [
        "CASE WHEN p.checklist_total > 0 THEN round(100.0 * p.checklist_done"
        " / p.checklist_total) ELSE 101 END",
        "lower(p.last_name)",
    ],
}


def _order_by(sort: str, descending: bool) -> tuple[str, str, list]:
    """The page's ORDER BY, and for a course column the join to that course's cell."""
    join, params = "", []
    if sort.startswith("course-"):
        join = " LEFT JOIN cell sc ON sc.employee_id = p.id AND sc.course_id = %s"
        params = [int(sort[7:])]
        parts = ["coalesce(sc.rank, 5)", "sc.due_date", "lower(p.last_name)"]
    else:
        parts = _SORTS.get(sort, _SORTS["status"])
    direction = " DESC NULLS FIRST" if descending else " ASC NULLS LAST"
    parts = [part + direction for part in parts] + [
        "p.employee_number" + (" DESC" if descending else "")
    ]
    return join, ", ".join(parts), params


@dataclass
class SqlResult:
    rows: list[dict]
    total: int
    overdue: int
    team_size: int
    units: list[tuple[int, str]]
    rates: dict[int, tuple[int, int]]  # course id → (required, completed)
    months: dict[datetime.date, int]


def team_statement(
    *,
    supervisor: Employee,
    courses: list[CoursePage],
    filters,
    offset: int,
    limit: int | None,
    since: datetime.datetime,
) -> SqlResult:  # long: most of it is the one SQL statement's text
    """One statement; see the module's docstring. `filters` is a DashboardFilters whose
    course filter has already narrowed `courses`."""
    team_sql, team_params = (
        employee_reports(supervisor=supervisor).order_by().values("pk").query.sql_with_params()
    )
    state_sql, state_params = course_state_sql(
        due="ls.due_date", completed_at="ls.completed_at", expires_at="ls.expires_at"
    )
    name = _language_column()
    course_ids = [course.pk for course in courses]
    today = timezone.localdate()
    params: list = []
    # Only identifiers and SQL compiled by Django or written here go into the text; every
    # value is a parameter.
    sql = f"""
WITH team AS MATERIALIZED (
    SELECT e.id, e.employee_number, e.unit_id, e.job_role_id, ou.path AS unit_path,
        u.first_name, u.last_name,
        coalesce(nullif(ou.{name}, ''), ou.name_fi) AS unit_name, ou.name_fi AS unit_name_fi,
        coalesce(nullif(jr.{name}, ''), jr.name_fi) AS role_name, jr.name_fi AS role_name_fi
    FROM people_employee e
    JOIN auth_user u ON u.id = e.user_id
    JOIN people_orgunit ou ON ou.id = e.unit_id
    JOIN people_jobrole jr ON jr.id = e.job_role_id
    WHERE e.id IN ({team_sql})
),
cell AS MATERIALIZED (
    SELECT s.employee_id, s.course_id, s.completed_at, s.state,
        CASE WHEN s.state = 'to_renew' THEN s.renewal_due ELSE s.due_date END AS due_date,
        array_position(%s::text[], s.state) - 1 AS rank
    FROM (
        SELECT ls.employee_id, ls.course_id, ls.due_date, ls.renewal_due, ls.completed_at,
            {state_sql} AS state
        FROM learning_status ls
        WHERE ls.employee_id IN (SELECT id FROM team) AND ls.course_id = ANY(%s::bigint[])
    ) AS s
),
checklist AS MATERIALIZED (
    SELECT cl.employee_id, count(*) AS total,
        count(*) FILTER (WHERE ci.done_at IS NOT NULL) AS done,
        count(*) FILTER (WHERE ci.done_at IS NULL AND ci.due_date < %s) AS overdue
    FROM onboarding_checklist cl
    JOIN onboarding_checklistitem ci ON ci.checklist_id = cl.id
    WHERE cl.employee_id IN (SELECT id FROM team)
    GROUP BY cl.employee_id
),
person AS MATERIALIZED (
    SELECT t.*, coalesce(k.total, 0) AS checklist_total, coalesce(k.done, 0) AS checklist_done,
        coalesce(k.overdue, 0) AS checklist_overdue,
        CASE WHEN coalesce(k.overdue, 0) > 0 THEN 0 ELSE g.rank END AS rank,
        g.earliest_due, coalesce(g.states, '{{}}') AS states,
        coalesce(g.has_cells, false) AS has_cells
    FROM team t
    LEFT JOIN checklist k ON k.employee_id = t.id
    LEFT JOIN (
        SELECT c.employee_id, min(c.rank) AS rank,
            min(c.due_date) FILTER (WHERE c.state <> 'completed') AS earliest_due,
            array_agg(c.state) AS states, true AS has_cells
        FROM cell c GROUP BY c.employee_id
    ) AS g ON g.employee_id = t.id
),
filtered AS MATERIALIZED (
    SELECT p.* FROM person p WHERE true
"""  # noqa: S608
    params += team_params
    # The state's parameters sit inside `cell`, after the state order.
    params += [list(COURSE_STATE_ORDER), *state_params, course_ids]
    params += [today]
    if filters.course_id is not None:
        sql += " AND p.has_cells"
    if filters.unit_id is not None:
        sql += (
            " AND starts_with(p.unit_path, (SELECT ou.path FROM people_orgunit ou"
            " WHERE ou.id = %s AND ou.id IN (SELECT unit_id FROM team)))"
        )
        params.append(filters.unit_id)
    if filters.search:
        needle = filters.search.lower()
        sql += (
            " AND (strpos(lower(p.first_name || ' ' || p.last_name), %s) > 0"
            " OR strpos(lower(p.last_name || ' ' || p.first_name), %s) > 0"
            " OR lower(p.employee_number) = %s)"
        )
        params += [needle, needle, needle]
    if filters.status:
        sql += " AND (%s = ANY(p.states)"
        params.append(filters.status)
        if filters.status == "overdue":
            sql += " OR p.checklist_overdue > 0"
        sql += ")"
    join, order, order_params = _order_by(filters.sort, filters.descending)
    sql += f"""
),
page AS (
    SELECT q.* FROM (
        SELECT p.*, row_number() OVER (ORDER BY {order}) AS ordinal FROM filtered p{join}
    ) AS q
    WHERE q.ordinal > %s AND q.ordinal <= %s
),
page_cells AS (
    SELECT c.employee_id, json_agg(json_build_array(c.course_id, c.state, c.due_date,
                                                    c.completed_at)) AS cells
    FROM cell c WHERE c.employee_id IN (SELECT id FROM page) GROUP BY c.employee_id
)
SELECT
    (SELECT json_build_object(
        'total', count(*), 'overdue', count(*) FILTER (WHERE rank = 0)) FROM filtered),
    (SELECT count(*) FROM team),
    (SELECT json_agg(json_build_array(unit_id, unit_name, unit_name_fi))
     FROM (SELECT DISTINCT unit_id, unit_name, unit_name_fi FROM team) AS units),
    (SELECT json_agg(r) FROM (
        SELECT c.course_id, count(*) AS required,
            count(*) FILTER (WHERE c.state = 'completed') AS completed
        FROM cell c WHERE c.employee_id IN (SELECT id FROM filtered) GROUP BY c.course_id
    ) AS r),
    (SELECT json_agg(m) FROM (
        SELECT to_char(date_trunc('month', c.completed_at AT TIME ZONE %s), 'YYYY-MM-DD')
            AS month, count(*) AS completions
        FROM cell c
        WHERE c.employee_id IN (SELECT id FROM filtered) AND c.completed_at >= %s
        GROUP BY 1
    ) AS m),
    (SELECT json_agg(json_build_object(
        'id', p.id, 'employee_number', p.employee_number,
        'first_name', p.first_name, 'last_name', p.last_name,
        'unit_name', p.unit_name, 'role_name', p.role_name,
        'checklist_total', p.checklist_total, 'checklist_done', p.checklist_done,
        'checklist_overdue', p.checklist_overdue, 'rank', p.rank,
        'cells', pc.cells
     ) ORDER BY p.ordinal)
     FROM page AS p LEFT JOIN page_cells pc ON pc.employee_id = p.id)
"""  # noqa: S608
    params += order_params
    params += [offset, offset + limit if limit is not None else 2**31]
    params += [timezone.get_current_timezone_name(), since]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        summary, team_size, units, rates, months, rows = cursor.fetchone()
    units = sorted(((u[0], u[1]) for u in units or []), key=lambda unit: unit[1].lower())
    return SqlResult(
        rows=rows or [],
        total=summary["total"],
        overdue=summary["overdue"],
        team_size=team_size,
        units=units,
        rates={r["course_id"]: (r["required"], r["completed"]) for r in rates or []},
        months={datetime.date.fromisoformat(m["month"]): m["completions"] for m in months or []},
    )
