"""Turn "who is due" into outbox rows, set-based.

Each reminder a person gets about their own item is one `INSERT … SELECT … ON CONFLICT
DO NOTHING` over the querysets in selectors.py: the
database finds the due items, works out the stage and skips what already has a row,
however many people there are. Only what needs the responsibility chain (supervisor →
unit managers → HR) goes through Python, and then as one bulk insert of just the rows
still missing.

Decisions:
- A stage is sent once per subject and recipient. Moving a due date later does not
  repeat a stage already sent; an item first seen already late gets only the stage it
  is in now (no "due soon" after the fact), and only if that stage began after the
  item was made and not before reminders start (`selectors.stage_still_ahead`).
- Items the employee owns (and buddy items, which have no buddy on record) remind the
  employee; supervisor-owned items (sign-offs) remind whoever answers for the employee;
  HR-owned items remind the HR admins. A long-overdue item, course or course to renew
  of the employee's own also escalates, once, to whoever answers for them.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, QuerySet, Value

from notifications.models import ReminderOutbox, Stage, SubjectKind
from notifications.outbox import insert_select
from notifications.responsible import responsible_for
from notifications.selectors import (
    OWN_ITEM_OWNERS,
    completed_once,
    completions_expiring,
    completions_to_renew,
    digest_opted_out_ids,
    employees_with_work_due,
    open_checklist_items_due,
    open_enrolments_due,
    reminders_held_on,
    reminders_start_on,
    stage_still_ahead,
)
from onboarding.models import ItemOwner
from people import roles
from people.models import Employee
from people.selectors import employees_answering_for

logger = logging.getLogger(__name__)

KIND_ITEM = SubjectKind.CHECKLIST_ITEM.value
KIND_ENROLMENT = SubjectKind.ENROLMENT.value
KIND_RENEWAL = SubjectKind.RENEWAL.value


@dataclass
class EnqueueResult:
    reminders: int = 0  # to the employee about their own item or course
    routed: int = 0  # escalations, and supervisor- or HR-owned items, to whoever answers
    recertifications: int = 0
    renewals: int = 0  # due-soon and overdue stages of a course to renew
    nobody_responsible: int = 0  # no supervisor, manager or HR admin to send to

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _insert_select(rows: QuerySet, *, subject_kind: str, now: datetime.datetime) -> int:
    """See notifications.outbox.insert_select (the one writer of set-based rows)."""
    return insert_select(rows, subject_kind=subject_kind, now=now)


def _not_yet(kind: str, *, stage=None, recipient=None) -> Exists:
    """No outbox row yet for the outer row's subject in this stage (for this recipient)."""
    rows = ReminderOutbox.objects.filter(
        subject_kind=kind, subject_id=OuterRef("pk"), stage=stage or OuterRef("o_stage")
    )
    if recipient is not None:
        rows = rows.filter(recipient_id=OuterRef(recipient))
    return ~Exists(rows)


def _bulk_insert(rows: list[ReminderOutbox]) -> int:
    """Insert rows the caller has checked are missing; a row another sweep inserted in
    the meantime is skipped by the unique constraint (and still counted here)."""
    ReminderOutbox.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


