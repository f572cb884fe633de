"""Reads for reminders and the bell: who is due (set-based querysets the sweep turns
into outbox rows with one INSERT … SELECT each), a supervisor's weekly digest, and a
person's notices. Each states its query budget."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncDate

from compiledsql import CompiledQuery
from courses.models import CourseCompletion, Enrolment
from courses.selectors import in_reader_language, renewal_due_date_sql
from notifications.models import Notification, Stage
from onboarding.models import ChecklistItem, ItemKind, ItemOwner
from people.deadlines import due_by_soon, is_overdue, overdue
from people.models import Employee
from people.selectors import employee_reports

# Items the employee does themself (buddy items have no buddy on record, so they are
# the employee's too): reminders about them go to the employee.
OWN_ITEM_OWNERS = (ItemOwner.EMPLOYEE, ItemOwner.BUDDY)


def _stage_on(today: datetime.date) -> Case:
    """The reminder stage of a due date as seen on `today`; only meaningful for due
    dates at most REMINDER_DUE_SOON_DAYS ahead (the querysets below filter to those)."""
    long_overdue_from = today - datetime.timedelta(days=settings.REMINDER_LONG_OVERDUE_DAYS)
    return Case(
        When(due_date__gt=today, then=Value(Stage.DUE_SOON.value)),
        When(due_date=today, then=Value(Stage.DUE_TODAY.value)),
        When(due_date__gt=long_overdue_from, then=Value(Stage.OVERDUE.value)),
        default=Value(Stage.LONG_OVERDUE.value),
        output_field=CharField(),
    )


def reminders_start_on() -> datetime.date | None:
    """The first day reminders may go out: the admin's day (`ReminderStart`), else the
    REMINDERS_START_ON setting; `datetime.date.max` while reminders are paused."""
    from notifications.models import ReminderStart

    start = ReminderStart.objects.order_by("pk").first()  # one query, never writes
    if start is not None and start.paused:
        return datetime.date.max
    return (start and start.start_on) or settings.REMINDERS_START_ON


def reminders_held_on(today: datetime.date, start_on: datetime.date | None) -> bool:
    return start_on is not None and today < start_on


def stage_starts(due_date: datetime.date) -> dict[str, datetime.date]:
    """The day each reminder stage of a due date begins."""
    return {
        Stage.DUE_SOON.value: due_date - datetime.timedelta(days=settings.REMINDER_DUE_SOON_DAYS),
        Stage.DUE_TODAY.value: due_date,
        Stage.OVERDUE.value: due_date + datetime.timedelta(days=1),
        Stage.LONG_OVERDUE.value: due_date
        + datetime.timedelta(days=settings.REMINDER_LONG_OVERDUE_DAYS),
    }


def first_reminder_on(
    due_date: datetime.date, *, created_on: datetime.date, start_on: datetime.date | None = None
) -> datetime.date | None:
    """The day the first reminder of something due on `due_date`, created on
    `created_on`, goes out under `stage_still_ahead`: the first stage that begins after
    the day it was created and not before reminders start. None: no stage is left."""
    first_day = created_on + datetime.timedelta(days=1)
    if start_on is not None:
        first_day = max(first_day, start_on)
    days = [day for day in stage_starts(due_date).values() if day >= first_day]
    return min(days) if days else None


def stage_still_ahead(created_at: str, *, start_on: datetime.date | None) -> Q:
    """THE go-live rule: no reminder stage is sent for a day that had already begun
    when the item or enrolment was created (`created_at`, a datetime field), nor for a
    day before reminders start (REMINDERS_START_ON / `ReminderStart`). Reminding starts
    at the first stage still ahead. Applies to querysets annotated with `o_stage` (the
    stage of today); escalations ride on the long-overdue stage."""
    created_on = TruncDate(created_at)
    condition = Q()
    for stage, offset in (
        (Stage.DUE_SOON.value, -settings.REMINDER_DUE_SOON_DAYS),
        (Stage.DUE_TODAY.value, 0),
        (Stage.OVERDUE.value, 1),
        (Stage.LONG_OVERDUE.value, settings.REMINDER_LONG_OVERDUE_DAYS),
    ):
        # The stage begins on due_date + offset; it must begin after the creation day:
        # due_date + offset > created_on  <=>  due_date > created_on - offset.
        condition |= Q(o_stage=stage, due_date__gt=_days_after(created_on, -offset))
    if start_on is not None and start_on != datetime.date.max:
        condition &= (
            Q(
                o_stage=Stage.DUE_SOON.value,
                due_date__gte=start_on + _days(settings.REMINDER_DUE_SOON_DAYS),
            )
            | Q(o_stage=Stage.DUE_TODAY.value, due_date__gte=start_on)
            | Q(o_stage=Stage.OVERDUE.value, due_date__gte=start_on - _days(1))
            | Q(
                o_stage=Stage.LONG_OVERDUE.value,
                due_date__gte=start_on - _days(settings.REMINDER_LONG_OVERDUE_DAYS),
            )
        )
    return condition


def _days(count: int) -> datetime.timedelta:
    return datetime.timedelta(days=count)


def _days_after(day_expression: Any, count: int) -> "ExpressionWrapper[Any]":
    return ExpressionWrapper(day_expression + _days(count), output_field=DateField())


def open_checklist_items_due(*, today: datetime.date) -> QuerySet[ChecklistItem]:
    """Open items of active people due within REMINDER_DUE_SOON_DAYS or already late,
    annotated with `o_stage`. Course items are left out: their enrolment, which has the
    same due date, is reminded instead (a course item whose course was deleted, has no
    enrolment, and is reminded as the task it now is)."""
    return (
        ChecklistItem.objects.filter(
            due_by_soon(today=today),
            done_at__isnull=True,
            checklist__employee__active=True,
        )
        .exclude(kind=ItemKind.COURSE, course__isnull=False)
        .annotate(o_stage=_stage_on(today))
        .order_by()
    )


def valid_completion_exists(
    now: datetime.datetime, *, employee: str = "employee_id", course: str = "course_id"
) -> Exists:
    """A completion of the same person and course that has not expired: the course is
    done (the CourseStatus rule of courses/selectors.py)."""
    return Exists(
        CourseCompletion.objects.filter(employee_id=OuterRef(employee), course_id=OuterRef(course))
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .order_by()
    )


def open_enrolments_due(*, today: datetime.date, now: datetime.datetime) -> QuerySet[Enrolment]:
    """Enrolments of active people in a live course with no valid completion, due within
    REMINDER_DUE_SOON_DAYS or already late, annotated with `o_stage`."""
    return (
        Enrolment.objects.filter(
            due_by_soon(today=today),
            due_date__isnull=False,
            employee__active=True,
            course__live=True,
        )
        .exclude(valid_completion_exists(now))
        .annotate(o_stage=_stage_on(today))
        .order_by()
    )


def own_checklist_items_overdue(*, today: datetime.date) -> QuerySet[ChecklistItem]:
    """The late items of `open_checklist_items_due` that the employee does themself:
    what *Muistuta* reminds them of (course items excepted, as in the sweep)."""
    return open_checklist_items_due(today=today).filter(
        overdue(today=today), owner__in=OWN_ITEM_OWNERS
    )


def open_enrolments_overdue(*, today: datetime.date, now: datetime.datetime) -> QuerySet[Enrolment]:
    """The late ones of `open_enrolments_due`."""
    return open_enrolments_due(today=today, now=now).filter(overdue(today=today))


def completions_expiring(*, now: datetime.datetime) -> QuerySet[CourseCompletion]:
    """The latest completion of a person and course that is still valid and expires
    within RECERTIFICATION_NOTICE_DAYS, of active people, for courses still live;
    annotated with `o_due_date` (the expiry day)."""
    notice_until = now + datetime.timedelta(days=settings.RECERTIFICATION_NOTICE_DAYS)
    later = CourseCompletion.objects.filter(
        employee_id=OuterRef("employee_id"),
        course_id=OuterRef("course_id"),
        cycle__gt=OuterRef("cycle"),
    ).order_by()
    return (
        CourseCompletion.objects.filter(
            expires_at__gt=now,
            expires_at__lte=notice_until,
            employee__active=True,
            course__live=True,
        )
        .exclude(Exists(later))
        .annotate(o_due_date=TruncDate("expires_at"))
        .order_by()
    )


def completions_to_renew(
    *, today: datetime.date, now: datetime.datetime
) -> QuerySet[CourseCompletion]:
    """The latest completion of a person and course that has expired (the course is to
    renew: `courses.selectors.is_to_renew`), of active people, for courses still live,
    whose renewal is due within REMINDER_DUE_SOON_DAYS or late; annotated with
    `due_date` (`courses.selectors.renewal_due_date_sql`) and `o_stage`."""
    later = CourseCompletion.objects.filter(
        employee_id=OuterRef("employee_id"),
        course_id=OuterRef("course_id"),
        cycle__gt=OuterRef("cycle"),
    ).order_by()
    return (
        CourseCompletion.objects.filter(
            expires_at__lte=now, employee__active=True, course__live=True
        )
        .exclude(Exists(later))
        .annotate(due_date=renewal_due_date_sql())
        .filter(due_by_soon(today=today))
        .annotate(o_stage=_stage_on(today))
        .order_by()
    )


def completed_once(*, employee: str = "employee_id", course: str = "course_id") -> Exists:
    """Any completion of the same person and course, valid or not: a course done once
    is reminded through its renewal (`completions_to_renew`), not its old enrolment."""
    return Exists(
        CourseCompletion.objects.filter(
            employee_id=OuterRef(employee), course_id=OuterRef(course)
        ).order_by()
    )


def employees_with_work_due(*, today: datetime.date, now: datetime.datetime) -> QuerySet[Employee]:
    """Active people with an open checklist item, a course or a course to renew due
    within REMINDER_DUE_SOON_DAYS or late: the people a weekly digest is about. One query
    when evaluated (three subqueries)."""
    return Employee.objects.filter(active=True).filter(
        Exists(open_checklist_items_due(today=today).filter(checklist__employee_id=OuterRef("pk")))
        | Exists(
            open_enrolments_due(today=today, now=now)
            .exclude(completed_once())
            .filter(employee_id=OuterRef("pk"))
        )
        | Exists(completions_to_renew(today=today, now=now).filter(employee_id=OuterRef("pk")))
    )


@dataclass
class DigestLine:
    employee: Employee
    title: str
    due_date: datetime.date
    overdue: bool
    kind: str  # "checklist_item" or "enrolment"
    subject_id: int


@dataclass
class TeamDigest:
    overdue: int = 0
    due_soon: int = 0
    lines: list[DigestLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.overdue + self.due_soon

    @property
    def more(self) -> int:
        return self.total - len(self.lines)


def team_digest(
    *, supervisor: Employee, today: datetime.date, now: datetime.datetime
) -> TeamDigest:
    """The reports' late and soon-due items, courses and courses to renew, latest due
    first cut to REMINDER_DIGEST_MAX_LINES, with full counts, titles in the active (the
    reader's) language. A course done once counts by its renewal, as the reminders do.
    Six queries, whatever the team size (seven in Swedish or English)."""
    limit = settings.REMINDER_DIGEST_MAX_LINES
    reports = employee_reports(supervisor=supervisor).values("pk")
    items = open_checklist_items_due(today=today).filter(checklist__employee__in=reports)
    enrolments = (
        open_enrolments_due(today=today, now=now)
        .exclude(completed_once())
        .filter(employee__in=reports)
    )
    renewals = completions_to_renew(today=today, now=now).filter(employee__in=reports)
    digest = TeamDigest()
    for queryset in (items, enrolments, renewals):
        counts = queryset.aggregate(
            overdue=_count(overdue(today=today)), due_soon=_count(~overdue(today=today))
        )
        digest.overdue += counts["overdue"] or 0
        digest.due_soon += counts["due_soon"] or 0
    for item in items.select_related("checklist__employee__user").order_by("due_date", "pk")[
        :limit
    ]:
        digest.lines.append(
            DigestLine(
                item.checklist.employee,
                item.local_title,
                item.due_date,
                is_overdue(item.due_date, today=today),
                "checklist_item",
                item.pk,
            )
        )
    late_courses: list[tuple[str, Any]] = []
    for kind, queryset in (("enrolment", enrolments), ("renewal", renewals)):
        first = queryset.select_related("employee__user", "course").order_by(F("due_date"), "pk")
        late_courses.extend((kind, row) for row in first[:limit])
    shown = in_reader_language(row.course for _kind, row in late_courses)
    for kind, row in late_courses:
        due = row.due_date
        assert due is not None  # both querysets have only rows with a due date
        digest.lines.append(
            DigestLine(
                row.employee,
                shown.get(row.course_id, row.course).title,
                due,
                is_overdue(due, today=today),
                kind,
                row.pk,
            )
        )
    digest.lines.sort(key=lambda line: (line.due_date, line.employee.full_name))
    digest.lines = digest.lines[:limit]
    return digest


def _count(condition: Q) -> Count:
    return Count("pk", filter=condition)


def notifications_for(*, employee: Employee, limit: int = 100) -> QuerySet[Notification]:
    """The newest notices first. One query."""
    return Notification.objects.filter(recipient=employee).order_by("-created_at", "-pk")[:limit]


_UNREAD = CompiledQuery(
    lambda user_id: Notification.objects.filter(
        recipient__user_id=user_id, read_at__isnull=True
    ).values("pk"),
    user_id=-604_118_377,
)


def unread_count_for_user(user_id: int) -> int:
    """One query (the partial index of unread notices), its SQL compiled once per
    process: the bell is on every page, and compiling the count took longer than
    running it (`bench/learning.py --profile`)."""
    sql, params = _UNREAD.bind(user_id=user_id)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS unread", params)  # noqa: S608
        (count,) = cursor.fetchone()
        return int(count)


def digest_opted_out_ids(*, employee_ids: Iterable[int]) -> set[int]:
    """Of `employee_ids`, those who have stopped the weekly digest. One query."""
    from notifications.models import DigestOptOut

    return set(
        DigestOptOut.objects.filter(employee_id__in=employee_ids).values_list(
            "employee_id", flat=True
        )
    )
