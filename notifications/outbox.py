"""Writing outbox rows: the one way any code queues an email.

Rows are written in the transaction of the change that causes them (an invitation
batch, a cancelled session, an HR import), so the change and its messages are
committed together or not at all; `kick()` then asks a worker to deliver them right
after the commit. A lost kick (Redis down at that moment) only delays a message: the
periodic delivery task and the hourly sweep deliver whatever is pending.

- `insert_select(rows, subject_kind=..., now=...)`: one `INSERT … SELECT … ON CONFLICT
  DO NOTHING` for a queryset that selects o_recipient_id, o_about_id, o_subject_id,
  o_stage and o_due_date (see enqueue.py for the reminders' own);
- `insert_rows(rows)`: a list of unsaved rows, conflicts skipped;
- `enqueue_email(...)`: a one-off email whose text the caller has written;
- `enqueue_welcome(employee_ids=...)`: the welcome email of new employees.
"""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, CharField, DateField, F, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from intents.services import intent_record
from notifications.models import OutboxStatus, ReminderOutbox, SubjectKind
from people.models import Employee

logger = logging.getLogger(__name__)

_COLUMNS = (
    "recipient_id",
    "about_id",
    "subject_kind",
    "subject_id",
    "stage",
    "due_date",
    "status",
    "attempts",
    "last_error",
    "note",
    "created_at",
)


def insert_select(rows: QuerySet, *, subject_kind: str, now: datetime.datetime) -> int:
    """Insert one outbox row per row of `rows`, which must select o_recipient_id,
    o_about_id, o_subject_id, o_stage and o_due_date. Rows that exist are skipped."""
    try:
        select_sql, select_params = rows.query.sql_with_params()
    except EmptyResultSet:  # e.g. `pk__in=[]`: nothing to insert
        return 0
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in _COLUMNS)
    # Only quoted identifiers and the ORM's own SQL are pasted in; values are parameters.
    sql = (
        f"INSERT INTO {quote(ReminderOutbox._meta.db_table)} ({columns}) "  # noqa: S608
        "SELECT due.o_recipient_id, due.o_about_id, %s, due.o_subject_id, due.o_stage, "
        f"due.o_due_date, %s, 0, '', '', %s FROM ({select_sql}) due ON CONFLICT DO NOTHING"
    )
    params = [
        subject_kind,
        OutboxStatus.PENDING.value,
        connection.ops.adapt_datetimefield_value(now),
        *select_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return max(cursor.rowcount, 0)


def insert_rows(rows: list[ReminderOutbox]) -> int:
    """Insert rows; one that exists already (the same kind, key and recipient) is
    skipped by the unique constraint. Returns how many were given."""
    ReminderOutbox.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


DELIVER_TASK = "notifications.deliver_outbox"  # tasks/notifications.py


def kick() -> None:
    """After the current transaction commits, ask a worker to deliver what is pending
    (without a transaction, at once). The request is a task intent (`intents`), the
    one way follow-up work reaches Celery: a broker that is down delays the delivery
    until the relay's next minute, and the hourly sweep sends whatever is left. With
    eager tasks (unit tests) the delivery runs in-process after the commit."""
    intent_record(DELIVER_TASK)


def enqueue_email(
    *,
    key: str,
    subject: str,
    body: str,
    html: str = "",
    recipient: Employee | None = None,
    address: str = "",
    language: str = "",
    subject_id: int = 0,
) -> bool:
    """Queue one email whose text the caller has written, e.g. a password reset link.
    `key` (at most 60 characters) makes it unique together with the recipient or
    `address`: the same key to the same person is queued once. Call inside the
    transaction of the change that causes it. Returns False when it was queued already."""
    if recipient is None and not address:
        raise ValueError("an email needs a recipient or an address")
    if len(key) > 60:
        raise ValueError("the key is at most 60 characters")
    created = _insert_one(
        ReminderOutbox(
            recipient=recipient,
            about=recipient,
            address=address,
            subject_kind=SubjectKind.EMAIL,
            subject_id=subject_id,
            stage=key,
            payload={"subject": subject, "body": body, "html": html, "language": language},
            created_at=timezone.now(),
        )
    )
    kick()
    return created


def _insert_one(row: ReminderOutbox) -> bool:
    """Insert one row unless it exists; True when this call created it."""
    before = ReminderOutbox.objects.filter(
        subject_kind=row.subject_kind,
        subject_id=row.subject_id,
        stage=row.stage,
        recipient_id=row.recipient_id,
        address=row.address,
    ).exists()
    if before:
        return False
    ReminderOutbox.objects.bulk_create([row], ignore_conflicts=True)
    return True


def welcome_new_employees(sender, *, employee_numbers: list[str], **kwargs) -> None:
    """Receiver of people.signals.employees_created (connected in NotificationsConfig),
    sent inside the transaction that creates them: the import wrote the active ones with
    `welcome_sent_at` set, so their welcome rows are queued here with one INSERT …
    SELECT and no UPDATE of the people (30,000 fresh rows rewritten, and their foreign
    keys checked again at commit, cost a first import a fifth of its time). The numbers
    go as one array parameter (`= ANY(%s)`), not 30,000 placeholders."""
    created = Employee.objects.filter(
        RawSQL("employee_number = ANY(%s)", (list(employee_numbers),), BooleanField()),
        active=True,
        welcome_sent_at__isnull=False,
    )
    if _insert_welcomes(created, now=timezone.now()):
        kick()


def _insert_welcomes(employees: QuerySet, *, now: datetime.datetime) -> int:
    return insert_select(
        employees.values(
            o_recipient_id=F("pk"),
            o_about_id=F("pk"),
            o_subject_id=F("pk"),
            o_stage=Value("welcome", output_field=CharField()),
            o_due_date=Cast(Value(None), DateField()),
        ),
        subject_kind=SubjectKind.WELCOME,
        now=now,
    )


def enqueue_welcome(*, employees: QuerySet) -> int:
    """A welcome email to each of `employees` who is active and has not had one
    (`welcome_sent_at` empty, which is set here: the welcome is on its way). Call in
    the transaction that creates them. Two queries, however many people."""
    now = timezone.now()
    due = employees.filter(active=True, welcome_sent_at__isnull=True)
    count = _insert_welcomes(due, now=now)
    if count:
        due.update(welcome_sent_at=now)
        kick()
    return count
