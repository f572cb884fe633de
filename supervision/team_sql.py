"""The team dashboard in PostgreSQL: a supervisor's team filtered, sorted by each
person's worst state (or a name, a unit, a course…) and paged, with the counts, the
cells of the page's people, the completion rate per course and the completions per
month — in one statement.

People are sorted, filtered and counted from `learning_summary`
(`courses.models.LearningSummary`: one row per person summing up their rows of
`learning_status`, kept with those rows by `courses.status`), so a person costs one
row whatever their number of courses; with a course filter, the same summary is worked
out from that one course's rows. What depends on the day is computed here from the
stored dates by the one rule: `courses.status.summary_state_sql` for a person,
`courses.selectors.course_state_sql` for a cell (a course to renew shows the renewal's
due date stored by `courses.selectors.renewal_due_date`). Only the page's people get
their cells read and sent back. The completion rates and the months read every cell
of the filtered people once, through the status table's (employee, course) index with
the dates included, in one grouping. Who is in the team is
`people.selectors.employee_reports`, compiled into the statement.

Why raw SQL: the page needs per-person expressions over arrays, ordered by them,
paged, and team-wide sums over the same filtered set, as one statement.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone, translation

from courses.models import CoursePage
from courses.selectors import COURSE_STATE_ORDER, course_state_sql
from courses.status import SUMMARY_SELECT, summary_state_sql
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


def _order_by(sort: str, descending: bool) -> tuple[str, str]:
    """The page's ORDER BY, and for a course column the join to that course's cell."""
    join = ""
    if sort.startswith("course-"):
        join = (
            " LEFT JOIN (SELECT ls.employee_id,"
            " array_position(%(states)s::text[], {state}) - 1 AS rank,"
            " CASE WHEN {state} = 'to_renew' THEN ls.renewal_due ELSE ls.due_date END AS due"
            " FROM learning_status ls WHERE ls.course_id = %(sort_course)s"
            " AND ls.employee_id IN (SELECT id FROM filtered)) AS sc ON sc.employee_id = p.id"
        )
        parts = ["coalesce(sc.rank, 5)", "sc.due", "lower(p.last_name)"]
    else:
        parts = _SORTS.get(sort, _SORTS["status"])
    direction = " DESC NULLS FIRST" if descending else " ASC NULLS LAST"
    parts = [part + direction for part in parts] + [
        "p.employee_number" + (" DESC" if descending else "")
    ]
    return join, ", ".join(parts)


def _positional(sql: str, named: dict, positional: list) -> tuple[str, list]:
    """`sql` with its `%(name)s` placeholders made positional like the `%s` ones of the
    SQL Django compiled into it, and the parameters in the order they appear."""
    queue = iter(positional)
    params: list = []

    def one(match: re.Match) -> str:
        if match.group(0) == "%%":
            return "%%"
        params.append(named[match.group(1)] if match.group(1) else next(queue))
        return "%s"

    return re.sub(r"%\((\w+)\)s|%s|%%", one, sql), params


@dataclass
class SqlResult:
    rows: list[dict]
    total: int
    overdue: int
    team_size: int
    units: list[tuple[int, str]]
    rates: dict[int, tuple[int, int]]  # course id → (required, completed)
    months: dict[datetime.date, int]  # of those asked for


def team_statement(
    *,
    supervisor: Employee,
    courses: list[CoursePage],
    filters,
    offset: int,
    limit: int | None,
    months: list[datetime.date],
) -> SqlResult:  # long: most of it is the one SQL statement's text
    """One statement; see the module's docstring. `filters` is a DashboardFilters whose
    course filter has already narrowed `courses`; `months` are the first days of the
    months to count completions in, in order (the last one counts up to now)."""
    team_sql, team_params = (
        employee_reports(supervisor=supervisor).order_by().values("pk").query.sql_with_params()
    )
    cell_state, _values = course_state_sql(
        due="ls.due_date", completed_at="ls.completed_at", expires_at="ls.expires_at"
    )
    cell_state = cell_state.replace("%s", "%(now)s", 1).replace("%s", "%(today)s", 1)
    cell_state = cell_state.replace("%s", "%(until)s", 1)
    person, values = summary_state_sql("s")
    zone = timezone.get_current_timezone()
    month = "width_bucket(ls.completed_at, %(months)s::timestamptz[])" if months else "NULL::int"
    name = _language_column()
    named = {
        **values,
        "states": list(COURSE_STATE_ORDER),
        "courses": [course.pk for course in courses],
        # Each month from its local midnight: the month of a completion is a binary search
        # in these (width_bucket), not a time zone conversion per row.
        "months": [
            datetime.datetime.combine(month, datetime.time(), tzinfo=zone) for month in months
        ],
        "offset": offset,
        "end": offset + limit if limit is not None else 2**31,
    }
    if filters.course_id is not None:
        # The summary of the chosen course's rows alone, worked out the same way.
        summary = (
            f"({SUMMARY_SELECT} WHERE ls.employee_id IN (SELECT id FROM team)"  # noqa: S608
            " AND ls.course_id = ANY(%(courses)s) GROUP BY ls.employee_id)"
        )
    else:
        summary = "learning_summary"
    # Only identifiers and SQL compiled by Django or written here go into the text; every
    # value is a parameter.
    sql = f"""
