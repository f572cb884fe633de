"""Reaching people: invitations in batches, sharing with a team, the day-before
reminder and feedback requests (to attendees and presenting organisations)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import messages
from events.models import (
    Invitation,
    Registration,
    Session,
)
from events.services.common import EventError
from intents.services import intent_record
from people.models import Employee


def invitation_batch_size() -> int:
    return getattr(settings, "EVENTS_INVITATION_BATCH_SIZE", 500)


def invitations_start(*, session: Session) -> None:
    """Invite the session's target group: one task, after commit, that splits the
    group into batches."""
    if session.is_cancelled:
        raise EventError(_("Peruttuun tilaisuuteen ei voi kutsua."))
    intent_record("events.invite_target_group", session.pk)


def invitation_batches(*, session_id: int) -> list[list[int]]:
    """The target group, less those already invited, in batches of
    `invitation_batch_size()` employee ids (EVENTS_INVITATION_BATCH_SIZE, 500)."""
    from events.selectors import target_group

    session = Session.objects.get(pk=session_id)
    ids = list(
        target_group(session=session)
        .exclude(pk__in=Invitation.objects.filter(session=session).values("employee_id"))
        .values_list("pk", flat=True)
    )
    Session.objects.filter(pk=session_id).update(invited_at=timezone.now())
    size = invitation_batch_size()
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def invitations_send(
    *,
    session_id: int,
    employee_ids: list[int],
    kind: str = messages.INVITATION,
    shared_by_id: int | None = None,
) -> int:
    """Invite one batch: an Invitation row per person (once ever), then the notice and
    email to those newly invited. Safe to run twice."""
    session = Session.objects.get(pk=session_id)
    with transaction.atomic():
        already = set(
            Invitation.objects.filter(session=session, employee_id__in=employee_ids).values_list(
                "employee_id", flat=True
            )
        )
        new_ids = [pk for pk in employee_ids if pk not in already]
        Invitation.objects.bulk_create(
            [
                Invitation(session=session, employee_id=pk, shared_by_id=shared_by_id)
                for pk in new_ids
            ],
            ignore_conflicts=True,
        )
    people = Employee.objects.filter(pk__in=new_ids, active=True).select_related("user")
    return messages.tell(people, kind, session, message_key=f"{kind}-{session.pk}")


def share_with_team(*, session: Session, supervisor: Employee) -> int:
    """A supervisor passes the session on to their reports (those not yet invited)."""
    from people.selectors import employee_reports

    if session.is_cancelled or session.starts_at <= timezone.now():
        raise EventError(_("Tilaisuus on peruttu tai jo pidetty, eikä sitä voi jakaa."))
    size = invitation_batch_size()
    ids = list(
        employee_reports(supervisor=supervisor)
        .exclude(pk__in=Invitation.objects.filter(session=session).values("employee_id"))
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), size):
        batch = ids[start : start + size]
        intent_record("events.send_invitations", session.pk, batch, messages.SHARED, supervisor.pk)
    return len(ids)


# Scheduled work -----------------------------------------------------------


def sessions_to_remind(*, now=None):
    """Sessions starting tomorrow (local date) that have not had their reminder."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    return Session.objects.filter(
        starts_at__date=tomorrow, cancelled_at__isnull=True, reminded_at__isnull=True
    )


def reminders_send(*, now=None) -> int:
    """The day-before reminder to everyone registered. Each session is claimed under a
    row lock (SKIP LOCKED), so two runs never remind twice."""
    told = 0
    for session_id in sessions_to_remind(now=now).values_list("pk", flat=True):
        with transaction.atomic():
            session = (
                Session.objects.select_for_update(skip_locked=True)
                .filter(pk=session_id, reminded_at__isnull=True)
                .first()
            )
            if session is None:
                continue
            session.reminded_at = timezone.now()
            session.save(update_fields=["reminded_at"])
            people = list(
                Employee.objects.filter(
                    session_registrations__session=session,
                    session_registrations__status=Registration.Status.REGISTERED,
                    active=True,
                ).select_related("user")
            )
        told += messages.tell(
            people, messages.REMINDER, session, message_key=f"reminder-{session.pk}"
        )
    return told


def feedback_requests_send(*, now=None) -> int:
    """After a session has ended: ask attendees (and those registered, if nobody has
    marked attendance yet) for feedback, once per session."""
    now = now or timezone.now()
    told = 0
    candidates = Session.objects.filter(
        starts_at__lt=now,
        starts_at__gte=now - datetime.timedelta(days=14),
        cancelled_at__isnull=True,
        feedback_requested_at__isnull=True,
    )
    for session in candidates:
        if session.ends_at > now:
            continue
        with transaction.atomic():
            locked = (
                Session.objects.select_for_update(skip_locked=True)
                .filter(pk=session.pk, feedback_requested_at__isnull=True)
                .first()
            )
            if locked is None:
                continue
            locked.feedback_requested_at = now
            locked.save(update_fields=["feedback_requested_at"])
            people = list(
                Employee.objects.filter(
                    session_registrations__session=locked,
                    session_registrations__attended_at__isnull=False,
                    active=True,
                ).select_related("user")
            )
        told += messages.tell(
            people, messages.FEEDBACK_REQUEST, locked, message_key=f"feedback-{locked.pk}"
        )
        # Presenting organisations get their own one-question form.
        messages.tell_presenters(
            locked.slots.select_related("organisation", "session"), after_session=True
        )
    return told


def presenter_links_send(*, session_id: int) -> int:
    """Email each presenting organisation's contact person their signed link to
    confirm the slot. Returns the number of emails sent."""
    session = Session.objects.get(pk=session_id)
    if session.is_cancelled or session.starts_at <= timezone.now():
        raise EventError(_("Tilaisuus on peruttu tai jo pidetty."))
    return messages.tell_presenters(
        session.slots.select_related("organisation", "session"), after_session=False
    )
