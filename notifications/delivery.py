"""Delivering outbox rows: claim a batch, write the in-app notices, send the emails.

Every email of the site goes this way (reminders, digests, welcomes, session messages,
presenter links, one-off emails). Only one process delivers at a time: the delivery
lock (locks.py, a PostgreSQL advisory lock the server drops with a dead connection).
The lock and the claim are the shared outbox parts (`intents.outbox`), also used by
the xAPI statements (`xapi`).

The protocol, one batch at a time, under the delivery lock:

1. In one transaction: lock up to REMINDER_BATCH_SIZE pending rows with
   `SELECT … FOR UPDATE SKIP LOCKED`, drop the ones no longer needed (item done, person
   left, session cancelled: `cancelled`), compose each message in its recipient's
   language (the reminders here, other kinds through kinds.py), write the in-app
   notices (one per row, a unique key), mark the rows of people without an email
   address `sent` (the notice is all they get, noted on the row), a message whose
   header would break (a CR or LF in its subject) `failed_permanently` with the
   error, and the rest `sending`. Commit.
2. One SMTP connection for the batch. For each message: set `handed_over_at` (commit),
   hand the message to the mail server, mark the row `sent` (commit). When the
   database does not answer that last write, the mark is retried (the server has the
   message, so the row must not be sent again) for up to OUTBOX_MARK_RETRY_SECONDS;
   then delivery stops with `DeliveryInterrupted` (the connection and the lock with it
   were lost) and the task is retried.
3. A mail server error puts the row and the rest of the batch back to `pending` with
   attempts + 1 and the error, and ends delivery for this run: the next run tries
   again. Never `sent`. After REMINDER_MAX_ATTEMPTS, or when the server refuses the
   address for good, the row becomes `failed_permanently`. A message the mail library
   refuses (a header with a line break) fails alone; the batch goes on.

After a crash (a worker killed in the middle, a database error) rows stay in
`sending`. The recovery rule, run by the next deliverer as soon as it holds the
delivery lock (so no live deliverer owns them):
- `handed_over_at` empty: the message never reached the mail server, so the row goes
  back to `pending` and is sent once by this or a later run;
- `handed_over_at` set: the server may or may not have taken the message (the sender
  died between handing it over and marking it). Sending again could mail the person
  twice, so the row is left alone and reported (logged as an error and counted as
  `uncertain`) for an admin to resolve in the admin (send again or mark sent). The
  window is the time one message takes to send.
"""

import contextlib
import datetime
import logging
import smtplib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import InterfaceError, OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone, translation

from courses.models import CourseCompletion, Enrolment
from intents.outbox import claim_ids
from notifications import kinds, messages
from notifications.locks import delivery_lock
from notifications.models import (
    REMINDER_KINDS,
    Notification,
    OutboxStatus,
    ReminderOutbox,
    Stage,
    SubjectKind,
    is_manual_stage,
)
from notifications.selectors import digest_opted_out_ids, team_digest, valid_completion_exists
from notifications.unsubscribe import digest_headers
from onboarding.models import ChecklistItem
from people.models import Employee

logger = logging.getLogger(__name__)

NO_EMAIL_NOTE = "no email address: in-app notice only"


class DeliveryInterrupted(Exception):
    """The database connection broke while sending; the delivery lock went with it,
    so this deliverer stops and its task is retried."""


@dataclass
class DeliveryResult:
    sent: int = 0
    in_app_only: int = 0
    cancelled: int = 0
    retry_later: int = 0
    failed_permanently: int = 0
    recovered: int = 0
    uncertain: int = 0
    batches: int = 0
    bad_header: int = 0  # messages that could not be built (a line break in a header)
    mark_retries: int = 0  # sent messages whose "sent" mark waited for the database
    busy: bool = False  # another process was delivering (it sends these rows too)
    mail_server_down: bool = False
    uncertain_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Outgoing:
    row_id: int
    message: object  # EmailMultiAlternatives
    claimed_at: datetime.datetime | None = None


# --- recovery -------------------------------------------------------------------------


