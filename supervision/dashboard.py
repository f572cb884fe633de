"""The team dashboard's read: the team's rows (supervision.team) filtered, searched,
sorted, with the team's completion rate per course and completions per month.

Query budget: the three of `supervision.team.team_rows`, for any team size. Filtering,
sorting and paging happen in memory: a team is at most a few thousand rows, and
"overdue first" needs every row's state anyway.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from courses.models import CoursePage
from courses.selectors import in_reader_language
from people.models import Employee
from supervision.team import STATE_ORDER, STATE_RANK, ReportRow, team_rows

SORT_KEYS = ("status", "name", "unit", "role", "checklist")
PAGE_SIZE = 50
TIMELINE_MONTHS = 12


@dataclass
class CourseRate:
    course: CoursePage
    required: int
    completed: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.completed / self.required) if self.required else None


@dataclass
class MonthCount:
    month: datetime.date
    completions: int


@dataclass
class TeamDashboard:
    courses: list[CoursePage]
    rows: list[ReportRow]  # filtered and sorted, every page
    team_size: int
    rates: list[CourseRate]
    units: list  # (id, name) of the units the team works in
    all_courses: list[CoursePage] = field(default_factory=list)  # before the course filter
    timeline: list[MonthCount] = field(default_factory=list)

    @property
    def overdue_people(self) -> list[ReportRow]:
        return [row for row in self.rows if row.state == "overdue"]


@dataclass
class DashboardFilters:
    unit_id: int | None = None
    course_id: int | None = None
    status: str = ""
    search: str = ""
    sort: str = "status"
    descending: bool = False

    @classmethod
    def from_query(cls, query) -> "DashboardFilters":
        def number(key):
            value = query.get(key, "")
            return int(value) if value.isdigit() else None

        status = query.get("tila", "")
        sort = query.get("jarjestys", "status")
        descending = sort.startswith("-")
        sort = sort.lstrip("-")
        if sort not in SORT_KEYS and not (sort.startswith("course-") and sort[7:].isdigit()):
            sort = "status"
        return cls(
            unit_id=number("yksikko"),
            course_id=number("koulutus"),
            status=status if status in STATE_RANK else "",
            search=query.get("haku", "").strip()[:100],
            sort=sort,
            descending=descending,
        )

    def as_query(self) -> dict:
        """The same filters as query parameters (for links and export jobs)."""
        query = {
            "yksikko": self.unit_id or "",
            "koulutus": self.course_id or "",
            "tila": self.status,
            "haku": self.search,
            "jarjestys": ("-" if self.descending else "") + self.sort,
        }
        return {key: value for key, value in query.items() if value not in ("", None)}


def _sort_key(sort: str):
    if sort == "name":
        return lambda row: (row.employee.user.last_name.lower(), row.employee.user.first_name)
    if sort == "unit":
        return lambda row: (row.employee.unit.name.lower(), row.employee.user.last_name.lower())
    if sort == "role":
        return lambda row: (row.employee.job_role.name.lower(), row.employee.user.last_name)
    if sort == "checklist":
        return lambda row: (
            row.checklist_percent if row.checklist_percent is not None else 101,
            row.employee.user.last_name.lower(),
        )
    if sort.startswith("course-"):
        course_id = int(sort[7:])

        def by_course(row):
            cell = row.cells.get(course_id)
            if cell is None:
                return (len(STATE_ORDER), datetime.date.max, row.employee.user.last_name.lower())
            return (
                cell.rank,
                cell.due_date or datetime.date.max,
                row.employee.user.last_name.lower(),
            )

        return by_course

    def by_status(row):
        state = row.state
        return (
            STATE_RANK.get(state, len(STATE_ORDER)),
            row.earliest_open_due,
            row.employee.user.last_name.lower(),
            row.employee.user.first_name.lower(),
        )

    return by_status


def _timeline(rows: list[ReportRow], today: datetime.date) -> list[MonthCount]:
    """Completions (latest per person and course) per calendar month, last 12 months."""
    first = today.replace(day=1)
    months = []
    for back in range(TIMELINE_MONTHS - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(datetime.date(year, month + 1, 1))
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(months[0], datetime.time(), tzinfo=zone)
    counts = Counter()
    for row in rows:
        for cell in row.cells.values():
            if cell.completed_at is not None and cell.completed_at >= since:
                counts[cell.completed_at.astimezone(zone).date().replace(day=1)] += 1
    return [MonthCount(month, counts.get(month, 0)) for month in months]


def team_dashboard(*, supervisor: Employee, filters: DashboardFilters) -> TeamDashboard:
    """The dashboard for `supervisor` with `filters` applied. Three queries (four in
    Swedish or English: the courses' translated titles)."""
    courses, rows = team_rows(supervisor)
    # Shown (never saved) under their title in the reader's language; cells stay keyed
    # by the Finnish course.
    for pk, translated in in_reader_language(courses).items():
        next(course for course in courses if course.pk == pk).title = translated.title
    units = sorted(
        {(row.employee.unit_id, row.employee.unit.name) for row in rows}, key=lambda u: u[1]
    )
    unit_paths = {row.employee.unit_id: row.employee.unit.path for row in rows}
    team_size = len(rows)
    all_courses = courses
    if filters.course_id is not None:
        courses = [course for course in courses if course.pk == filters.course_id]
        shown = {course.pk for course in courses}
        rows = [row for row in rows if shown & row.cells.keys()]
        for row in rows:
            row.cells = {pk: cell for pk, cell in row.cells.items() if pk in shown}
            row.summarise()
    if filters.unit_id is not None:
        prefix = unit_paths.get(filters.unit_id)
        rows = [row for row in rows if prefix and row.employee.unit.path.startswith(prefix)]
    if filters.search:
        needle = filters.search.lower()
        rows = [
            row
            for row in rows
            if needle in row.employee.full_name.lower()
            or needle in f"{row.employee.user.last_name} {row.employee.user.first_name}".lower()
            or needle == row.employee.employee_number.lower()
        ]
    if filters.status:
        rows = [
            row
            for row in rows
            if any(cell.state == filters.status for cell in row.cells.values())
            or (filters.status == "overdue" and row.checklist_overdue)
        ]
    rows.sort(key=_sort_key(filters.sort), reverse=filters.descending)
    rates = []
    for course in courses:
        cells = [row.cells[course.pk] for row in rows if course.pk in row.cells]
        rates.append(
            CourseRate(course, len(cells), sum(1 for c in cells if c.state == "completed"))
        )
    return TeamDashboard(
        courses=courses,
        rows=rows,
        team_size=team_size,
        rates=rates,
        units=units,
        all_courses=all_courses,
        timeline=_timeline(rows, timezone.localdate()),
    )
