"""The coordinator's changes: capacity, presenter slots and their times, a session's
time or cancellation, copying a series, network members."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import messages
from events.models import (
    Network,
    PresenterSlot,
    Registration,
    Session,
    SessionSeries,
)
from events.services.common import EventError, _locked, _registered_count, _tell
from events.services.seats import _promote_waiting
from languages.fields import translations_of
from notifications.models import SubjectKind
from organisations.models import Organisation
from people.models import Employee


def capacity_problem(*, session: Session, capacity: int) -> str | None:
    """Why `capacity` cannot be set, or None. Seats already taken are never taken back."""
    if session.pk is None:
        return None
    taken = _registered_count(session)
    if capacity < taken:
        return ngettext(
            "Paikkamäärää ei voi laskea alle ilmoittautuneiden määrän: %(count)s "
            "henkilö on jo ilmoittautunut.",
            "Paikkamäärää ei voi laskea alle ilmoittautuneiden määrän: %(count)s "
            "henkilöä on jo ilmoittautunut.",
            taken,
        ) % {"count": taken}
    return None


@transaction.atomic
def session_set_capacity(*, session_id: int, capacity: int) -> Session:
    """Change the number of seats; more seats move people up from the waiting list."""
    session = _locked(session_id)
    problem = capacity_problem(session=session, capacity=capacity)
    if problem:
        raise EventError(problem)
    session.capacity = capacity
    session.save(update_fields=["capacity"])
    _promote_waiting(session)
    return session


def presenter_overlap(
    *,
    organisation_id: int,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    exclude_session_id: int | None,
) -> Session | None:
    """Another live session of the same organisation whose time overlaps, if any."""
    candidates: QuerySet[Session] = (
        Session.objects.filter(slots__organisation_id=organisation_id, cancelled_at__isnull=True)
        .filter(starts_at__lt=ends_at)
        .exclude(pk=exclude_session_id)
        .distinct()
        .order_by("starts_at")
    )
    for session in candidates:
        if session.ends_at > starts_at:
            return session
    return None


def overlap_message(organisation: Organisation, other: Session) -> str:
    return _(
        "%(organisation)s esittää samaan aikaan toisessa tilaisuudessa: %(title)s "
        "(%(when)s). Valitse toinen aika tai toimija."
    ) % {"organisation": organisation, "title": other.title, "when": messages.when(other)}


@transaction.atomic
def slot_add(
    *, session_id: int, organisation: Organisation, minutes: int = 15, topic: str = ""
) -> PresenterSlot:
    session = _locked(session_id)
    other = presenter_overlap(
        organisation_id=organisation.pk,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        exclude_session_id=session.pk,
    )
    if other is not None:
        raise EventError(overlap_message(organisation, other))
    order = session.slots.count()
    slot: PresenterSlot = PresenterSlot.objects.create(
        session=session, organisation=organisation, minutes=minutes, topic=topic, sort_order=order
    )
    return slot


def session_time_changed(*, session: Session, kind: str = messages.TIME_CHANGED) -> None:
    """After a session's start or length has changed (or it was cancelled): a new
    calendar SEQUENCE, and everyone registered or waiting is told (outbox rows in this
    transaction: one per person for each new time, one for the cancellation)."""
    Session.objects.filter(pk=session.pk).update(sequence=session.sequence + 1)
    session.sequence += 1
    people = session.registrations.filter(
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING]
    )
    if kind == messages.CANCELLED:
        subject_kind, stage = SubjectKind.SESSION_CANCELLED, "cancelled"
    else:
        subject_kind, stage = SubjectKind.SESSION_CHANGED, messages.changed_stage(session)
    _tell(people, subject_kind=subject_kind, subject_id=session.pk, stage=stage)


@transaction.atomic
def session_reschedule(
    *, session_id: int, starts_at: datetime.datetime, duration_minutes: int | None = None
) -> Session:
    session = _locked(session_id)
    duration = duration_minutes or session.duration_minutes
    if starts_at == session.starts_at and duration == session.duration_minutes:
        return session
    ends_at = starts_at + datetime.timedelta(minutes=duration)
    for slot in session.slots.select_related("organisation"):
        other = presenter_overlap(
            organisation_id=slot.organisation_id,
            starts_at=starts_at,
            ends_at=ends_at,
            exclude_session_id=session.pk,
        )
        if other is not None:
            raise EventError(overlap_message(slot.organisation, other))
    session.starts_at, session.duration_minutes = starts_at, duration
    session.save(update_fields=["starts_at", "duration_minutes"])
    session_time_changed(session=session)
    return session


@transaction.atomic
def session_cancel(*, session_id: int, now: datetime.datetime | None = None) -> Session:
    session = _locked(session_id)
    if session.is_cancelled:
        return session
    session.cancelled_at = now or timezone.now()
    session.save(update_fields=["cancelled_at"])
    # Calendars that imported the event remove it on the next import (STATUS:CANCELLED).
    session_time_changed(session=session, kind=messages.CANCELLED)
    return session


def _plus_six_months(value: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(value)
    month = local.month + 6
    year = local.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    day = min(local.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    moved = local.replace(tzinfo=None).replace(year=year, month=month, day=day)
    return timezone.make_aware(moved)


@transaction.atomic
def series_copy_to_next_half_year(*, series_id: int) -> SessionSeries:
    """A new series six months on: the same sessions, targets and presenter slots
    (unconfirmed again), with no registrations, invitations or feedback."""
    series = SessionSeries.objects.get(pk=series_id)
    start = series.half_year_start
    next_start = (
        datetime.date(start.year, 7, 1) if start.month < 7 else datetime.date(start.year + 1, 1, 1)
    )
    copy = SessionSeries.objects.create(
        **translations_of(series, "title"),
        **translations_of(series, "description"),
        half_year_start=next_start,
    )
    for session in series.sessions.prefetch_related(
        "target_networks", "target_units", "target_job_roles", "slots"
    ):
        new = Session.objects.create(
            series=copy,
            **translations_of(session, "title"),
            **translations_of(session, "description"),
            format=session.format,
            address=session.address,
            meeting_link=session.meeting_link,
            starts_at=_plus_six_months(session.starts_at),
            duration_minutes=session.duration_minutes,
            capacity=session.capacity,
        )
        new.target_networks.set(session.target_networks.all())
        new.target_units.set(session.target_units.all())
        new.target_job_roles.set(session.target_job_roles.all())
        new.save()  # parental many-to-many relations are written on save
        PresenterSlot.objects.bulk_create(
            [
                PresenterSlot(
                    session=new,
                    organisation_id=slot.organisation_id,
                    minutes=slot.minutes,
                    topic=slot.topic,
                    sort_order=slot.sort_order,
                )
                for slot in session.slots.all()
            ]
        )
    return copy


# Networks -----------------------------------------------------------------


@transaction.atomic
def network_set_members(*, network: Network, employee_ids: set[int]) -> None:
    network.members.set(Employee.objects.filter(pk__in=employee_ids))


@transaction.atomic
def network_add_member(*, network: Network, employee: Employee) -> None:
    network.members.add(employee)


@transaction.atomic
def network_remove_member(*, network: Network, employee_id: int) -> None:
    network.members.remove(employee_id)