def _hr_admin_ids() -> list[int]:
    return list(
        Employee.objects.filter(active=True, user__groups__name=roles.HR_ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def enqueue_due_reminders(*, today: datetime.date, now: datetime.datetime) -> EnqueueResult:
    """Create the missing outbox rows for every due stage, escalation and
    recertification. Safe to run any number of times."""
    result = EnqueueResult()
    start_on = reminders_start_on()
    if reminders_held_on(today, start_on):
        return result
    # Only stages that begin after the item or enrolment was made (and not before
    # reminders start): a go-live import never sends what was already late.
    items = open_checklist_items_due(today=today).filter(
        stage_still_ahead("created_at", start_on=start_on)
    )
    enrolments = (
        open_enrolments_due(today=today, now=now)
        .exclude(completed_once())
        .filter(stage_still_ahead("enrolled_at", start_on=start_on))
    )
    # Courses to renew: the stages that had begun when the completion expired (the
    # course became to renew, e.g. at a material change) are not sent.
    renewals = completions_to_renew(today=today, now=now).filter(
        stage_still_ahead("expires_at", start_on=start_on)
    )
    result.reminders = _enqueue_own(items, enrolments, now=now)
    result.recertifications = _enqueue_recertifications(now=now, start_on=start_on)
    result.renewals = _enqueue_renewals(renewals, now=now)
    result.routed, result.nobody_responsible = _enqueue_routed(items, enrolments, renewals, now=now)
    return result


def _enqueue_own(items: QuerySet, enrolments: QuerySet, *, now: datetime.datetime) -> int:
    """The employee's own items and courses: one statement each."""
    own_items = (
        items.filter(owner__in=OWN_ITEM_OWNERS)
        .filter(_not_yet(KIND_ITEM, recipient="checklist__employee_id"))
        .values(
            o_recipient_id=F("checklist__employee_id"),
            o_about_id=F("checklist__employee_id"),
            o_subject_id=F("pk"),
            o_stage=F("o_stage"),
            o_due_date=F("due_date"),
        )
    )
    own_enrolments = enrolments.filter(_not_yet(KIND_ENROLMENT, recipient="employee_id")).values(
        o_recipient_id=F("employee_id"),
        o_about_id=F("employee_id"),
        o_subject_id=F("pk"),
        o_stage=F("o_stage"),
        o_due_date=F("due_date"),
    )
    return _insert_select(own_items, subject_kind=KIND_ITEM, now=now) + _insert_select(
        own_enrolments, subject_kind=KIND_ENROLMENT, now=now
    )


def _enqueue_recertifications(*, now: datetime.datetime, start_on: datetime.date | None) -> int:
    """Expiring completions: one statement."""
    expiring = completions_expiring(now=now)
    if start_on is not None:
        # The notice begins RECERTIFICATION_NOTICE_DAYS before expiry; not before the start.
        expiring = expiring.filter(
            o_due_date__gte=start_on + datetime.timedelta(days=settings.RECERTIFICATION_NOTICE_DAYS)
        )
    expiring = expiring.filter(
        _not_yet(SubjectKind.RECERTIFICATION.value, stage=Stage.RECERTIFICATION.value)
    ).values(
        o_recipient_id=F("employee_id"),
        o_about_id=F("employee_id"),
        o_subject_id=F("pk"),
        o_stage=Value(Stage.RECERTIFICATION.value, output_field=CharField()),
        o_due_date=F("o_due_date"),
    )
    return _insert_select(expiring, subject_kind=SubjectKind.RECERTIFICATION.value, now=now)


def _enqueue_renewals(renewals: QuerySet, *, now: datetime.datetime) -> int:
    """Courses to renew, by the stages of their renewal due date: one statement."""
    own = renewals.filter(_not_yet(KIND_RENEWAL, recipient="employee_id")).values(
        o_recipient_id=F("employee_id"),
        o_about_id=F("employee_id"),
        o_subject_id=F("pk"),
        o_stage=F("o_stage"),
        o_due_date=F("due_date"),
    )
    return _insert_select(own, subject_kind=KIND_RENEWAL, now=now)


def _enqueue_routed(
    items: QuerySet, enrolments: QuerySet, renewals: QuerySet, *, now: datetime.datetime
) -> tuple[int, int]:
    """Whatever goes to the person who answers for the employee (supervisor-owned items
    and escalations), or to HR (HR-owned items). Returns (rows queued, subjects with
    nobody to go to)."""
    routed: list[tuple[str, dict]] = [
        (KIND_ITEM, row)
        for row in items.filter(owner=ItemOwner.SUPERVISOR)
        .filter(_not_yet(KIND_ITEM))
        .values("pk", "o_stage", "due_date", o_employee=F("checklist__employee_id"))
    ]
    routed += _escalations(items, enrolments, renewals)
    hr_rows = list(
        items.filter(owner=ItemOwner.HR)
        .filter(_not_yet(KIND_ITEM))
        .values("pk", "o_stage", "due_date", o_employee=F("checklist__employee_id"))
    )

    answering = responsible_for({row["o_employee"] for _kind, row in routed})
    hr_admins = _hr_admin_ids() if hr_rows else []
    new_rows: list[ReminderOutbox] = []
    nobody: list[tuple[str, int]] = []
    targets = [(kind, row, answering.get(row["o_employee"], [])) for kind, row in routed]
    targets += [
        (KIND_ITEM, row, [h for h in hr_admins if h != row["o_employee"]]) for row in hr_rows
    ]
    for kind, row, recipients in targets:
        if not recipients:
            nobody.append((kind, row["pk"]))
        new_rows.extend(_row(recipient, row, kind, now) for recipient in recipients)
    if nobody:
        # Reported again every sweep until someone is responsible (or the item is done).
        logger.warning(
            "Reminder sweep: %s items or courses have nobody to go to (no supervisor, unit "
            "manager or HR admin); first: %s",
            len(nobody),
            nobody[:20],
        )
    return _bulk_insert(new_rows), len(nobody)


def _escalations(
    items: QuerySet, enrolments: QuerySet, renewals: QuerySet
) -> list[tuple[str, dict]]:
    """The employee's own long-overdue items, courses and courses to renew not yet
    escalated: once each, to whoever answers for them. Three queries."""
    escalate_items = (
        items.filter(owner__in=OWN_ITEM_OWNERS, o_stage=Stage.LONG_OVERDUE)
        .filter(_not_yet(KIND_ITEM, stage=Stage.ESCALATION.value))
        .values("pk", "due_date", o_employee=F("checklist__employee_id"))
    )
    escalate_enrolments = (
        enrolments.filter(o_stage=Stage.LONG_OVERDUE)
        .filter(_not_yet(KIND_ENROLMENT, stage=Stage.ESCALATION.value))
        .values("pk", "due_date", o_employee=F("employee_id"))
    )
    escalate_renewals = (
        renewals.filter(o_stage=Stage.LONG_OVERDUE)
        .filter(_not_yet(KIND_RENEWAL, stage=Stage.ESCALATION.value))
        .values("pk", "due_date", o_employee=F("employee_id"))
    )
    return [
        (kind, {**row, "o_stage": Stage.ESCALATION.value})
        for kind, queryset in (
            (KIND_ITEM, escalate_items),
            (KIND_ENROLMENT, escalate_enrolments),
            (KIND_RENEWAL, escalate_renewals),
        )
        for row in queryset
    ]


def _row(recipient: int, row: dict, kind: str, now: datetime.datetime) -> ReminderOutbox:
    return ReminderOutbox(
        recipient_id=recipient,
        about_id=row["o_employee"],
        subject_kind=kind,
        subject_id=row["pk"],
        stage=row["o_stage"],
        due_date=row["due_date"],
        created_at=now,
    )


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def enqueue_weekly_digests(*, today: datetime.date, now: datetime.datetime) -> int:
    """One digest row per supervisor per ISO week, for supervisors (direct, or managers
    of a unit above) of someone with late or soon-due work. Four queries."""
    if reminders_held_on(today, reminders_start_on()):
        return 0
    due_people = employees_with_work_due(today=today, now=now)
    supervisors = set(employees_answering_for(reports=due_people).values_list("pk", flat=True))
    supervisors -= digest_opted_out_ids(employee_ids=supervisors)
    week = iso_week(today)
    supervisors -= set(
        ReminderOutbox.objects.filter(subject_kind=SubjectKind.DIGEST, stage=week).values_list(
            "recipient_id", flat=True
        )
    )
    rows = [
        ReminderOutbox(
            recipient_id=supervisor_id,
            subject_kind=SubjectKind.DIGEST,
            subject_id=supervisor_id,
            stage=week,
            created_at=now,
        )
        for supervisor_id in sorted(supervisors)
    ]
    return _bulk_insert(rows)
