"""What the session services share: the error a person sees, the session row lock,
and telling people after commit."""

from __future__ import annotations

from events import messages
from events.models import (
    Registration,
    Session,
)
from intents.services import intent_record
from people.models import Employee


class EventError(Exception):
    """Something the person can put right; the message is for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _locked(session_id: int) -> Session:
    return Session.objects.select_for_update().get(pk=session_id)


def _registered_count(session: Session) -> int:
    return session.registrations.filter(status=Registration.Status.REGISTERED).count()


def _tell_after_commit(employee_ids: list[int], kind: str, session: Session, *, message_key):
    """Notices and emails go from a worker once the change is committed, so a request
    never waits for the mail server."""
    if employee_ids:
        intent_record("events.tell_people", list(employee_ids), kind, session.pk, message_key)


def people_tell(*, employee_ids: list[int], kind: str, session_id: int, message_key: str) -> int:
    session = Session.objects.get(pk=session_id)
    people = Employee.objects.filter(pk__in=employee_ids, active=True).select_related("user")
    return messages.tell(people, kind, session, message_key=message_key)
