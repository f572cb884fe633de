"""The team's rows for the dashboard: who is in a supervisor's team and the state of
each of their mandatory and assigned courses, with onboarding checklist counts.

Query budget: three, for any team size — (1) the reports with their checklist counts,
(2) the courses that concern the team, (3) one UNION of the team's enrolments, their
completions and the audiences of those courses.

A course's state is the `courses.selectors.CourseStatus` rule (the same one the learner
sees in My learning): a valid completion is done, an expired one is to renew, otherwise
the enrolment's due date decides overdue / due soon / not started.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    CharField,
    Count,
    DateField,
    DateTimeField,
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
from courses.status import RENEWAL_WINDOW_FIELDS
from onboarding.models import ChecklistItem
from people.audience import fits_audience
from people.models import Employee
from people.selectors import employee_reports

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
    renewal_required_by_id: int | None = None

    is_valid_at = CourseCompletion.is_valid_at


def _checklist_count(**conditions) -> Coalesce:
    items = (
        ChecklistItem.objects.filter(checklist__employee=OuterRef("pk"), **conditions)
        .order_by()
        .values("checklist__employee")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(items, output_field=IntegerField()), 0)


def _facts(team: list[int], course_ids: list[int]):  # long: four queries' columns, side by side
    """Enrolments and completions of the team in these courses, and the audiences of
    the courses, as one UNION (query 3). Columns: kind, employee, course, a date, two
    datetimes, a text and two numbers."""
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
        "renewal_required_by_id",
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
        none_int,
    )
    # order_by() clears the models' default orderings, which UNION does not allow.
    return enrolments.order_by().union(
        completions.order_by(), units.order_by(), roles.order_by(), all=True
    )


def team_rows(
    supervisor: Employee,
) -> tuple[list[CoursePage], list[ReportRow]]:  # long: every person × course cell, for exports
    """Every report with a cell for each course that applies to them. Three queries."""
    reports_query = employee_reports(supervisor=supervisor)
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
        .only(
            "pk",
            "title",
            "mandatory",
            "validity_months",
            "grace_days",
            *RENEWAL_WINDOW_FIELDS,
            "path",
            "depth",
            "locale_id",
        )
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
        for kind, employee_id, course_id, day, started, ends, text, number, mark in _facts(
            team, course_ids
        ):
            if kind == "e":
                enrolments[(employee_id, course_id)] = _EnrolmentFacts(day, text)
            elif kind == "c":
                known = latest.get((employee_id, course_id))
                if known is None or known.cycle < number:
                    latest[(employee_id, course_id)] = _CompletionFacts(number, started, ends, mark)
            elif kind == "u":
                unit_paths[course_id].append(text)
            else:
                role_ids[course_id].append(number)
    # 500 people × 12 courses is 6,000 cells: what does not change per person is
    # looked up once per course, not once per cell.
    columns = [
        (course, course.pk, unit_paths[course.pk], set(role_ids[course.pk])) for course in courses
    ]
    self_chosen = Enrolment.Source.SELF
    rows = []
    for employee in reports:
        employee_id = employee.pk
        cells = {}
        for course, course_id, paths, role_set in columns:
            key = (employee_id, course_id)
            enrolment = enrolments.get(key)
            assigned_to_them = enrolment is not None and enrolment.source != self_chosen
            if not assigned_to_them and not (
                course.mandatory and fits_audience(employee, paths, role_set)
            ):
                continue
            completion = latest.get(key)
            status = CourseStatus(course, enrolment, 0, 0, completion, today)
            cells[course_id] = Cell(
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
