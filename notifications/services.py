"""Reminders, the email outbox and notices: the hourly sweep, the weekly digest,
delivering the outbox, queueing an email, and marking notices read.

The public surface other code calls (tasks/reminders.py, tasks/notifications.py, views,
other apps' services):
- `reminders_sweep()`: under the sweep lock, create the outbox rows for everything due
  (set-based, see enqueue.py), then deliver what is pending (delivery.py, which first
  recovers rows a stopped deliverer left behind). Returns a `SweepResult`; `skipped`
  when another sweep holds the lock, which is harmless: that sweep does the work.
- `reminders_send_weekly_digest()`: the same, with this ISO week's digest rows for
  supervisors. Raises `SweepBusy` when a sweep holds the lock, so the task retries in
  a minute instead of waiting for the next hourly sweep.
- `outbox_deliver_pending()`: deliver every pending outbox row now (the task an
  outbox write kicks after its commit, and the periodic delivery).
- `outbox_enqueue_email(...)`: queue a one-off email whose text the caller wrote (a
  password reset link, ...), in the caller's transaction; see outbox.enqueue_email.
- `outbox_enqueue_welcome(employee_ids=...)`: the welcome email of new employees.
- `outbox_insert_select(...)`, `outbox_insert_rows(...)`, `outbox_kick()`: for services
  that write their own kinds of message (events), see outbox.py.
- `notifications_mark_all_read(employee=...)`.
- `digest_subscription_set(employee=..., subscribed=...)`: start or stop the weekly
  digest (the switch on the notices page, the digest's one-click link).
"""

import datetime
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from notifications.delivery import DeliveryInterrupted, DeliveryResult, deliver_pending
from notifications.enqueue import EnqueueResult, enqueue_due_reminders, enqueue_weekly_digests
from notifications.locks import sweep_lock
from notifications.models import DigestOptOut, Notification
from notifications.outbox import enqueue_email as outbox_enqueue_email
from notifications.outbox import enqueue_welcome as outbox_enqueue_welcome
from notifications.outbox import insert_rows as outbox_insert_rows
from notifications.outbox import insert_select as outbox_insert_select
from notifications.outbox import kick as outbox_kick
from people.models import Employee

logger = logging.getLogger(__name__)


class SweepBusy(Exception):
    """Another sweep holds the lock."""


@dataclass
class SweepResult:
    skipped: bool = False
    enqueued: EnqueueResult = field(default_factory=EnqueueResult)
    digests: int = 0
    delivery: DeliveryResult = field(default_factory=DeliveryResult)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "skipped": self.skipped,
            "digests": self.digests,
            "seconds": round(self.seconds, 3),
            **self.enqueued.as_dict(),
            **self.delivery.as_dict(),
        }


def _run(*, digest: bool, now: datetime.datetime | None) -> SweepResult:
    started = time.monotonic()
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = SweepResult()
    with sweep_lock() as acquired:
        if not acquired:
            result.skipped = True
            logger.info("Reminder sweep skipped: another sweep is running")
            return result
        if digest:
            result.digests = enqueue_weekly_digests(today=today, now=now)
        else:
            result.enqueued = enqueue_due_reminders(today=today, now=now)
        deliver_pending(
            deadline=started + settings.REMINDER_SWEEP_MAX_SECONDS, result=result.delivery
        )
    result.seconds = time.monotonic() - started
    logger.info("Reminder sweep done: %s", result.as_dict())
    return result


def reminders_sweep(*, now: datetime.datetime | None = None) -> SweepResult:
    """Find everything due, record each reminder stage once, and deliver what is
    pending. Safe to run any number of times, in any number of workers."""
    return _run(digest=False, now=now)


def reminders_send_weekly_digest(*, now: datetime.datetime | None = None) -> SweepResult:
    """This ISO week's digest for every supervisor with late or soon-due work in
    their team; once per supervisor per week."""
    result = _run(digest=True, now=now)
    if result.skipped:
        raise SweepBusy
    return result


def outbox_deliver_pending() -> DeliveryResult:
    """Deliver what is pending now (a supervisor's "remind now", an invitation batch,
    a welcome) without waiting for the hourly sweep. Safe beside a sweep and any number
    of times: one process delivers at a time (the delivery lock)."""
    result = DeliveryResult()
    deliver_pending(deadline=time.monotonic() + settings.REMINDER_SWEEP_MAX_SECONDS, result=result)
    return result


# The name "remind now" has used since before every email went through the outbox.
reminders_deliver_pending = outbox_deliver_pending

__all__ = [
    "DeliveryInterrupted",
    "SweepBusy",
    "digest_subscription_set",
    "notifications_mark_all_read",
    "outbox_deliver_pending",
    "outbox_enqueue_email",
    "outbox_enqueue_welcome",
    "outbox_insert_rows",
    "outbox_insert_select",
    "outbox_kick",
    "reminders_deliver_pending",
    "reminders_send_weekly_digest",
    "reminders_sweep",
]


def notifications_mark_all_read(*, employee: Employee) -> int:
    return Notification.objects.filter(recipient=employee, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def digest_subscription_set(*, employee: Employee, subscribed: bool) -> None:
    """Start or stop `employee`'s weekly digest; doing it twice changes nothing."""
    if subscribed:
        DigestOptOut.objects.filter(employee=employee).delete()
    else:
        DigestOptOut.objects.get_or_create(employee=employee)
