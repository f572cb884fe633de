"""Reads of checklists for the employee, their supervisor and the home page."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from onboarding.models import ChecklistItem, ChecklistTemplate
from people.audience import fits_audience
from people.deadlines import is_due_soon, is_overdue
from people.models import Employee
from people.types import AnyUser

if TYPE_CHECKING:
    from people.hr_import.forecast import Arrival, Forecast


@dataclass
class ItemView:
    item: ChecklistItem
    state: str  # done, overdue, due_today, due_soon, open
    can_tick: bool

    @property
    def link(self) -> str | None:
        target = self.item.course or self.item.page
        return target.localized.url if target is not None else None


def _state(item: ChecklistItem, today: datetime.date) -> str:
    if item.done_at is not None:
        return "done"
    if is_overdue(item.due_date, today=today):
        return "overdue"
    if item.due_date == today:
        return "due_today"
    if is_due_soon(item.due_date, today=today):
        return "due_soon"
    return "open"


def checklist_for(*, employee: Employee, viewer: AnyUser) -> list[ItemView]:
    """The employee's checklist items, overdue first, then by due date, done last.
    Queries: one for the items, plus the tick check for a supervisor viewing."""
    from onboarding.services import user_can_tick

    today = timezone.localdate()
    items = list(
        ChecklistItem.objects.filter(checklist__employee=employee)
        .select_related("course", "page", "checklist__employee")
        .order_by("due_date", "pk")
    )
    views = [ItemView(item, _state(item, today), False) for item in items]
    if viewer.pk == employee.user_id:
        for view in views:
            view.can_tick = view.state != "done" and user_can_tick(viewer, view.item)
    else:
        may_tick: dict[str, bool] = {}
        for view in views:
            if view.state == "done" or view.item.kind in ("course", "session"):
                continue
            key = "sign_off" if view.item.kind == "sign_off" else "other"
            if key not in may_tick:
                may_tick[key] = user_can_tick(viewer, view.item)
            view.can_tick = may_tick[key]
    order = {"overdue": 0, "due_today": 1, "due_soon": 2, "open": 3, "done": 4}
    return sorted(views, key=lambda v: (order[v.state], v.item.due_date, v.item.pk))


def checklist_progress(views: list[ItemView]) -> tuple[int, int]:
    return sum(1 for v in views if v.state == "done"), len(views)


def go_live_forecast(
    *, checklists: list["Arrival"], established: list["Arrival"], today: datetime.date
) -> "Forecast":  # long: one pass over the arrivals, grouped by unit and job role
    """The forecast of an HR import (people.hr_import.forecast): how many checklists
    and items the newcomers and moved people get, how many enrolments (course items
    and established staff's mandatory courses), and the day the first reminder goes
    out under the reminder rule (notifications.selectors.first_reminder_on). Grouped by
    unit and job role, so a 30,000-person file costs a handful of queries."""
    from notifications.selectors import first_reminder_on, reminders_start_on
    from onboarding.services import active_templates, mandatory_courses, templates_for
    from people.hr_import.forecast import Forecast
    from people.models import OrgUnit

    result = Forecast()
    units = {}
    for unit in OrgUnit.objects.only("pk", "path"):
        units[unit.pk] = unit
    templates = active_templates() if checklists else []
    courses = mandatory_courses(today) if established else []
    item_days = {
        template.pk: [
            (item.due_days, item.kind == "course" and item.course_id is not None)
            for item in template.items.all()
        ]
        for template in templates
    }
    due_dates: set[datetime.date] = set()
    fits: dict[tuple[int, int], list[ChecklistTemplate]] = {}
    for arrival in checklists:
        key = (arrival.unit_id, arrival.job_role_id)
        if key not in fits:
            probe = Employee(unit=units[arrival.unit_id], job_role_id=arrival.job_role_id)
            fits[key] = templates_for(probe, templates)
        if not fits[key]:
            continue
        result.checklists += 1
        for template in fits[key]:
            for days, is_course in item_days[template.pk]:
                result.checklist_items += 1
                result.enrolments += is_course
                due_dates.add(arrival.counted_from + datetime.timedelta(days=days))
    course_fits: dict[tuple[int, int], list[datetime.date]] = {}
    for arrival in established:
        key = (arrival.unit_id, arrival.job_role_id)
        if key not in course_fits:
            probe = Employee(unit=units[arrival.unit_id], job_role_id=arrival.job_role_id)
            course_fits[key] = [
                due for course, paths, roles, due in courses if fits_audience(probe, paths, roles)
            ]
        result.enrolments += len(course_fits[key])
        due_dates.update(course_fits[key])
    start_on = reminders_start_on()
    firsts = [
        day
        for day in (
            first_reminder_on(due, created_on=today, start_on=start_on) for due in due_dates
        )
        if day is not None
    ]
    result.first_reminder = min(firsts) if firsts else None
    return result
