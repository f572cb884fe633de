"""The team dashboard's read: every report of a supervisor with onboarding checklist
progress and the state of each mandatory and assigned course, plus the team's
completion rate per course and completions per month.

Query budget: three, for any team size — (1) the reports with their checklist counts,
(2) the courses that concern the team, (3) one UNION of the team's enrolments, their
completions and the audiences of those courses. Filtering, sorting and paging then
happen in memory: a team is at most a few thousand rows, and "overdue first" needs
every row's state anyway.

A course's state is the `courses.selectors.CourseStatus` rule (the same one the learner
sees in My learning): a valid completion is done, an expired one is to renew, otherwise
the enrolment's due date decides overdue / due soon / not started.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CourseCompletion, CoursePage, Enrolment, default_locale_id
from courses.selectors import CourseStatus
from onboarding.models import ChecklistItem
from people.audience import fits_audience
from people.models import Employee, OrgUnit

# Worst first: the dashboard's default order and a row's overall state.
STATE_ORDER = ("overdue", "to_renew", "due_soon", "not_started", "completed")
STATE_RANK = {state: rank for rank, state in enumerate(STATE_ORDER)}
STATE_LABELS = {
    "overdue": _("Myöhässä"),
    "to_renew": _("Uusittava"),
    "due_soon": _("Erääntyy pian"),
    "not_started": _("Suorittamatta"),
    "completed": _("Suoritettu"),
}
SORT_KEYS = ("status", "name", "unit", "role", "checklist")
PAGE_SIZE = 50
TIMELINE_MONTHS = 12


def _finnish_date(day: datetime.date) -> str:
    """d.m.yyyy, as the rest of the site shows dates (j.n.Y)."""
    return f"{day.day}.{day.month}.{day.year}"


@dataclass
class Cell:
    """One person and one course."""

    state: str
    due_date: datetime.date | None
    completed_at: datetime.datetime | None
    expires_at: datetime.datetime | None

    @property
    def rank(self) -> int:
        return STATE_RANK[self.state]

    # Formatted here, not with the template's date filter: a page shows hundreds of
    # dates, and the filter's general machinery costs more than the rest of the cell.
    @property
    def due_text(self) -> str:
        return _finnish_date(self.due_date) if self.due_date else ""

    @property
    def completed_text(self) -> str:
        if self.completed_at is None:
            return ""
        return _finnish_date(timezone.localtime(self.completed_at).date())

    @property
    def label(self):
        return STATE_LABELS[self.state]


@dataclass
class ReportRow:
    """One person. `state` (the worst of their courses; an overdue checklist item counts
    as overdue) and `earliest_open_due` are worked out once in `summarise()`, since
    sorting and filtering read them for every row."""

    employee: Employee
    cells: dict[int, Cell]
    checklist_total: int
    checklist_done: int
    checklist_overdue: int
    state: str | None = None
    earliest_open_due: datetime.date = datetime.date.max

    def __post_init__(self):
        self.summarise()

    def summarise(self) -> None:
        ranks = [cell.rank for cell in self.cells.values()]
        if self.checklist_overdue:
            ranks.append(STATE_RANK["overdue"])
        self.state = STATE_ORDER[min(ranks)] if ranks else None
        self.earliest_open_due = min(
            (
                cell.due_date
                for cell in self.cells.values()
                if cell.due_date is not None and cell.state != "completed"
            ),
            default=datetime.date.max,
        )

    @property
    def state_label(self):
        return STATE_LABELS.get(self.state, "")

    @property
    def checklist_percent(self) -> int | None:
        if not self.checklist_total:
            return None
        return round(100 * self.checklist_done / self.checklist_total)


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


@dataclass(slots=True)
class _EnrolmentFacts:
    """What `CourseStatus` reads of an enrolment; a plain record instead of a model
    instance, because a team of 500 has thousands and building models would cost more
    than the query."""

    due_date: datetime.date | None
    source: str


@dataclass(slots=True)
class _CompletionFacts:
    """What `CourseStatus` reads of the latest completion; validity by the model's rule."""

    cycle: int
    completed_at: datetime.datetime
    expires_at: datetime.datetime | None

    is_valid_at = CourseCompletion.is_valid_at


def team_members(*, supervisor: Employee):
    """The same people as `people.selectors.employee_reports` (active direct reports and
    everyone in or under a unit the supervisor manages, never themself), in one query
    that tests "under a managed unit" once per unit — a few hundred rows — instead of
    once per employee of the county, so it stays fast at 30,000 people."""
    managed = OrgUnit.objects.filter(managers=supervisor).annotate(
        outer_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    )
    units_under_managed = OrgUnit.objects.filter(
        Exists(managed.filter(outer_path__startswith=F("path")))
    ).values("pk")
    return (
        Employee.objects.filter(Q(supervisor=supervisor) | Q(unit__in=units_under_managed))
        .filter(active=True)
        .exclude(pk=supervisor.pk)
        .select_related("user", "unit", "job_role")
        .order_by("user__last_name", "user__first_name", "employee_number")
    )