WITH team AS MATERIALIZED (
    SELECT e.id, e.employee_number, e.unit_id, ou.path AS unit_path,
        u.first_name, u.last_name,
        coalesce(nullif(ou.{name}, ''), ou.name_fi) AS unit_name, ou.name_fi AS unit_name_fi,
        coalesce(nullif(jr.{name}, ''), jr.name_fi) AS role_name
    FROM people_employee e
    JOIN auth_user u ON u.id = e.user_id
    JOIN people_orgunit ou ON ou.id = e.unit_id
    JOIN people_jobrole jr ON jr.id = e.job_role_id
    WHERE e.id IN ({team_sql})
),
checklist AS MATERIALIZED (
    SELECT cl.employee_id, count(*) AS total,
        count(*) FILTER (WHERE ci.done_at IS NOT NULL) AS done,
        count(*) FILTER (WHERE ci.done_at IS NULL AND ci.due_date < %(today)s) AS overdue
    FROM onboarding_checklist cl
    JOIN onboarding_checklistitem ci ON ci.checklist_id = cl.id
    WHERE cl.employee_id IN (SELECT id FROM team)
    GROUP BY cl.employee_id
),
person AS MATERIALIZED (
    SELECT t.*, coalesce(k.total, 0) AS checklist_total, coalesce(k.done, 0) AS checklist_done,
        coalesce(k.overdue, 0) AS checklist_overdue,
        CASE WHEN coalesce(k.overdue, 0) > 0 THEN 0 ELSE {person["rank"]} END AS rank,
        {person["earliest_due"]} AS earliest_due,
        s.employee_id IS NOT NULL AS has_cells, s.open_dues, s.open_undated,
        s.completed_forever, s.expiries, s.required, s.open
    FROM team t
    LEFT JOIN checklist k ON k.employee_id = t.id
    LEFT JOIN LATERAL (SELECT * FROM {summary} AS s WHERE s.employee_id = t.id) AS s ON true
),
filtered AS MATERIALIZED (
    SELECT p.id, p.employee_number, p.unit_id, p.first_name, p.last_name, p.unit_name,
        p.role_name, p.checklist_total, p.checklist_done, p.checklist_overdue, p.rank,
        p.earliest_due
    FROM person p WHERE true
"""  # noqa: S608
    if filters.course_id is not None:
        sql += " AND p.has_cells"
    if filters.unit_id is not None:
        sql += (
            " AND starts_with(p.unit_path, (SELECT ou.path FROM people_orgunit ou"
            " WHERE ou.id = %(unit)s AND ou.id IN (SELECT unit_id FROM team)))"
        )
        named["unit"] = filters.unit_id
    if filters.search:
        named["needle"] = filters.search.lower()
        sql += (
            " AND (strpos(lower(p.first_name || ' ' || p.last_name), %(needle)s) > 0"
            " OR strpos(lower(p.last_name || ' ' || p.first_name), %(needle)s) > 0"
            " OR lower(p.employee_number) = %(needle)s)"
        )
    if filters.status:
        has_state = summary_state_sql("p")[0][filters.status]
        sql += f" AND (coalesce({has_state}, false)"
        if filters.status == "overdue":
            sql += " OR p.checklist_overdue > 0"
        sql += ")"
    join, order = _order_by(filters.sort, filters.descending)
    if join:
        named["sort_course"] = int(filters.sort[7:])
        join = join.format(state=cell_state)
    sql += f"""
),
page AS MATERIALIZED (
    -- Numbered as the sorted and cut rows come (a top-N sort, not a sort of everyone).
    SELECT q.*, row_number() OVER () AS ordinal FROM (
        SELECT p.* FROM filtered p{join}
        ORDER BY {order}
        OFFSET %(offset)s LIMIT %(end)s - %(offset)s
    ) AS q
),
page_cells AS (
    SELECT c.employee_id, json_agg(json_build_array(c.course_id, c.state,
        CASE WHEN c.state = 'to_renew' THEN c.renewal_due ELSE c.due_date END,
        c.completed_at)) AS cells
    FROM (
        SELECT ls.employee_id, ls.course_id, ls.due_date, ls.renewal_due, ls.completed_at,
            {cell_state} AS state
        FROM learning_status ls
        WHERE ls.employee_id IN (SELECT id FROM page) AND ls.course_id = ANY(%(courses)s)
    ) AS c
    GROUP BY c.employee_id
)
SELECT
    (SELECT json_build_object(
        'total', count(*), 'overdue', count(*) FILTER (WHERE rank = 0)) FROM filtered),
    (SELECT count(*) FROM team),
    (SELECT json_agg(json_build_array(unit_id, unit_name, unit_name_fi))
     FROM (SELECT DISTINCT unit_id, unit_name, unit_name_fi FROM team) AS units),
    (SELECT json_agg(json_build_array(g.course_id, g.month, g.required, g.completed)) FROM (
        SELECT ls.course_id,
            {month} AS month,
            count(*) AS required,
            count(*) FILTER (WHERE {cell_state} = 'completed') AS completed
        FROM learning_status ls
        WHERE ls.employee_id IN (SELECT id FROM filtered) AND ls.course_id = ANY(%(courses)s)
        GROUP BY 1, 2
    ) AS g),
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
    sql, params = _positional(sql, named, list(team_params))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        summary_row, team_size, units, groups, rows = cursor.fetchone()
    units = sorted(((u[0], u[1]) for u in units or []), key=lambda unit: unit[1].lower())
    required: Counter = Counter()
    completed: Counter = Counter()
    counts: Counter = Counter()
    for course_id, month, count, done in groups or []:
        required[course_id] += count
        completed[course_id] += done
        if month:  # 0: before the first month; NULL: not completed
            counts[months[month - 1]] += count
    return SqlResult(
        rows=rows or [],
        total=summary_row["total"],
        overdue=summary_row["overdue"],
        team_size=team_size,
        units=units,
        rates={course_id: (required[course_id], completed[course_id]) for course_id in required},
        months=dict(counts),
    )
