"""Writes about sessions: seats and the waiting list, attendance, feedback, time and
capacity changes, presenter slots, invitations and copying a series.

Every change to a session's seats runs under a row lock on the session
(`select_for_update`), so two people taking the last seat at once are served one after
the other: one gets the seat, the other the waiting list. Problems a person can fix
raise `EventError` with a Finnish message (translated when shown), and change nothing.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import messages
from events.models import (
    Feedback,
    Invitation,
    PresenterFeedback,
    PresenterSlot,
    Registration,
    Session,
    SessionSeries,
)
from people.models import Employee

INVITATION_BATCH_SIZE = 500


class EventError(Exception):
    """Something the person can put right; the message is for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _locked(session_id: int) -> Session:
    return Session.objects.select_for_update().get(pk=session_id)


def _registered_count(session: Session) -> int:
    return session.registrations.filter(status=Registration.Status.REGISTERED).count()


# Seats --------------------------------------------------------------------


@transaction.atomic
def registration_create(*, session_id: int, employee: Employee, now=None) -> Registration:
    """A seat if one is free, else a place at the end of the waiting list. Registering
    again while registered or waiting changes nothing."""
    now = now or timezone.now()
    session = _locked(session_id)
    if session.is_cancelled:
        raise EventError(_("Tilaisuus on peruttu, eikä siihen voi ilmoittautua."))
    if session.starts_at <= now:
        raise EventError(_("Tilaisuus on jo alkanut tai pidetty, eikä siihen voi ilmoittautua."))
    registration = Registration.objects.filter(session=session, employee=employee).first()
    if registration and registration.status != Registration.Status.CANCELLED:
        return registration
    status = (
        Registration.Status.REGISTERED
        if _registered_count(session) < session.capacity
        else Registration.Status.WAITING
    )
    if registration is None:
        registration = Registration(session=session, employee=employee)
    registration.status = status
    registration.queued_at = now
    registration.cancelled_at = None
    registration.save()
    return registration


@transaction.atomic
def registration_cancel(*, session_id: int, employee: Employee, now=None) -> Registration | None:
    """Give up a seat or a place in the queue. A freed seat goes to the first person
    waiting, who is told. Returns the promoted registration, if any."""
    now = now or timezone.now()
    session = _locked(session_id)
    registration = Registration.objects.filter(session=session, employee=employee).first()
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return None
    if session.starts_at <= now:
        raise EventError(_("Tilaisuus on jo alkanut, eikä ilmoittautumista voi enää perua."))
    freed = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    if not freed:
        return None
    promoted = _promote_waiting(session)
    return promoted[0] if promoted else None


def _promote_waiting(session: Session) -> list[Registration]:
    """Fill free seats from the waiting list, first come first served. Call under the
    session lock."""
    free = session.capacity - _registered_count(session)
    if free <= 0:
        return []
    promoted = list(
        session.registrations.filter(status=Registration.Status.WAITING)
        .select_related("employee__user")
        .order_by("queued_at", "pk")[:free]
    )
    for registration in promoted:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
    if promoted:
        _tell_after_commit(
            [registration.employee_id for registration in promoted],
            messages.PROMOTED,
            session,
            message_key=f"promoted-{session.pk}-{promoted[0].pk}",
        )
    return promoted


def _tell_after_commit(employee_ids: list[int], kind: str, session: Session, *, message_key):
    """Notices and emails go from a worker once the change is committed, so a request
    never waits for the mail server."""
    from tasks.events import tell_people

    if employee_ids:
        transaction.on_commit(
            lambda: tell_people.delay(employee_ids, kind, session.pk, message_key)
        )


def people_tell(*, employee_ids: list[int], kind: str, session_id: int, message_key: str) -> int:
    session = Session.objects.get(pk=session_id)
    people = Employee.objects.filter(pk__in=employee_ids, active=True).select_related("user")
    return messages.tell(people, kind, session, message_key=message_key)