def recover_sending(*, result: DeliveryResult) -> None:
    """Apply the recovery rule above. Call only while holding the delivery lock: then
    every row in `sending` belongs to a deliverer that stopped."""
    stale = ReminderOutbox.objects.filter(status=OutboxStatus.SENDING)
    recovered = stale.filter(handed_over_at__isnull=True).update(
        status=OutboxStatus.PENDING,
        claimed_at=None,
        note="recovered: claimed by a delivery that stopped before sending",
    )
    result.recovered += recovered
    if recovered:
        logger.warning(
            "Outbox: %s rows left in sending before reaching the mail server went back to pending",
            recovered,
        )
    uncertain = list(
        stale.filter(handed_over_at__isnull=False).order_by("pk").values_list("pk", flat=True)
    )
    result.uncertain = len(uncertain)
    result.uncertain_ids = uncertain[:100]
    if uncertain:
        logger.error(
            "Outbox: %s rows were handed to the mail server but never confirmed (the "
            "sender stopped); they are not resent automatically. Resolve them in the "
            "admin. First ids: %s",
            len(uncertain),
            uncertain[:20],
        )


# --- claiming and preparing -----------------------------------------------------------


class _Subjects:
    """Everything one batch of rows refers to, loaded with a fixed number of queries
    (at most seven, plus four per digest row)."""

    def __init__(self, rows: list[ReminderOutbox], *, now: datetime.datetime):
        by_kind: dict[str, set[int]] = {}
        for row in rows:
            by_kind.setdefault(row.subject_kind, set()).add(row.subject_id)
        self.items = {
            item.pk: item
            for item in ChecklistItem.objects.filter(
                pk__in=by_kind.get(SubjectKind.CHECKLIST_ITEM, ())
            ).select_related("checklist__employee__user")
        }
        self.enrolments = {
            enrolment.pk: enrolment
            for enrolment in Enrolment.objects.filter(pk__in=by_kind.get(SubjectKind.ENROLMENT, ()))
            .annotate(done=valid_completion_exists(now))
            .select_related("course", "employee__user")
        }
        later = CourseCompletion.objects.filter(
            employee_id=OuterRef("employee_id"),
            course_id=OuterRef("course_id"),
            cycle__gt=OuterRef("cycle"),
        )
        self.completions = {
            completion.pk: completion
            for completion in CourseCompletion.objects.filter(
                pk__in=[
                    *by_kind.get(SubjectKind.RECERTIFICATION, ()),
                    *by_kind.get(SubjectKind.RENEWAL, ()),
                ]
            )
            .annotate(renewed=Exists(later))
            .select_related("course", "employee__user")
        }
        digest_recipients = [r.recipient_id for r in rows if r.subject_kind == SubjectKind.DIGEST]
        self.digests_stopped = (
            digest_opted_out_ids(employee_ids=digest_recipients) if digest_recipients else set()
        )
        courses = [e.course for e in self.enrolments.values()] + [
            c.course for c in self.completions.values()
        ]
        self._titles: dict[tuple[str, str], str] = {}
        self._paths: dict[int, str] = {}
        if courses:
            from wagtail.models import Page

            for key, language, title in Page.objects.filter(
                translation_key__in={course.translation_key for course in courses}, live=True
            ).values_list("translation_key", "locale__language_code", "title"):
                self._titles[(str(key), language)] = title
            for course in courses:
                if course.pk not in self._paths:
                    parts = course.get_url_parts()
                    self._paths[course.pk] = parts[2] if parts else "/"

    def course_title(self, course, language: str) -> str:
        return self._titles.get((str(course.translation_key), language), course.title)

    def course_path(self, course) -> str:
        return self._paths.get(course.pk, "/")


