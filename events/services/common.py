"""What the session services share: the error a person sees, the session row lock,
and telling people (outbox rows written with the change, sent after its commit)."""

from __future__ import annotations

from typing import Any

from django.db.models import BigIntegerField, CharField, DateField, F, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast
from django.utils import timezone

from events.models import (
    Registration,
    Session,
)
from notifications.services import outbox_insert_select, outbox_kick


class EventError(Exception):
    """Something the person can put right; the message is for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _locked(session_id: int) -> Session:
    session: Session = Session.objects.select_for_update().get(pk=session_id)
    return session


def _registered_count(session: Session) -> int:
    count: int = session.registrations.filter(status=Registration.Status.REGISTERED).count()
    return count


def _tell(
    rows: QuerySet[Any],
    *,
    subject_kind: str,
    employee_field: str = "employee_id",
    subject_id: int | None = None,
    stage: str | Combinable,
) -> int:
    """One outbox row of `subject_kind` per row of `rows` (registrations, invitations)
    to the employee in `employee_field`, keyed by `subject_id` (a value, or the row's
    own id when None) and `stage` (a value or an expression). Written in the caller's
    transaction with one INSERT … SELECT; a row that exists is skipped, so a message is
    queued once however often this runs. Delivered after the commit."""
    subject = F("pk") if subject_id is None else Value(subject_id, output_field=BigIntegerField())
    if isinstance(stage, str):
        stage = Value(stage, output_field=CharField())
    values = rows.filter(**{employee_field.replace("_id", "__active"): True}).values(
        o_recipient_id=F(employee_field),
        o_about_id=F(employee_field),
        o_subject_id=subject,
        o_stage=stage,
        o_due_date=Cast(Value(None), DateField()),
    )
    count = outbox_insert_select(values, subject_kind=subject_kind, now=timezone.now())
    if count:
        outbox_kick()
    return count