def _checklist_count(**conditions) -> Coalesce:
    items = (
        ChecklistItem.objects.filter(checklist__employee=OuterRef("pk"), **conditions)
        .order_by()
        .values("checklist__employee")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(items, output_field=IntegerField()), 0)


def _facts(team: list[int], course_ids: list[int]):
    """Enrolments and completions of the team in these courses, and the audiences of
    the courses, as one UNION (query 3). Columns: kind, employee, course, a date, two
    datetimes, a text and a number."""
    none_date = Value(None, output_field=DateField())
    none_time = Value(None, output_field=DateTimeField())
    none_text = Value(None, output_field=CharField())
    none_int = Value(None, output_field=IntegerField())
    enrolments = Enrolment.objects.filter(employee__in=team, course_id__in=course_ids).values_list(
        Value("e", output_field=CharField()),
        "employee_id",
        "course_id",
        "due_date",
        none_time,
        none_time,
        "source",
        none_int,
    )
    completions = CourseCompletion.objects.filter(
        employee__in=team, course_id__in=course_ids
    ).values_list(
        Value("c", output_field=CharField()),
        "employee_id",
        "course_id",
        none_date,
        "completed_at",
        "expires_at",
        none_text,
        "cycle",
    )
    units = CoursePage.audience_units.through.objects.filter(
        coursepage_id__in=course_ids
    ).values_list(
        Value("u", output_field=CharField()),
        none_int,
        "coursepage_id",
        none_date,
        none_time,
        none_time,
        "orgunit__path",
        none_int,
    )
    roles = CoursePage.audience_job_roles.through.objects.filter(
        coursepage_id__in=course_ids
    ).values_list(
        Value("r", output_field=CharField()),
        none_int,
        "coursepage_id",
        none_date,
        none_time,
        none_time,
        none_text,
        "jobrole_id",
    )
    # order_by() clears the models' default orderings, which UNION does not allow.
    return enrolments.order_by().union(
        completions.order_by(), units.order_by(), roles.order_by(), all=True
    )


def _team_rows(supervisor: Employee) -> tuple[list[CoursePage], list[ReportRow]]:
    """Every report with a cell for each course that applies to them. Three queries."""
    reports_query = team_members(supervisor=supervisor)
    today = timezone.localdate()
    reports = list(
        reports_query.annotate(
            checklist_total=_checklist_count(),
            checklist_done=_checklist_count(done_at__isnull=False),
            checklist_overdue=_checklist_count(done_at__isnull=True, due_date__lt=today),
        )
    )
    if not reports:
        return [], []
    assigned = Enrolment.objects.filter(employee__in=reports_query.values("pk")).exclude(
        source=Enrolment.Source.SELF
    )
    courses = list(
        CoursePage.objects.live()
        .filter(locale_id=default_locale_id())
        .filter(Q(mandatory=True) | Q(pk__in=assigned.values("course_id")))
        .only("pk", "title", "mandatory", "validity_months", "path", "depth", "locale_id")
        .order_by("title", "pk")
    )
    course_ids = [course.pk for course in courses]
    enrolments: dict[tuple[int, int], _EnrolmentFacts] = {}
    latest: dict[tuple[int, int], _CompletionFacts] = {}
    unit_paths: dict[int, list[str]] = {pk: [] for pk in course_ids}
    role_ids: dict[int, list[int]] = {pk: [] for pk in course_ids}
    if course_ids:
        # The ids themselves rather than the team query as a subquery: the planner then
        # knows it is looking for a few hundred people, not half the county.
        team = [employee.pk for employee in reports]
        for kind, employee_id, course_id, day, started, ends, text, number in _facts(
            team, course_ids
        ):
            if kind == "e":
                enrolments[(employee_id, course_id)] = _EnrolmentFacts(day, text)
            elif kind == "c":
                known = latest.get((employee_id, course_id))
                if known is None or known.cycle < number:
                    latest[(employee_id, course_id)] = _CompletionFacts(number, started, ends)
            elif kind == "u":
                unit_paths[course_id].append(text)
            else:
                role_ids[course_id].append(number)
    rows = []
    for employee in reports:
        cells = {}
        for course in courses:
            key = (employee.pk, course.pk)
            enrolment = enrolments.get(key)
            assigned_to_them = enrolment is not None and enrolment.source != Enrolment.Source.SELF
            if not assigned_to_them and not (
                course.mandatory
                and fits_audience(employee, unit_paths[course.pk], role_ids[course.pk])
            ):
                continue
            completion = latest.get(key)
            status = CourseStatus(course, enrolment, 0, 0, completion, today)
            cells[course.pk] = Cell(
                state=status.state,
                due_date=status.due_date,
                completed_at=completion.completed_at if completion else None,
                expires_at=completion.expires_at if completion else None,
            )
        rows.append(
            ReportRow(
                employee=employee,
                cells=cells,
                checklist_total=employee.checklist_total,
                checklist_done=employee.checklist_done,
                checklist_overdue=employee.checklist_overdue,
            )
        )
    return courses, rows


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
    """The dashboard for `supervisor` with `filters` applied. Three queries."""
    courses, rows = _team_rows(supervisor)
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