# Coordinator changes ------------------------------------------------------


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
    candidates = (
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


def overlap_message(organisation, other: Session) -> str:
    return _(
        "%(organisation)s esittää samaan aikaan toisessa tilaisuudessa: %(title)s "
        "(%(when)s). Valitse toinen aika tai toimija."
    ) % {"organisation": organisation, "title": other.title, "when": messages.when(other)}


@transaction.atomic
def slot_add(*, session_id: int, organisation, minutes: int = 15, topic: str = "") -> PresenterSlot:
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
    return PresenterSlot.objects.create(
        session=session, organisation=organisation, minutes=minutes, topic=topic, sort_order=order
    )


def session_time_changed(*, session: Session, kind: str = messages.TIME_CHANGED) -> None:
    """After a session's start or length has changed (or it was cancelled): a new
    calendar SEQUENCE, and everyone registered or waiting is told (after commit)."""
    Session.objects.filter(pk=session.pk).update(sequence=session.sequence + 1)
    session.sequence += 1
    people = list(
        session.registrations.filter(
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING]
        ).values_list("employee_id", flat=True)
    )
    _tell_after_commit(people, kind, session, message_key=f"{kind}-{session.pk}-{session.sequence}")


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
def session_cancel(*, session_id: int, now=None) -> Session:
    session = _locked(session_id)
    if session.is_cancelled:
        return session
    session.cancelled_at = now or timezone.now()
    session.save(update_fields=["cancelled_at"])
    # Calendars that imported the event remove it on the next import (STATUS:CANCELLED).
    session_time_changed(session=session, kind=messages.CANCELLED)
    return session


# Attendance ---------------------------------------------------------------


def _attendance_recorded(registration: Registration) -> None:
    """What attending completes elsewhere: checklist items pointing at the series, and
    courses completed by attending it. A course is completed through the courses app's
    own service: its lessons are marked done, which records the completion when the
    course's rules are met (a required quiz still has to be passed)."""
    from courses.models import CoursePage, LessonPage
    from courses.services import lesson_complete
    from onboarding.services import checklist_tick_session_series

    series_id = registration.session.series_id
    checklist_tick_session_series(employee_id=registration.employee_id, series_id=series_id)
    courses = {
        course.canonical.pk: course.canonical
        for course in CoursePage.objects.live().filter(session_series_id=series_id)
    }
    for course in courses.values():
        for lesson in LessonPage.objects.live().child_of(course).specific():
            lesson_complete(employee=registration.employee, lesson=lesson)


@transaction.atomic
def attendance_mark(*, session: Session, attended_ids: set[int], by_user, now=None) -> int:
    """The coordinator's checklist: the ticked registrations attended, the others did
    not. Returns how many attended."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.select_for_update()
        .filter(session=session)
        .filter(Q(status=Registration.Status.REGISTERED) | Q(attended_at__isnull=False))
        .select_related("session")
    )
    for registration in registrations:
        attended = registration.pk in attended_ids
        if attended and registration.attended_at is None:
            registration.attended_at = now
            registration.attendance_marked_by = by_user
            registration.save(update_fields=["attended_at", "attendance_marked_by"])
            _attendance_recorded(registration)
        elif not attended and registration.attended_at is not None:
            registration.attended_at = None
            registration.attendance_marked_by = by_user
            registration.save(update_fields=["attended_at", "attendance_marked_by"])
    return sum(1 for registration in registrations if registration.attended_at)


@transaction.atomic
def attendance_check_in(*, session_id: int, employee: Employee, code: str, now=None):
    """Self check-in with the code shown in the session, on the day of the session.
    Someone who came without registering is recorded too (the room had space)."""
    now = now or timezone.now()
    session = _locked(session_id)
    if code.strip().upper() != session.checkin_code:
        raise EventError(_("Koodi ei täsmää. Tarkista koodi tilaisuuden diasta tai kouluttajalta."))
    opens = session.starts_at - datetime.timedelta(minutes=30)
    closes = session.ends_at + datetime.timedelta(hours=12)
    if not opens <= now <= closes:
        raise EventError(_("Osallistumisen voi kirjata vain tilaisuuden aikana."))
    registration, _created = Registration.objects.get_or_create(
        session=session,
        employee=employee,
        defaults={"status": Registration.Status.REGISTERED, "queued_at": now},
    )
    if registration.attended_at is None:
        registration.attended_at = now
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["attended_at", "status"])
        _attendance_recorded(registration)
    return registration


# Feedback -----------------------------------------------------------------


@transaction.atomic
def feedback_submit(
    *,
    registration: Registration,
    useful: bool,
    rating: int,
    will_do_differently: str = "",
    free_text: str = "",
    now=None,
) -> tuple[Feedback, bool]:
    """One answer per attendee: a second submission updates the first. Returns
    (feedback, created)."""
    if registration.attended_at is None:
        raise EventError(_("Palautetta voi antaa, kun osallistumisesi on kirjattu."))
    Registration.objects.select_for_update().filter(pk=registration.pk).first()
    feedback, created = Feedback.objects.update_or_create(
        registration=registration,
        defaults={
            "useful": useful,
            "rating": rating,
            "will_do_differently": will_do_differently.strip(),
            "free_text": free_text.strip(),
        },
        create_defaults={
            "useful": useful,
            "rating": rating,
            "will_do_differently": will_do_differently.strip(),
            "free_text": free_text.strip(),
            "submitted_at": now or timezone.now(),
        },
    )
    return feedback, created


@transaction.atomic
def presenter_feedback_submit(
    *, slot: PresenterSlot, useful: bool, free_text: str = "", now=None
) -> tuple[PresenterFeedback, bool]:
    PresenterSlot.objects.select_for_update().filter(pk=slot.pk).first()
    return PresenterFeedback.objects.update_or_create(
        slot=slot,
        defaults={"useful": useful, "free_text": free_text.strip()},
        create_defaults={
            "useful": useful,
            "free_text": free_text.strip(),
            "submitted_at": now or timezone.now(),
        },
    )


@transaction.atomic
def slot_confirm(
    *, slot_id: int, minutes: int, topic: str, presenter_names: str, now=None
) -> PresenterSlot:
    """The organisation's contact person confirms (and may edit) their slot."""
    slot = PresenterSlot.objects.select_for_update().get(pk=slot_id)
    slot.minutes, slot.topic, slot.presenter_names = minutes, topic.strip(), presenter_names.strip()
    slot.confirmed_at = now or timezone.now()
    slot.save(update_fields=["minutes", "topic", "presenter_names", "confirmed_at"])
    return slot


