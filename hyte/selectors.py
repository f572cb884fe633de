"""Reads for the county's hyte picture (`/seuranta/hyte/`): only the totals that
`hyte.totals` keeps, plus the units, job roles and courses that name them.

Query budget: eight queries whatever the size of the county (nine for a Swedish or
English reader: the courses' translations) — the last refresh, the
knowledge totals, the completion totals (with their units' paths), the copy totals,
the units' copy states, the session totals, the units and the job roles, and the
mandatory courses. No figure about a group of fewer than `MIN_GROUP_SIZE` people is
returned (`reporting.privacy`).

Where to act: a unit whose people rate their hyte knowledge below the county's mean
(both phases together, groups of five or more) and whose copies of referral phrases in
the last three months are below the median of the units, lowest knowledge first.
"""

import datetime
import statistics
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from courses.models import CoursePage, default_locale_id
from courses.selectors import in_reader_language
from hyte.models import (
    CopyMonthTotal,
    KnowledgeTotal,
    Refresh,
    SessionMonthTotal,
    UnitCopyState,
)
from people.models import JobRole, OrgUnit
from reporting.privacy import is_reportable
from supervision.models import UnitCompletionTotal

BEFORE, AFTER = "before", "after"
MONTHS_SHOWN = 12
ACTION_UNITS_SHOWN = 10
# The page lists the units with the lowest completion; the export has them all.
COMPLETION_UNITS_SHOWN = 20
QUIET_DAYS = 90
# Figures from the county's pilot of presentation sessions: 91 % of the professionals
# and 87 % of the presenting organisations found them useful.
PILOT_STAFF_USEFUL = 91
PILOT_PRESENTER_USEFUL = 87


@dataclass
class Rating:
    people: int = 0
    answers: int = 0
    value_sum: int = 0

    @property
    def shown(self) -> bool:
        return is_reportable(self.people)

    @property
    def mean(self) -> float | None:
        return round(self.value_sum / self.answers, 1) if self.shown and self.answers else None


@dataclass
class KnowledgeRow:
    label: str
    before: Rating
    after: Rating
    month: datetime.date | None = None

    @property
    def change(self) -> float | None:
        if self.before.mean is None or self.after.mean is None:
            return None
        return round(self.after.mean - self.before.mean, 1)


@dataclass
class Share:
    required: int = 0
    completed: int = 0

    @property
    def shown(self) -> bool:
        return is_reportable(self.required)

    @property
    def percent(self) -> int | None:
        return round(100 * self.completed / self.required) if self.shown else None


@dataclass
class CompletionRow:
    label: str
    shares: list[Share]
    unit: OrgUnit | None = None


@dataclass
class UnitCopies:
    unit: OrgUnit
    months: list[int]
    recent: int
    last_copied_at: datetime.datetime | None


@dataclass
class SessionMonth:
    month: datetime.date
    sessions: int
    registered: int
    attended: int
    staff: Share
    presenters: Share


@dataclass
class ActionUnit:
    unit: OrgUnit
    knowledge: float
    recent_copies: int


@dataclass
class HytePicture:
    refreshed_at: datetime.datetime | None
    target: int
    months: list[datetime.date]
    knowledge_by_month: list[KnowledgeRow]
    knowledge_total: KnowledgeRow
    knowledge_by_sector: list[KnowledgeRow]
    knowledge_by_role: list[KnowledgeRow]
    courses: list[CoursePage]
    completion_by_sector: list[CompletionRow]
    completion_by_unit: list[CompletionRow]
    completion_lowest_units: list[CompletionRow]
    copies_by_unit: list[UnitCopies]
    copies_by_month: list[int]
    quiet_units: list[OrgUnit]
    session_months: list[SessionMonth]
    sessions_total: SessionMonth | None
    pilot_staff_useful: int = PILOT_STAFF_USEFUL
    pilot_presenter_useful: int = PILOT_PRESENTER_USEFUL
    act_on: list[ActionUnit] = field(default_factory=list)


def _last_months(today: datetime.date, count: int) -> list[datetime.date]:
    months = []
    month = today.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


Units = dict[int, OrgUnit]


