"""Reads for reminders and the bell: who is due (set-based querysets the sweep turns
into outbox rows with one INSERT … SELECT each), a supervisor's weekly digest, and a
person's notices. Each states its query budget."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncDate

from courses.models import CourseCompletion, Enrolment
from notifications.models import Notification, Stage
from onboarding.models import ChecklistItem, ItemKind
from people.models import Employee
from people.selectors import employee_reports


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


def _horizon(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=settings.REMINDER_DUE_SOON_DAYS)


def open_checklist_items_due(*, today: datetime.date) -> QuerySet[ChecklistItem]:
    """Open items of active people due within REMINDER_DUE_SOON_DAYS or already late,
    annotated with `o_stage`. Course items are left out: their enrolment, which has the
    same due date, is reminded instead (a course item whose course was deleted, has no
    enrolment, and is reminded as the task it now is)."""
    return (
        ChecklistItem.objects.filter(
            done_at__isnull=True,
            due_date__lte=_horizon(today),
            checklist__employee__active=True,
        )
        .exclude(kind=ItemKind.COURSE, course__isnull=False)
        .annotate(o_stage=_stage_on(today))
        .order_by()
    )


def valid_completion_exists(now: datetime.datetime, *, employee="employee_id", course="course_id"):
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
            due_date__isnull=False,
            due_date__lte=_horizon(today),
            employee__active=True,
            course__live=True,
        )
        .exclude(valid_completion_exists(now))
        .annotate(o_stage=_stage_on(today))
        .order_by()
    )


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


def employees_with_work_due(*, today: datetime.date, now: datetime.datetime) -> QuerySet[Employee]:
    """Active people with an open checklist item or course due within
    REMINDER_DUE_SOON_DAYS or late: the people a weekly digest is about. One query when
    evaluated (two subqueries)."""
    return Employee.objects.filter(active=True).filter(
        Exists(open_checklist_items_due(today=today).filter(checklist__employee_id=OuterRef("pk")))
        | Exists(open_enrolments_due(today=today, now=now).filter(employee_id=OuterRef("pk")))
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
    """The reports' late and soon-due items and courses, latest due first cut to
    REMINDER_DIGEST_MAX_LINES, with full counts. Four queries, whatever the team size."""
    limit = settings.REMINDER_DIGEST_MAX_LINES
    reports = employee_reports(supervisor=supervisor).values("pk")
    items = open_checklist_items_due(today=today).filter(checklist__employee__in=reports)
    enrolments = open_enrolments_due(today=today, now=now).filter(employee__in=reports)
    digest = TeamDigest()
    for queryset in (items, enrolments):
        counts = queryset.aggregate(
            overdue=_count(Q(due_date__lt=today)), due_soon=_count(Q(due_date__gte=today))
        )
        digest.overdue += counts["overdue"] or 0
        digest.due_soon += counts["due_soon"] or 0
    for item in items.select_related("checklist__employee__user").order_by("due_date", "pk")[
        :limit
    ]:
        digest.lines.append(
            DigestLine(
                item.checklist.employee,
                item.title,
                item.due_date,
                item.due_date < today,
                "checklist_item",
                item.pk,
            )
        )
    for enrolment in enrolments.select_related("employee__user", "course").order_by(
        "due_date", "pk"
    )[:limit]:
        digest.lines.append(
            DigestLine(
                enrolment.employee,
                enrolment.course.title,
                enrolment.due_date,
                enrolment.due_date < today,
                "enrolment",
                enrolment.pk,
            )
        )
    digest.lines.sort(key=lambda line: (line.due_date, line.employee.full_name))
    digest.lines = digest.lines[:limit]
    return digest


def _count(condition: Q):
    from django.db.models import Count

    return Count("pk", filter=condition)


def notifications_for(*, employee: Employee, limit: int = 100) -> QuerySet[Notification]:
    """The newest notices first. One query."""
    return Notification.objects.filter(recipient=employee).order_by("-created_at", "-pk")[:limit]


def unread_count_for_user(user_id: int) -> int:
    """One query (the partial index of unread notices)."""
    return Notification.objects.filter(recipient__user_id=user_id, read_at__isnull=True).count()
