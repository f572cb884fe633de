"""Writes about onboarding: building checklists, ticking items, a supervisor's extra
items, and carrying new template items to open checklists. Each is safe to repeat."""

import datetime
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from languages.fields import translations_of
from onboarding.models import (
    Checklist,
    ChecklistItem,
    ChecklistTemplate,
    ItemKind,
    ItemOwner,
    TemplateItem,
)
from people.audience import fits_audience
from people.models import Employee
from people.types import AnyUser

if TYPE_CHECKING:
    from courses.models import CoursePage

logger = logging.getLogger(__name__)


class NotAllowed(Exception):
    """The user may not do this to this item."""


def active_templates() -> list[ChecklistTemplate]:
    """Active templates with their audience. Three queries; load once for many people."""
    return list(
        ChecklistTemplate.objects.filter(active=True).prefetch_related("units", "job_roles")
    )


def templates_for(
    employee: Employee, templates: list[ChecklistTemplate] | None = None
) -> list[ChecklistTemplate]:
    """The templates whose units (with their sub-units) and job roles fit."""
    templates = active_templates() if templates is None else templates
    return [
        template
        for template in templates
        if fits_audience(
            employee,
            [unit.path for unit in template.units.all()],
            [role.pk for role in template.job_roles.all()],
        )
    ]


def _item_from(
    template_item: TemplateItem, checklist: Checklist, start: datetime.date
) -> ChecklistItem:
    kind = template_item.kind
    if kind == ItemKind.COURSE and template_item.course_id is None:
        # The course was deleted after the template was made: keep the item so the
        # newcomer and supervisor see it, but as a plain task to sort out by hand.
        logger.warning("Template item %s points at a deleted course", template_item.pk)
        kind = ItemKind.TASK
    return ChecklistItem(
        checklist=checklist,
        template_item=template_item,
        kind=kind,
        **translations_of(template_item, "title"),
        **translations_of(template_item, "description"),
        course_id=template_item.course_id,
        page_id=template_item.page_id,
        session_series_id=template_item.session_series_id,
        owner=template_item.owner,
        due_date=start + datetime.timedelta(days=template_item.due_days),
    )


@transaction.atomic
def checklist_build(
    *,
    employee_id: int,
    templates: list[ChecklistTemplate] | None = None,
    counted_from: datetime.date | None = None,
) -> int:
    """Give the employee every item of every template that fits them; course items
    become enrolments with the item's due date. Due dates are counted from the start
    date, or from `counted_from` (the day of a move to another unit or job role).
    Returns how many items were added; running it again adds nothing."""
    from courses.models import Enrolment
    from courses.services import enrolment_ensure

    employee = Employee.objects.select_related("unit").get(pk=employee_id)
    if not employee.active:
        return 0
    checklist, _created = Checklist.objects.get_or_create(employee=employee)
    template_items = TemplateItem.objects.filter(
        template__in=templates_for(employee, templates)
    ).exclude(checklist_items__checklist=checklist)
    start = counted_from or employee.start_date
    items = [_item_from(item, checklist, start) for item in template_items]
    created = ChecklistItem.objects.bulk_create(items, ignore_conflicts=True)
    for item in items:
        if item.kind == ItemKind.COURSE and item.course_id and (course := item.course):
            enrolment_ensure(
                employee=employee,
                course=course,
                source=Enrolment.Source.ONBOARDING,
                due_date=item.due_date,
            )
    return len(created)


def onboard_after_import(
    *,
    newcomer_ids: list[int],
    moved_ids: list[int],
    established_ids: list[int],
    on: datetime.date,
) -> dict[str, int]:
    """What an HR import sets going (the go-live rules, decided in ImportPlan):
    newcomers get their checklist counted from their start date, people who moved the
    items of their new fit counted from the day of the move, established staff their
    mandatory courses. Safe to repeat."""
    templates = active_templates()
    items = sum(
        checklist_build(employee_id=employee_id, templates=templates)
        for employee_id in newcomer_ids
    )
    items += sum(
        checklist_build(employee_id=employee_id, templates=templates, counted_from=on)
        for employee_id in moved_ids
    )
    enrolments = mandatory_courses_enrol(employee_ids=established_ids, on=on)
    return {"checklist_items": items, "enrolments": enrolments}


def mandatory_courses(
    today: datetime.date | None = None,
) -> list[tuple["CoursePage", list[str], list[int], datetime.date]]:
    """Live mandatory courses (Finnish originals) with their audience and the day an
    established person's enrolment is due: COURSE_GRACE_DAYS (or the course's own
    grace) after `today`. Three queries."""
    from courses.models import CoursePage, default_locale_id
    from courses.permissions import audience_of

    today = today or timezone.localdate()
    courses = list(CoursePage.objects.live().filter(mandatory=True, locale_id=default_locale_id()))
    unit_paths, role_ids = audience_of(courses)
    return [
        (
            course,
            unit_paths[course.pk],
            role_ids[course.pk],
            grace_due_date(course, today),
        )
        for course in courses
    ]


def grace_due_date(course: "CoursePage", on: datetime.date) -> datetime.date:
    """The due date of a mandatory course for established staff: the course's grace
    days (else COURSE_GRACE_DAYS) after the import day, never in the past."""
    days = course.grace_days if course.grace_days is not None else settings.COURSE_GRACE_DAYS
    return max(on + datetime.timedelta(days=days), timezone.localdate())