def _text_for(
    row: ReminderOutbox, subjects: _Subjects, *, language: str, today, now
) -> messages.ReminderText | None:  # long: one branch per subject kind and owner
    """What to say for `row`, or None when the reminder is no longer needed."""
    kind, stage = row.subject_kind, row.stage
    if is_manual_stage(stage):
        # Sent by hand for late work: it says what the overdue reminder says.
        stage = Stage.OVERDUE
    if kind == SubjectKind.CHECKLIST_ITEM:
        item = subjects.items.get(row.subject_id)
        if item is None or item.done_at is not None or not item.checklist.employee.active:
            return None
        owner = item.checklist.employee
        if row.recipient_id == owner.pk:
            return messages.own_checklist_item(
                stage, title=item.local_title, due=item.due_date, item_id=item.pk
            )
        return messages.for_someone_else(
            stage,
            title=item.local_title,
            due=item.due_date,
            about=owner,
            path=messages.team_member_path(owner, f"#checklist-item-{item.pk}"),
        )
    if kind == SubjectKind.ENROLMENT:
        enrolment = subjects.enrolments.get(row.subject_id)
        if (
            enrolment is None
            or enrolment.done
            or not enrolment.employee.active
            or not enrolment.course.live
            or enrolment.due_date is None
        ):
            return None
        title = subjects.course_title(enrolment.course, language)
        if row.recipient_id == enrolment.employee_id:
            return messages.own_enrolment(
                stage,
                title=title,
                due=enrolment.due_date,
                path=subjects.course_path(enrolment.course),
            )
        return messages.for_someone_else(
            stage,
            title=title,
            due=enrolment.due_date,
            about=enrolment.employee,
            path=messages.team_member_path(enrolment.employee),
        )
    if kind == SubjectKind.RECERTIFICATION:
        completion = subjects.completions.get(row.subject_id)
        if completion is None or completion.renewed or not completion.employee.active:
            return None
        if completion.expires_at is None or completion.expires_at <= now:
            return None
        return messages.recertification(
            title=subjects.course_title(completion.course, language),
            expires=timezone.localtime(completion.expires_at).date(),
            path=subjects.course_path(completion.course),
        )
    if kind == SubjectKind.RENEWAL:
        completion = subjects.completions.get(row.subject_id)
        if (
            completion is None
            or completion.renewed
            or not completion.employee.active
            or not completion.course.live
            or completion.is_valid_at(now)
            or row.due_date is None
        ):
            return None
        title = subjects.course_title(completion.course, language)
        if row.recipient_id == completion.employee_id:
            return messages.renewal(
                stage, title=title, due=row.due_date, path=subjects.course_path(completion.course)
            )
        return messages.for_someone_else(
            stage,
            title=title,
            due=row.due_date,
            about=completion.employee,
            path=messages.team_member_path(completion.employee),
        )
    if kind == SubjectKind.DIGEST:
        if row.recipient_id in subjects.digests_stopped:
            return None  # stopped after the row was queued
        digest = team_digest(supervisor=row.recipient, today=today, now=now)
        if not digest.total:
            return None
        return messages.weekly_digest(week=row.stage, digest=digest)
    logger.error("Unknown reminder kind %s on outbox row %s", kind, row.pk)
    return None


def _compose(
    row: ReminderOutbox, subjects: _Subjects, loaded: dict, *, language: str, today, now
) -> kinds.Composed | None | str:
    """The message for `row`; None when it is no longer needed; an error text when the
    kind is unknown to this process."""
    if row.subject_kind in REMINDER_KINDS:
        text = _text_for(row, subjects, language=language, today=today, now=now)
        return None if text is None else kinds.Composed(text=text)
    kind = kinds.get(row.subject_kind)
    if kind is None:
        return f"unknown message kind {row.subject_kind}"
    return kind.compose(row, loaded.get(row.subject_kind))


def _email(row: ReminderOutbox, composed: kinds.Composed, address: str):
    """The email of `row`, its headers checked (raises ValueError, e.g. BadHeaderError,
    when one holds a line break). The Message-ID is the same every time for the same
    row, so a resend is recognisable."""
    reminder = row.subject_kind in REMINDER_KINDS
    message = composed.email
    if message is None:
        headers = None
        if row.subject_kind == SubjectKind.DIGEST and row.recipient_id:
            headers = digest_headers(row.recipient_id)
        message = messages.build_email(
            recipient=row.recipient,
            text=composed.text,
            message_id=f"reminder-{row.pk}" if reminder else f"outbox-{row.pk}",
            headers=headers,
        )
    message.to = [address]
    for name, value in messages.automatic_headers(f"outbox-{row.pk}").items():
        message.extra_headers.setdefault(name, value)
    message.extra_headers["X-Hyteopas-Outbox"] = str(row.pk)
    message.message()  # builds the headers: a CR or LF in one raises here
    return message


def _language(row: ReminderOutbox) -> str:
    if row.recipient is not None:
        return row.recipient.ui_language
    return (row.payload or {}).get("language") or settings.LANGUAGE_CODE


