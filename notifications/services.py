"""Reminders and notices: the hourly sweep, the weekly digest and marking notices read.

The public surface other code calls (tasks/reminders.py, views):
- `reminders_sweep()`: under the sweep lock, recover rows a dead sweep left behind,
  create the outbox rows for everything due (set-based, see enqueue.py), then deliver
  them (delivery.py). Returns a `SweepResult`; `skipped` when another sweep holds the
  lock, which is harmless: that sweep does the work.
- `reminders_send_weekly_digest()`: the same, with this ISO week's digest rows for
  supervisors. Raises `SweepBusy` when a sweep holds the lock, so the task retries in
  a minute instead of waiting for the next hourly sweep.
- `notifications_mark_all_read(employee=...)`.
"""

import datetime
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from notifications.delivery import DeliveryResult, deliver_pending, recover_stale_sending
from notifications.enqueue import EnqueueResult, enqueue_due_reminders, enqueue_weekly_digests
from notifications.locks import sweep_lock
from notifications.models import Notification
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

    def as_dict(self) -> dict:
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
        recover_stale_sending(now=now, result=result.delivery)
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


def reminders_deliver_pending() -> DeliveryResult:
    """Deliver what is pending now (e.g. a supervisor's "remind now") without waiting
    for the hourly sweep. Claiming rows with SKIP LOCKED makes it safe beside a sweep."""
    result = DeliveryResult()
    deliver_pending(deadline=time.monotonic() + settings.REMINDER_SWEEP_MAX_SECONDS, result=result)
    return result


def notifications_mark_all_read(*, employee: Employee) -> int:
    return Notification.objects.filter(recipient=employee, read_at__isnull=True).update(
        read_at=timezone.now()
    )