def _knowledge(units: Units, roles: list[JobRole], months: list[datetime.date]) -> dict[str, Any]:
    by_group: dict[tuple[str, Any], dict[str, Rating]] = {}
    # Plain tuples, not model instances: a county has thousands of these rows.
    for (
        group,
        month,
        group_id,
        phase,
        people,
        answers,
        value_sum,
    ) in KnowledgeTotal.objects.values_list(
        "group", "month", "group_id", "phase", "people", "answers", "value_sum"
    ):
        key = (group, month if month else group_id)
        by_group.setdefault(key, {})[phase] = Rating(people, answers, value_sum)

    def row(label: str, key: tuple[str, Any], month: datetime.date | None = None) -> KnowledgeRow:
        phases = by_group.get(key, {})
        return KnowledgeRow(label, phases.get(BEFORE, Rating()), phases.get(AFTER, Rating()), month)

    kinds = KnowledgeTotal.Group
    sectors = [unit for unit in units.values() if unit.depth == 2]
    by_sector = [row(unit.name, (kinds.SECTOR, unit.pk)) for unit in sectors]
    by_role = [
        row(role.name, (kinds.ROLE, role.pk)) for role in roles if (kinds.ROLE, role.pk) in by_group
    ]
    unit_means = {}
    for (kind, unit_id), phases in by_group.items():
        if kind != kinds.UNIT:
            continue
        both = Rating(
            max(rating.people for rating in phases.values()),
            sum(rating.answers for rating in phases.values()),
            sum(rating.value_sum for rating in phases.values()),
        )
        if both.mean is not None:
            unit_means[unit_id] = both.mean
    total = row("", (kinds.COUNTY, 0))
    return {
        "by_month": [row("", (kinds.COUNTY, month), month) for month in months],
        "total": total,
        "by_sector": by_sector,
        "by_role": sorted(by_role, key=lambda r: r.label),
        "unit_means": unit_means,
    }


def _completion(
    units: Units, courses: list[CoursePage]
) -> tuple[list[CompletionRow], list[CompletionRow]]:
    index = {course.pk: number for number, course in enumerate(courses)}
    sector_of = {
        unit.path[: 2 * OrgUnit.steplen]: unit for unit in units.values() if unit.depth == 2
    }
    by_sector: dict[int, list[Share]] = {}
    by_unit: dict[int, list[Share]] = {}
    for unit_id, course_id, required, completed in UnitCompletionTotal.objects.filter(
        course_id__in=index
    ).values_list("unit_id", "course_id", "required", "completed"):
        unit = units.get(unit_id)
        if unit is None:
            continue
        column = index[course_id]
        for target, key in (
            (by_unit, unit.pk),
            (by_sector, getattr(sector_of.get(unit.path[: 2 * OrgUnit.steplen]), "pk", None)),
        ):
            if key is None:
                continue
            shares = target.setdefault(key, [Share() for _ in courses])
            shares[column].required += required
            shares[column].completed += completed
    sector_rows = [
        CompletionRow(units[key].name, shares, units[key]) for key, shares in by_sector.items()
    ]
    unit_rows = [
        CompletionRow(units[key].name, shares, units[key]) for key, shares in by_unit.items()
    ]
    return (
        sorted(sector_rows, key=lambda r: r.label),
        sorted(unit_rows, key=lambda r: r.unit.path if r.unit else ""),
    )


def _copies(
    units: Units, months: list[datetime.date], today: datetime.date
) -> tuple[list[UnitCopies], list[OrgUnit], list[int]]:
    position = {month: number for number, month in enumerate(months)}
    recent_from = (today - datetime.timedelta(days=QUIET_DAYS)).replace(day=1)
    per_unit: dict[int, list[int]] = {}
    recent: dict[int, int] = {}
    for month, unit_id, copies in CopyMonthTotal.objects.filter(
        month__gte=min(months[0], recent_from)
    ).values_list("month", "unit_id", "copies"):
        if month in position:
            per_unit.setdefault(unit_id, [0] * len(months))[position[month]] += copies
        if month >= recent_from:
            recent[unit_id] = recent.get(unit_id, 0) + copies
    last_copy = dict(UnitCopyState.objects.values_list("unit_id", "last_copied_at"))
    working = [unit for unit in units.values() if unit.kind == OrgUnit.Kind.UNIT and unit.is_open]
    quiet_since = timezone.now() - datetime.timedelta(days=QUIET_DAYS)
    rows = [
        UnitCopies(
            unit,
            per_unit.get(unit.pk, [0] * len(months)),
            recent.get(unit.pk, 0),
            last_copy.get(unit.pk),
        )
        for unit in working
    ]
    quiet = [
        row.unit for row in rows if row.last_copied_at is None or row.last_copied_at < quiet_since
    ]
    by_month = [sum(row.months[number] for row in rows) for number in range(len(months))]
    return rows, quiet, by_month