# Invitations --------------------------------------------------------------


def invitations_start(*, session: Session) -> None:
    """Invite the session's target group: one task, after commit, that splits the
    group into batches."""
    if session.is_cancelled:
        raise EventError(_("Peruttuun tilaisuuteen ei voi kutsua."))
    from tasks.events import invite_target_group

    transaction.on_commit(lambda: invite_target_group.delay(session.pk))


def invitation_batches(*, session_id: int) -> list[list[int]]:
    """The target group, less those already invited, in batches of
    INVITATION_BATCH_SIZE employee ids."""
    from events.selectors import target_group

    session = Session.objects.get(pk=session_id)
    ids = list(
        target_group(session=session)
        .exclude(pk__in=Invitation.objects.filter(session=session).values("employee_id"))
        .values_list("pk", flat=True)
    )
    Session.objects.filter(pk=session_id).update(invited_at=timezone.now())
    return [
        ids[start : start + INVITATION_BATCH_SIZE]
        for start in range(0, len(ids), INVITATION_BATCH_SIZE)
    ]


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
    from tasks.events import send_invitations

    if session.is_cancelled or session.starts_at <= timezone.now():
        raise EventError(_("Tilaisuus on peruttu tai jo pidetty, eikä sitä voi jakaa."))
    ids = list(
        employee_reports(supervisor=supervisor)
        .exclude(pk__in=Invitation.objects.filter(session=session).values("employee_id"))
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), INVITATION_BATCH_SIZE):
        batch = ids[start : start + INVITATION_BATCH_SIZE]
        transaction.on_commit(
            lambda batch=batch: send_invitations.delay(
                session.pk, batch, messages.SHARED, supervisor.pk
            )
        )
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


# Series -------------------------------------------------------------------


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
        title=series.title, description=series.description, half_year_start=next_start
    )
    for session in series.sessions.prefetch_related(
        "target_networks", "target_units", "target_job_roles", "slots"
    ):
        new = Session.objects.create(
            series=copy,
            title=session.title,
            description=session.description,
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
def network_set_members(*, network, employee_ids: set[int]) -> None:
    network.members.set(Employee.objects.filter(pk__in=employee_ids))


@transaction.atomic
def network_add_member(*, network, employee: Employee) -> None:
    network.members.add(employee)


@transaction.atomic
def network_remove_member(*, network, employee_id: int) -> None:
    network.members.remove(employee_id)
