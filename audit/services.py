"""Writes to the audit log. Every app records what it must through `record()`; the
log's own receivers (sign-ins, role changes, passwords) live in `audit.receivers`.

Nothing here imports another app: the audit log stands below every app that uses it.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction

from audit.context import current_actor
from audit.models import AuditAction, AuditEntry

DEFAULT_RETENTION_YEARS = 5


def _actor_name(actor: User | None) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return ""
    name = actor.get_full_name() or actor.get_username()
    return f"{name} ({actor.get_username()})"[:200]


def record(
    *,
    action: str,
    actor: User | None = None,
    target: str = "",
    target_employee: Any = None,  # an Employee; the audit log stands below the people app
    **detail: Any,
) -> AuditEntry:
    """Append one entry. `actor` is the user who acted (None: the one signed in for the
    current request, if any, else the system); `detail` must be JSON-serialisable."""
    if actor is None:
        actor = current_actor()
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=_actor_name(actor),
        action=action,
        target=str(target)[:300],
        target_employee=target_employee,
        detail=detail,
    )


def record_person_viewed(*, actor: User, employee: Any) -> AuditEntry:
    """Someone opened another person's record (their supervisor, or HR)."""
    return record(
        actor=actor, action=AuditAction.VIEW_PERSON, target=str(employee), target_employee=employee
    )


def retention_years() -> int:
    return int(getattr(settings, "AUDIT_RETENTION_YEARS", DEFAULT_RETENTION_YEARS))


def purge_expired(*, years: int | None = None) -> int:
    """Remove entries older than the retention period, the one removal the database
    allows. Returns how many went."""
    years = retention_years() if years is None else years
    if years < 1:
        raise ValueError("The audit log is kept at least a year")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT audit_purge_expired(%s)", [years])
        return int(cursor.fetchone()[0])