def mandatory_courses_enrol(*, employee_ids: list[int], on: datetime.date) -> int:
    """Established staff at go-live: every live mandatory course of their audience that
    they have not validly completed becomes an enrolment due after the grace period.
    An enrolment already there is left as it is. A fixed number of queries for any
    number of people; returns how many enrolments were made."""
    from courses.models import CourseCompletion, Enrolment
    from courses.status import learning_status_refresh

    if not employee_ids:
        return 0
    courses = mandatory_courses(on)
    if not courses:
        return 0
    now = timezone.now()
    course_ids = [course.pk for course, *_rest in courses]
    taken = set(
        Enrolment.objects.filter(
            employee_id__in=employee_ids, course_id__in=course_ids
        ).values_list("employee_id", "course_id")
    ) | set(
        CourseCompletion.objects.filter(employee_id__in=employee_ids, course_id__in=course_ids)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .values_list("employee_id", "course_id")
    )
    rows = []
    people = Employee.objects.filter(pk__in=employee_ids, active=True).select_related("unit")
    for employee in people.only("pk", "job_role_id", "unit__path"):
        for course, unit_paths, role_ids, due_date in courses:
            if (employee.pk, course.pk) in taken:
                continue
            if fits_audience(employee, unit_paths, role_ids):
                rows.append(
                    Enrolment(
                        employee_id=employee.pk,
                        course_id=course.pk,
                        source=Enrolment.Source.MANDATORY,
                        due_date=due_date,
                    )
                )
    Enrolment.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    if rows:
        learning_status_refresh(employee_ids=employee_ids, course_ids=course_ids)
    return len(rows)


def checklist_tick_course(*, employee_id: int, course_id: int) -> int:
    """Tick the open items that point at a course the employee has completed."""
    return ChecklistItem.objects.filter(
        checklist__employee_id=employee_id, course_id=course_id, done_at__isnull=True
    ).update(done_at=timezone.now())


def checklist_tick_session_series(*, employee_id: int, series_id: int) -> int:
    """Tick the open items that point at a session series the employee attended."""
    return ChecklistItem.objects.filter(
        checklist__employee_id=employee_id,
        session_series_id=series_id,
        done_at__isnull=True,
    ).update(done_at=timezone.now())


def user_can_tick(user: AnyUser, item: ChecklistItem) -> bool:
    """Course items tick themselves when the course is completed. Sign-off items are
    the supervisor's (direct, or a manager of the unit). Other items the employee
    ticks, and their supervisor or HR may tick them too."""
    from people.selectors import employee_for_user, employee_is_report_of

    if item.kind in (ItemKind.COURSE, ItemKind.SESSION) or not user.is_authenticated:
        return False
    employee = item.checklist.employee
    if employee.user_id == user.pk:
        return item.kind != ItemKind.SIGN_OFF and item.owner != ItemOwner.SUPERVISOR
    own = employee_for_user(user)
    is_supervisor = own is not None and employee_is_report_of(employee=employee, supervisor=own)
    if item.kind == ItemKind.SIGN_OFF:
        return is_supervisor or user.is_superuser
    return is_supervisor or user.is_superuser or user.has_perm("people.view_employee")


@transaction.atomic
def checklist_item_tick(*, item_id: int, user: User) -> ChecklistItem:
    item = (
        ChecklistItem.objects.select_for_update()
        .select_related("checklist__employee")
        .get(pk=item_id)
    )
    if not user_can_tick(user, item):
        raise NotAllowed
    if item.done_at is None:
        item.done_at = timezone.now()
        item.done_by = user
        item.save(update_fields=["done_at", "done_by"])
    return item


@transaction.atomic
def checklist_item_add(
    *, employee: Employee, title: str, due_date: datetime.date, description: str, added_by: User
) -> ChecklistItem:
    """A supervisor's extra item for one person."""
    checklist, _created = Checklist.objects.get_or_create(employee=employee)
    return ChecklistItem.objects.create(
        checklist=checklist,
        kind=ItemKind.TASK,
        title=title,
        description=description,
        owner=ItemOwner.EMPLOYEE,
        due_date=due_date,
        added_by=added_by,
    )


def open_checklists_reached_by(template: ChecklistTemplate) -> list[Checklist]:
    """Checklists that get a template's new items: not yet done, of active people who
    started within ONBOARDING_PROPAGATE_DAYS and fit the template."""
    since = timezone.localdate() - datetime.timedelta(days=settings.ONBOARDING_PROPAGATE_DAYS)
    candidates = (
        Checklist.objects.filter(employee__active=True, employee__start_date__gte=since)
        .filter(Q(items__done_at__isnull=True) | Q(items__isnull=True))
        .distinct()
        .select_related("employee__unit")
    )
    templates = active_templates()
    return [
        checklist
        for checklist in candidates
        if template in templates_for(checklist.employee, templates)
    ]


def template_propagate(*, template_id: int) -> int:
    """Add a template's items to the open checklists it reaches; returns items added."""
    template = ChecklistTemplate.objects.get(pk=template_id)
    templates = active_templates()
    return sum(
        checklist_build(employee_id=c.employee_id, templates=templates)
        for c in open_checklists_reached_by(template)
    )