def _claim_batch(
    *, started_at: datetime.datetime, result: DeliveryResult
) -> list[Outgoing] | None:  # long: step 1 of the delivery protocol, one transaction
    """Step 1 of the protocol. Returns the messages to send, or None when no pending
    row is left for this run (rows put back by this run wait for the next one)."""
    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        ids = claim_ids(
            ReminderOutbox.objects.filter(status=OutboxStatus.PENDING).filter(
                Q(claimed_at__isnull=True) | Q(claimed_at__lt=started_at)
            ),
            limit=settings.REMINDER_BATCH_SIZE,
        )
        if not ids:
            return None
        rows = list(
            ReminderOutbox.objects.filter(pk__in=ids)
            .select_related("recipient__user")
            .order_by("pk")
        )
        subjects = _Subjects([r for r in rows if r.subject_kind in REMINDER_KINDS], now=now)
        loaded = {}
        for name in {r.subject_kind for r in rows if r.subject_kind not in REMINDER_KINDS}:
            kind = kinds.get(name)
            if kind is not None:
                loaded[name] = kind.load([r for r in rows if r.subject_kind == name])
        cancelled, no_email, sending = [], [], []
        failed: list[tuple[int, str]] = []
        notices: list[Notification] = []
        outgoing: list[Outgoing] = []
        for row in rows:
            recipient: Employee | None = row.recipient
            if recipient is not None and not recipient.active:
                cancelled.append(row.pk)
                continue
            language = _language(row)
            with translation.override(language):
                composed = _compose(row, subjects, loaded, language=language, today=today, now=now)
                if composed is None:
                    cancelled.append(row.pk)
                    continue
                if isinstance(composed, str):
                    logger.error("Outbox row %s: %s", row.pk, composed)
                    failed.append((row.pk, composed))
                    continue
                address = row.address or (recipient.user.email if recipient else "")
                message = None
                if address:
                    try:
                        message = _email(row, composed, address)
                    except ValueError as error:  # BadHeaderError and the like
                        logger.error("Outbox row %s cannot be sent: %s", row.pk, error)
                        failed.append((row.pk, f"{type(error).__name__}: {error}"))
                        result.bad_header += 1
                        continue
            if composed.notice and recipient is not None:
                notices.append(
                    Notification(
                        recipient=recipient,
                        outbox_id=row.pk,
                        title=composed.text.title[:255],
                        body=composed.text.intro,
                        url=composed.text.path,
                        created_at=now,
                    )
                )
            if message is None:
                no_email.append(row.pk)
                continue
            outgoing.append(Outgoing(row.pk, message, claimed_at=now))
            sending.append(row.pk)
        Notification.objects.bulk_create(notices, ignore_conflicts=True)
        if cancelled:
            ReminderOutbox.objects.filter(pk__in=cancelled).update(
                status=OutboxStatus.CANCELLED,
                claimed_at=now,
                note="no longer needed: done, left, or nothing to report",
            )
        if no_email:
            ReminderOutbox.objects.filter(pk__in=no_email).update(
                status=OutboxStatus.SENT, claimed_at=now, sent_at=now, note=NO_EMAIL_NOTE
            )
        for row_id, error in failed:
            ReminderOutbox.objects.filter(pk=row_id).update(
                status=OutboxStatus.FAILED_PERMANENTLY,
                claimed_at=now,
                attempts=F("attempts") + 1,
                last_error=error[:2000],
            )
        if sending:
            ReminderOutbox.objects.filter(pk__in=sending).update(
                status=OutboxStatus.SENDING, claimed_at=now, handed_over_at=None
            )
    result.batches += 1
    result.cancelled += len(cancelled)
    result.in_app_only += len(no_email)
    result.failed_permanently += len(failed)
    return outgoing


# --- sending --------------------------------------------------------------------------


def _refused_for_good(error: Exception) -> bool:
    """The server refused every recipient with a permanent (5xx) code."""
    return isinstance(error, smtplib.SMTPRecipientsRefused) and all(
        code >= 500 for code, _message in error.recipients.values()
    )


def _give_back(row_ids: list[int], error: Exception, result: DeliveryResult) -> None:
    """Back to pending with attempts + 1; failed_permanently past REMINDER_MAX_ATTEMPTS."""
    if not row_ids:
        return
    description = f"{type(error).__name__}: {error}"[:2000]
    ReminderOutbox.objects.filter(pk__in=row_ids, status=OutboxStatus.SENDING).update(
        status=OutboxStatus.PENDING,
        attempts=F("attempts") + 1,
        last_error=description,
        handed_over_at=None,
    )
    given_up = ReminderOutbox.objects.filter(
        pk__in=row_ids,
        status=OutboxStatus.PENDING,
        attempts__gte=settings.REMINDER_MAX_ATTEMPTS,
    ).update(status=OutboxStatus.FAILED_PERMANENTLY)
    result.failed_permanently += given_up
    result.retry_later += len(row_ids) - given_up


