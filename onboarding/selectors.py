"""Reads of checklists for the employee, their supervisor and the home page."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from onboarding.models import ChecklistItem
from people.models import Employee

DUE_SOON_DAYS = 7


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
    if item.due_date < today:
        return "overdue"
    if item.due_date == today:
        return "due_today"
    if (item.due_date - today).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "open"


def checklist_for(*, employee: Employee, viewer) -> list[ItemView]:
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
        may_tick = dict.fromkeys(("sign_off", "other"))
        for view in views:
            if view.state == "done" or view.item.kind in ("course", "session"):
                continue
            key = "sign_off" if view.item.kind == "sign_off" else "other"
            if may_tick[key] is None:
                may_tick[key] = user_can_tick(viewer, view.item)
            view.can_tick = may_tick[key]
    order = {"overdue": 0, "due_today": 1, "due_soon": 2, "open": 3, "done": 4}
    return sorted(views, key=lambda v: (order[v.state], v.item.due_date, v.item.pk))


def checklist_progress(views: list[ItemView]) -> tuple[int, int]:
    return sum(1 for v in views if v.state == "done"), len(views)
