"""Reminder tasks: thin, each calls one service. Never one task per person or item:
the sweep finds everything due with a few set-based queries and delivers in batches.

Both are safe to run twice or in parallel (a redelivered message, a double beat): the
sweep lock lets one run at a time and the outbox rows make every stage happen once.
A sweep interrupted by a database error is retried: its locks went with the broken
connection, and the retry recovers what the interrupted run left.
"""

from celery import shared_task

from notifications import services
from tasks.notifications import DATABASE_ERRORS


@shared_task(
    name="reminders.sweep",
    autoretry_for=DATABASE_ERRORS,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=False,
    max_retries=10,
)
def sweep() -> dict:
    """Hourly: record and deliver every due reminder, escalation and recertification."""
    return services.reminders_sweep().as_dict()


@shared_task(
    name="reminders.weekly_digest",
    autoretry_for=(services.SweepBusy, *DATABASE_ERRORS),
    retry_backoff=60,
    retry_backoff_max=600,
    retry_jitter=False,
    max_retries=12,
)
def weekly_digest() -> dict:
    """Monday morning: each supervisor's digest of their team's late and soon-due work.
    When the hourly sweep holds the lock, retry shortly rather than wait an hour."""
    return services.reminders_send_weekly_digest().as_dict()
