"""Outbox delivery: thin. Every write of outbox rows kicks `notifications.deliver_outbox`
after its commit; the hourly reminder sweep delivers whatever a lost kick left.

A database error (a restart, a dropped connection) retries the task: the delivery lock
is a session lock the server drops with the connection, so a retry (or another worker)
starts by recovering what the interrupted run left (notifications/delivery.py)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from notifications import services

# What a task that touches the outbox retries on: the database went away, or it came
# back after the mark of a sent message had to wait for it.
DATABASE_ERRORS = (OperationalError, InterfaceError, services.DeliveryInterrupted)


@shared_task(
    name="notifications.deliver_outbox",
    autoretry_for=DATABASE_ERRORS,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=False,
    max_retries=10,
)
def deliver_outbox() -> dict:
    """Deliver every pending outbox row now."""
    return services.outbox_deliver_pending().as_dict()