def _sessions(months: list[datetime.date]) -> tuple[list[SessionMonth], SessionMonth | None]:
    rows: list[SessionMonth] = []
    found = {total.month: total for total in SessionMonthTotal.objects.all()}
    for month in sorted(found):
        total = found[month]
        rows.append(
            SessionMonth(
                month,
                total.sessions,
                total.registered,
                total.attended,
                Share(total.staff_answers, total.staff_useful),
                Share(total.presenter_answers, total.presenter_useful),
            )
        )
    if not rows:
        return [], None
    summed = SessionMonth(
        rows[0].month,
        sum(row.sessions for row in rows),
        sum(row.registered for row in rows),
        sum(row.attended for row in rows),
        Share(sum(r.staff.required for r in rows), sum(r.staff.completed for r in rows)),
        Share(sum(r.presenters.required for r in rows), sum(r.presenters.completed for r in rows)),
    )
    shown = [row for row in rows if row.month >= months[0]]
    return shown, summed


def _act_on(
    unit_means: dict[int, float], copies_rows: list[UnitCopies], units: Units
) -> list[ActionUnit]:
    if not unit_means or not copies_rows:
        return []
    county_mean = statistics.mean(unit_means.values())
    median_copies = statistics.median(row.recent for row in copies_rows)
    recent = {row.unit.pk: row.recent for row in copies_rows}
    found = [
        ActionUnit(units[unit_id], mean, recent[unit_id])
        for unit_id, mean in unit_means.items()
        if unit_id in recent and mean < county_mean and recent[unit_id] <= median_copies
    ]
    found.sort(key=lambda action: (action.knowledge, action.recent_copies, action.unit.path))
    return found[:ACTION_UNITS_SHOWN]


def _lowest(rows: list[CompletionRow]) -> list[CompletionRow]:
    """The units whose lowest shown completion share is lowest; a unit with no share
    shown (fewer than five people for every course) is left out."""
    shown = [row for row in rows if any(share.percent is not None for share in row.shares)]

    def lowest(row: CompletionRow) -> int:
        return min(share.percent for share in row.shares if share.percent is not None)

    return sorted(shown, key=lambda row: (lowest(row), row.label))[:COMPLETION_UNITS_SHOWN]


def mandatory_courses() -> list[CoursePage]:
    """The live mandatory courses, titled in the reader's language where translated."""
    courses = list(
        CoursePage.objects.live()
        .filter(locale_id=default_locale_id(), mandatory=True)
        .only("pk", "title", "path", "depth", "locale_id", "translation_key")
        .order_by("title")
    )
    translated = in_reader_language(courses)
    for course in courses:
        if course.pk in translated:
            course.title = translated[course.pk].title
    return courses


def hyte_picture(*, today: datetime.date | None = None) -> HytePicture:
    today = today or timezone.localdate()
    months = _last_months(today, MONTHS_SHOWN)
    refresh = Refresh.objects.order_by("-finished_at").first()
    units = {unit.pk: unit for unit in OrgUnit.objects.order_by("path")}
    roles = list(JobRole.objects.all())
    knowledge = _knowledge(units, roles, months)
    courses = mandatory_courses()
    by_sector, by_unit = _completion(units, courses)
    copies_rows, quiet, copies_by_month = _copies(units, months, today)
    session_months, sessions_total = _sessions(months)
    return HytePicture(
        refreshed_at=refresh.finished_at if refresh else None,
        target=settings.HYTE_KNOWLEDGE_TARGET,
        months=months,
        knowledge_by_month=knowledge["by_month"],
        knowledge_total=knowledge["total"],
        knowledge_by_sector=knowledge["by_sector"],
        knowledge_by_role=knowledge["by_role"],
        courses=courses,
        completion_by_sector=by_sector,
        completion_by_unit=by_unit,
        completion_lowest_units=_lowest(by_unit),
        copies_by_unit=copies_rows,
        copies_by_month=copies_by_month,
        quiet_units=quiet,
        session_months=session_months,
        sessions_total=sessions_total,
        act_on=_act_on(knowledge["unit_means"], copies_rows, units),
    )
