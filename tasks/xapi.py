"""xAPI statements to the LRS: thin. Every write of statements kicks `xapi.deliver`
after its commit; beat runs it every minute for whatever waits (a lost kick, an LRS
that was away and whose statements' next try has come).

A database error retries the task: the delivery lock is a session lock the server
drops with the connection, so a retry (or another worker) starts by recovering what
the interrupted run left (xapi/delivery.py)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from xapi import services


@shared_task(
    name="xapi.deliver",
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=False,
    max_retries=10,
)
def deliver() -> dict:
    """Send the pending statements whose time has come."""
    return services.xapi_deliver_pending().as_dict()
