"""Reaching people: invitations in batches, sharing with a team, the day-before
reminder and feedback requests (to attendees and presenting organisations).

Every message is an outbox row written in the same transaction as the change that
causes it (the Invitation rows, `reminded_at`, `feedback_requested_at`), so a mail
outage or a crash can neither lose nor double it: notifications delivers the rows
after the commit, each once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Case, CharField, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from events import messages
from events.links import presenter_link_renew
from events.models import (
    Invitation,
    PresenterSlot,
    Registration,
    Session,
)
from events.services.common import EventError, _tell
from intents.services import intent_record
from notifications.models import ReminderOutbox, SubjectKind
from notifications.services import outbox_insert_rows, outbox_kick
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
    """Invite one batch: an Invitation row per person (once ever) and, in the same
    transaction, one outbox row per new invitation (one INSERT … SELECT … ON CONFLICT
    DO NOTHING), delivered after the commit. Safe to run twice, also at the same time:
    the second run finds the invitations and their rows there. `kind` is kept for
    tasks queued before; whether it says "invited" or "shared by your supervisor"
    follows the Invitation's `shared_by`. Returns the number of messages queued."""
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
        return _tell(
            Invitation.objects.filter(session=session, employee_id__in=new_ids),
            subject_kind=SubjectKind.SESSION_INVITATION,
            stage=Case(
                When(shared_by__isnull=True, then=Value(messages.INVITATION)),
                default=Value(messages.SHARED),
                output_field=CharField(),
            ),
        )


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


def sessions_to_remind(*, now: datetime.datetime | None = None) -> QuerySet[Session]:
    """Sessions starting tomorrow (local date) that have not had their reminder."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    sessions: QuerySet[Session] = Session.objects.filter(
        starts_at__date=tomorrow, cancelled_at__isnull=True, reminded_at__isnull=True
    )
    return sessions


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """The day-before reminder to everyone registered: `reminded_at` and the outbox
    rows in one transaction, each session claimed under a row lock (SKIP LOCKED), so
    two runs never remind twice and a mail outage loses nothing."""
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
            told += _tell(
                session.registrations.filter(status=Registration.Status.REGISTERED),
                subject_kind=SubjectKind.SESSION_REMINDER,
                subject_id=session.pk,
                stage="reminder",
            )
    return told


def _presenter_rows(slots: Iterable[PresenterSlot], *, subject_kind: str, stage: str) -> int:
    """One outbox row per slot whose organisation has a contact email."""
    now = timezone.now()
    rows = [
        ReminderOutbox(
            recipient=None,
            address=slot.organisation.contact_email,
            subject_kind=subject_kind,
            subject_id=slot.pk,
            stage=stage,
            created_at=now,
        )
        for slot in slots
        if slot.organisation.contact_email
    ]
    if rows:
        outbox_insert_rows(rows)
        outbox_kick()
    return len(rows)


def feedback_requests_for(
    *,
    session: Session,
    registration_ids: list[int] | None = None,
    now: datetime.datetime | None = None,
) -> int:
    """Ask the session's attendees (or those of `registration_ids` who attended) for
    feedback, once the session has ended: one outbox row per person, keyed by session
    and person, so each is asked once however often this runs. Called by the hourly run
    and whenever attendance is marked after the end, so nobody marked late is missed.
    Call inside the transaction that marks the attendance."""
    now = now or timezone.now()
    if session.is_cancelled or session.ends_at > now:
        return 0  # the hourly run after the end asks them
    attendees = session.registrations.filter(attended_at__isnull=False)
    if registration_ids is not None:
        attendees = attendees.filter(pk__in=registration_ids)
    return _tell(
        attendees,
        subject_kind=SubjectKind.SESSION_FEEDBACK,
        subject_id=session.pk,
        stage="feedback",
    )


def feedback_requests_send(*, now: datetime.datetime | None = None) -> int:
    """After a session has ended: ask attendees for feedback and thank the presenting
    organisations, once per session (`feedback_requested_at` and the outbox rows in
    one transaction). Attendance marked after this run is asked for by
    `feedback_requests_for` when it is marked."""
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
            told += feedback_requests_for(session=locked, now=now)
            # Presenting organisations get their own one-question form.
            _presenter_rows(
                locked.slots.select_related("organisation"),
                subject_kind=SubjectKind.PRESENTER_THANKS,
                stage="thanks",
            )
    return told


def presenter_links_send(*, session_id: int) -> int:
    """Email each presenting organisation's contact person their signed link to
    confirm the slot: once a day per slot, address and session time (a second click
    the same day queues nothing new and keeps the link sent). A link that is sent
    voids the one sent before it (`events.links`). Returns the number of contact
    people."""
    session = Session.objects.get(pk=session_id)
    if session.is_cancelled or session.starts_at <= timezone.now():
        raise EventError(_("Tilaisuus on peruttu tai jo pidetty."))
    stage = f"{messages.changed_stage(session)}-{timezone.localdate().isoformat()}"
    with transaction.atomic():
        # The slots' row locks make two sends at once take turns: the second sees the
        # first one's rows and neither sends nor voids anything.
        slots = list(
            session.slots.select_related("organisation")
            .select_for_update(of=("self",))
            .exclude(organisation__contact_email="")
        )
        queued = set(
            ReminderOutbox.objects.filter(
                subject_kind=SubjectKind.PRESENTER_CONFIRM,
                subject_id__in=[slot.pk for slot in slots],
                stage=stage,
            ).values_list("subject_id", flat=True)
        )
        fresh = [slot for slot in slots if slot.pk not in queued]
        for slot in fresh:
            presenter_link_renew(slot)
        _presenter_rows(fresh, subject_kind=SubjectKind.PRESENTER_CONFIRM, stage=stage)
        return len(slots)