def _fail(row_id: int, error: Exception, result: DeliveryResult) -> None:
    ReminderOutbox.objects.filter(pk=row_id).update(
        status=OutboxStatus.FAILED_PERMANENTLY,
        attempts=F("attempts") + 1,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        handed_over_at=None,
    )
    result.failed_permanently += 1


def _hand_over(item: Outgoing) -> bool:
    """Record that the message goes to the mail server now. False when this process no
    longer owns the row (another deliverer recovered it after our connection broke)."""
    return bool(
        ReminderOutbox.objects.filter(
            pk=item.row_id,
            status=OutboxStatus.SENDING,
            claimed_at=item.claimed_at,
            handed_over_at__isnull=True,
        ).update(handed_over_at=timezone.now())
    )


def _mark_sent(item: Outgoing, result: DeliveryResult) -> None:
    """The mail server has the message: mark the row sent, waiting for the database if
    it does not answer (OUTBOX_MARK_RETRY_SECONDS). Raises DeliveryInterrupted after a
    retry, because the lost connection took the delivery lock with it."""
    deadline = time.monotonic() + settings.OUTBOX_MARK_RETRY_SECONDS
    retried = False
    while True:
        try:
            ReminderOutbox.objects.filter(pk=item.row_id, status=OutboxStatus.SENDING).update(
                status=OutboxStatus.SENT, sent_at=timezone.now()
            )
            break
        except (OperationalError, InterfaceError) as error:
            retried = True
            if time.monotonic() >= deadline:
                logger.error("Outbox row %s was sent but cannot be marked: %s", item.row_id, error)
                raise
            logger.warning("Outbox row %s sent; waiting for the database to mark it", item.row_id)
            db_connection.close()  # Django opens a new connection for the next try
            time.sleep(1)
    result.sent += 1
    if retried:
        result.mark_retries += 1
        raise DeliveryInterrupted(f"the database connection broke after row {item.row_id}")


def _send_batch(outgoing: list[Outgoing], result: DeliveryResult) -> bool:
    """Steps 2 and 3. Returns False when the mail server failed (stop this run)."""
    if not outgoing:
        return True
    # Only the tests set this: it makes a run slow enough to interrupt in the middle.
    delay = getattr(settings, "REMINDER_SEND_DELAY", 0)
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Mail server unavailable, emails retried on the next run: %s", error)
        _give_back([o.row_id for o in outgoing], error, result)
        result.mail_server_down = True
        return False
    try:
        for index, item in enumerate(outgoing):
            if delay:
                time.sleep(delay)
            if not _hand_over(item):
                raise DeliveryInterrupted(f"row {item.row_id} was taken over")
            try:
                connection.send_messages([item.message])
                if delay:
                    time.sleep(delay)
            except (smtplib.SMTPException, OSError) as error:
                if _refused_for_good(error):
                    _fail(item.row_id, error, result)
                    continue
                logger.warning("Mail server error, emails retried on the next run: %s", error)
                _give_back([o.row_id for o in outgoing[index:]], error, result)
                result.mail_server_down = True
                return False
            except ValueError as error:  # a header the mail library refuses: this one fails
                logger.error("Outbox row %s cannot be sent: %s", item.row_id, error)
                _fail(item.row_id, error, result)
                result.bad_header += 1
                continue
            _mark_sent(item, result)
    finally:
        # The messages are sent; a failing QUIT changes nothing.
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()
    return True


def _deliver_batches(*, deadline: float, result: DeliveryResult) -> None:
    started_at = timezone.now()
    while time.monotonic() < deadline:
        outgoing = _claim_batch(started_at=started_at, result=result)
        if outgoing is None:
            return
        if not _send_batch(outgoing, result):
            return


def deliver_pending(*, deadline: float, result: DeliveryResult) -> None:
    """Under the delivery lock: recover what a stopped deliverer left, then claim and
    send batches until no pending row is left, the mail server fails, or the monotonic
    `deadline` passes (the rest waits for the next run). When another process holds
    the lock it is left to deliver (`busy`); and a deliverer that lets go of the lock
    looks once more for rows written meanwhile, so a run that found the lock taken
    never leaves its rows behind."""
    for _round in range(20):
        with delivery_lock() as acquired:
            if not acquired:
                result.busy = True
                return
            recover_sending(result=result)
            _deliver_batches(deadline=deadline, result=result)
        if result.mail_server_down or time.monotonic() >= deadline:
            return
        unclaimed = ReminderOutbox.objects.filter(
            status=OutboxStatus.PENDING, claimed_at__isnull=True
        )
        if not unclaimed.exists():
            return
