"""The team dashboard's reads.

`team_page` is the page: the courses (one query, and one for their titles in Swedish or
English) and one statement
(`supervision.team_sql`) that filters, sorts and pages the team in the database by each
person's summary (`learning_summary`), reads the page's cells from the status table
(`learning_status`) and sums the completion rates and the months — two queries for any
team size; the page's course cells are written in Python (`PageRow.course_cells_html`).

`team_dashboard` is every row of the team built in Python from `supervision.team`
(three queries): the exports, which need every row anyway, use it.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from courses.models import CoursePage, Enrolment, default_locale_id
from courses.selectors import in_reader_language
from people.models import Employee
from people.selectors import employee_reports
from supervision.team import STATE_LABELS, STATE_ORDER, STATE_RANK, Cell, ReportRow, team_rows
from supervision.team_sql import team_statement

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


def _titles_in_reader_language(courses: list[CoursePage]) -> None:
    """Give each course the title of its live translation in the reader's language, where
    it has one: shown, never saved; cells and filters stay keyed by the Finnish course.
    One query, none in Finnish."""
    translated = in_reader_language(courses)
    for course in courses:
        if course.pk in translated:
            course.title = translated[course.pk].title


def team_dashboard(*, supervisor: Employee, filters: DashboardFilters) -> TeamDashboard:
    """The dashboard for `supervisor` with `filters` applied. Three queries (four in
    Swedish or English: the courses' translated titles)."""
    courses, rows = team_rows(supervisor)
    _titles_in_reader_language(courses)
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


# --- one page, in the database ---------------------------------------------------------


@dataclass
class CellTexts:
    """What every course cell of a page shows that is not the person's: the course
    titles, the state labels and the due date's wording, translated and escaped once."""

    titles: list[str]
    labels: dict[str, str]
    due: str
    none_cell: str

    @classmethod
    def of(cls, courses: list) -> "CellTexts":
        return cls(
            titles=[escape(course.title) for course in courses],
            labels={state: escape(str(label)) for state, label in STATE_LABELS.items()},
            due=escape(gettext("määräpäivä %(date)s")),
            none_cell='<td class="cell-course cell-none" data-label="%s">'
            f'<span aria-label="{escape(gettext("ei koske"))}">–</span></td>',
        )


@dataclass
class PageRow:
    """One person on the page, with a cell (or None) per shown course, in order."""

    id: int
    employee_number: str
    first_name: str
    last_name: str
    unit_name: str
    role_name: str
    checklist_total: int
    checklist_done: int
    checklist_overdue: int
    state: str | None
    cell_list: list
    courses: list = field(default_factory=list)
    texts: "CellTexts | None" = None  # the page's, worked out once

    @property
    def course_cells(self) -> list:
        return list(zip(self.courses, self.cell_list, strict=True))

    @property
    def course_cells_html(self) -> SafeString:
        """The row's course cells as table cells. Written here rather than in the
        template: a page has hundreds of them, and the template's loop, tags and
        translation blocks cost more per cell than the rest of the page's work."""
        texts = self.texts or CellTexts.of(self.courses)
        html = []
        for title, cell in zip(texts.titles, self.cell_list, strict=True):
            if cell is None:
                html.append(texts.none_cell % title)
                continue
            if cell.state == "completed":
                date = f'<br><span class="cell-date">{cell.completed_text}</span>'
            elif cell.due_date:
                date = f'<br><span class="cell-date">{texts.due % {"date": cell.due_text}}</span>'
            else:
                date = ""
            html.append(
                f'<td class="cell-course" data-label="{title}"><span class="state'
                f' state-{cell.state}">{texts.labels[cell.state]}</span>{date}</td>'
            )
        # Titles, labels and the date format are escaped in CellTexts; the states are
        # fixed names and the dates digits and dots.
        return mark_safe("".join(html))  # noqa: S308

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def state_label(self):
        return STATE_LABELS.get(self.state, "")

    @property
    def checklist_percent(self) -> int | None:
        if not self.checklist_total:
            return None
        return round(100 * self.checklist_done / self.checklist_total)


@dataclass
class Pager:
    """What supervision/_pagination.html reads of a page (Django's Page needs the whole
    list; this one knows only the total)."""

    number: int
    num_pages: int
    object_list: list

    @property
    def paginator(self) -> "Pager":
        return self

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass
class TeamPage:
    courses: list[CoursePage]  # shown (after the course filter)
    all_courses: list[CoursePage]
    page: Pager
    total: int  # people matching the filters
    overdue_count: int  # of them, people with something overdue
    team_size: int
    units: list
    rates: list[CourseRate]
    timeline: list[MonthCount]


def team_courses(*, supervisor: Employee) -> list[CoursePage]:
    """The live courses that concern the team: mandatory ones and those assigned to one of
    them. One query."""
    assigned = Enrolment.objects.filter(
        employee__in=employee_reports(supervisor=supervisor).order_by().values("pk")
    ).exclude(source=Enrolment.Source.SELF)
    return list(
        CoursePage.objects.live()
        .filter(locale_id=default_locale_id())
        .filter(Q(mandatory=True) | Q(pk__in=assigned.values("course_id")))
        .only("pk", "title", "mandatory", "validity_months", "path", "depth", "locale_id")
        .order_by("title", "pk")
    )


def _months(today: datetime.date) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for back in range(TIMELINE_MONTHS - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(datetime.date(year, month + 1, 1))
    return months


def _page_number(value) -> int:
    return int(value) if str(value or "").isdigit() and int(value) > 0 else 1


def _day(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _moment(value) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def team_page(
    *, supervisor: Employee, filters: DashboardFilters, page_number=1, page_size: int = PAGE_SIZE
) -> TeamPage:  # long: one statement's result turned into the page
    """One page of the dashboard. Two queries for any team size (one more in Swedish or
    English: the courses' translated titles; one more when the page asked for is past
    the last one)."""
    number = _page_number(page_number)
    all_courses = team_courses(supervisor=supervisor)
    _titles_in_reader_language(all_courses)
    courses = all_courses
    if filters.course_id is not None:
        courses = [course for course in all_courses if course.pk == filters.course_id]
    months = _months(timezone.localdate())

    def run(page: int):
        return team_statement(
            supervisor=supervisor,
            courses=courses,
            filters=filters,
            offset=(page - 1) * page_size,
            limit=page_size,
            months=months,
        )

    result = run(number)
    num_pages = max(1, -(-result.total // page_size))
    if number > num_pages:
        number = num_pages
        result = run(number)
    positions = {course.pk: index for index, course in enumerate(courses)}
    texts = CellTexts.of(courses)
    rows = []
    for raw in result.rows:
        cell_list = [None] * len(courses)
        for course_id, state, due, completed in raw["cells"] or []:
            if course_id in positions:
                cell_list[positions[course_id]] = Cell(state, _day(due), _moment(completed), None)
        rank = raw["rank"]
        rows.append(
            PageRow(
                id=raw["id"],
                employee_number=raw["employee_number"],
                first_name=raw["first_name"],
                last_name=raw["last_name"],
                unit_name=raw["unit_name"],
                role_name=raw["role_name"],
                checklist_total=raw["checklist_total"],
                checklist_done=raw["checklist_done"],
                checklist_overdue=raw["checklist_overdue"],
                state=STATE_ORDER[rank] if rank is not None else None,
                cell_list=cell_list,
                courses=courses,
                texts=texts,
            )
        )
    return TeamPage(
        courses=courses,
        all_courses=all_courses,
        page=Pager(number=number, num_pages=num_pages, object_list=rows),
        total=result.total,
        overdue_count=result.overdue,
        team_size=result.team_size,
        units=result.units,
        rates=[CourseRate(course, *result.rates.get(course.pk, (0, 0))) for course in courses],
        timeline=[MonthCount(month, result.months.get(month, 0)) for month in months],
    )


def _team_page_in_python(supervisor, filters, number, page_size) -> TeamPage:
    """The same page cut from every row built in Python: the baseline
    bench/team_dashboard.py measures the statement against."""
    data = team_dashboard(supervisor=supervisor, filters=filters)
    num_pages = max(1, -(-len(data.rows) // page_size))
    number = min(number, num_pages)
    rows = [
        PageRow(
            id=row.employee.pk,
            employee_number=row.employee.employee_number,
            first_name=row.employee.user.first_name,
            last_name=row.employee.user.last_name,
            unit_name=row.employee.unit.name,
            role_name=row.employee.job_role.name,
            checklist_total=row.checklist_total,
            checklist_done=row.checklist_done,
            checklist_overdue=row.checklist_overdue,
            state=row.state,
            cell_list=[row.cells.get(course.pk) for course in data.courses],
            courses=data.courses,
        )
        for row in data.rows[(number - 1) * page_size : number * page_size]
    ]
    return TeamPage(
        courses=data.courses,
        all_courses=data.all_courses,
        page=Pager(number=number, num_pages=num_pages, object_list=rows),
        total=len(data.rows),
        overdue_count=len(data.overdue_people),
        team_size=data.team_size,
        units=data.units,
        rates=data.rates,
        timeline=data.timeline,
    )


def team_overdue_ids(*, supervisor: Employee) -> list[int]:
    """Everyone in the team with something overdue (a course or a checklist item), by
    the dashboard's rule."""
    overdue = DashboardFilters(status="overdue")
    result = team_statement(
        supervisor=supervisor,
        courses=team_courses(supervisor=supervisor),
        filters=overdue,
        offset=0,
        limit=None,
        months=[],
    )
    return [row["id"] for row in result.rows]
