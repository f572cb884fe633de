"""Seats and the waiting list, attendance and feedback.

Every change to a session's seats runs under a row lock on the session
(`select_for_update`), so two people taking the last seat at once are served one after
the other: one gets the seat, the other the waiting list."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    Feedback,
    PresenterFeedback,
    PresenterSlot,
    Registration,
    Session,
)
from events.services.common import EventError, _locked, _registered_count, _tell
from events.services.outreach import feedback_requests_for
from languages.fields import in_language
from notifications.models import SubjectKind
from people.models import Employee
from xapi.services import Activity, Result, xapi_enabled, xapi_record

if TYPE_CHECKING:
    from courses.models import LessonPage


@transaction.atomic
def registration_create(
    *, session_id: int, employee: Employee, now: datetime.datetime | None = None
) -> Registration:
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
def registration_cancel(
    *, session_id: int, employee: Employee, now: datetime.datetime | None = None
) -> Registration | None:
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
        # One message per promotion: a person promoted again later is told again.
        _tell(
            Registration.objects.filter(pk__in=[registration.pk for registration in promoted]),
            subject_kind=SubjectKind.SESSION_PROMOTED,
            stage=f"at-{timezone.now():%Y%m%d%H%M%S%f}",
        )
    return promoted


# Attendance ---------------------------------------------------------------


def _lessons_completed_by_attending(series_id: int) -> list[LessonPage]:
    """The lessons of the live courses that attending a session of this series completes
    (each course once, by its canonical page)."""
    from courses.models import CoursePage, LessonPage

    courses = {
        course.canonical.pk: course.canonical
        for course in CoursePage.objects.live().filter(session_series_id=series_id)
    }
    return [
        lesson
        for course in courses.values()
        for lesson in LessonPage.objects.live().child_of(course).specific()
    ]


def _attendance_recorded(
    registration: Registration, lessons: list[LessonPage] | None = None
) -> None:
    """What attending completes elsewhere: checklist items pointing at the series, and
    courses completed by attending it. A course is completed through the courses app's
    own service: its lessons are marked done, which records the completion when the
    course's rules are met (a required quiz still has to be passed). `lessons` may be
    given when many attendees of one session are recorded at once."""
    from courses.services import lesson_complete
    from onboarding.services import checklist_tick_session_series

    series_id = registration.session.series_id
    _xapi_attended(registration)
    checklist_tick_session_series(employee_id=registration.employee_id, series_id=series_id)
    if lessons is None:
        lessons = _lessons_completed_by_attending(series_id)
    for lesson in lessons:
        lesson_complete(employee=registration.employee, lesson=lesson)


XAPI_LANGUAGES = ("fi", "sv", "en")


def _xapi_attended(registration: Registration) -> None:
    """The statement "attended <session>", recorded with the attendance. One statement
    per registration: marked again after an undo, it is not recorded twice. Two queries
    while xAPI is on, none while it is off."""
    if not xapi_enabled():
        return
    session, employee = registration.session, registration.employee
    xapi_record(
        event_key=f"session-attendance/{registration.pk}",
        employee_number=employee.employee_number,
        user_id=employee.user_id,
        verb="attended",
        activity=Activity(
            kind="session",
            key=str(session.pk),
            names={code: in_language(session, "title", language=code) for code in XAPI_LANGUAGES},
        ),
        result=Result(completion=True),
        timestamp=registration.attended_at,
    )


@transaction.atomic
def attendance_mark(
    *, session: Session, attended_ids: set[int], by_user: User, now: datetime.datetime | None = None
) -> int:
    """The coordinator's checklist: the ticked registrations attended, the others did
    not. Returns how many attended."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.select_for_update()
        .filter(session=session)
        .filter(Q(status=Registration.Status.REGISTERED) | Q(attended_at__isnull=False))
        .select_related("session")
    )
    # Looked up once for the whole list, not once per attendee.
    lessons = _lessons_completed_by_attending(session.series_id)
    newly_attended: list[int] = []
    for registration in registrations:
        attended = registration.pk in attended_ids
        if attended and registration.attended_at is None:
            registration.attended_at = now
            registration.attendance_marked_by = by_user
            registration.save(update_fields=["attended_at", "attendance_marked_by"])
            _attendance_recorded(registration, lessons)
            newly_attended.append(registration.pk)
        elif not attended and registration.attended_at is not None:
            registration.attended_at = None
            registration.attendance_marked_by = by_user
            registration.save(update_fields=["attended_at", "attendance_marked_by"])
    if newly_attended:
        feedback_requests_for(session=session, registration_ids=newly_attended, now=now)
    return sum(1 for registration in registrations if registration.attended_at)


@transaction.atomic
def attendance_check_in(
    *, session_id: int, employee: Employee, code: str, now: datetime.datetime | None = None
) -> Registration:
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
        feedback_requests_for(session=session, registration_ids=[registration.pk], now=now)
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
    now: datetime.datetime | None = None,
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
    *, slot: PresenterSlot, useful: bool, free_text: str = "", now: datetime.datetime | None = None
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
    *,
    slot_id: int,
    minutes: int,
    topic: str,
    presenter_names: str,
    now: datetime.datetime | None = None,
) -> PresenterSlot:
    """The organisation's contact person confirms (and may edit) their slot."""
    slot: PresenterSlot = PresenterSlot.objects.select_for_update().get(pk=slot_id)
    slot.minutes, slot.topic, slot.presenter_names = minutes, topic.strip(), presenter_names.strip()
    slot.confirmed_at = now or timezone.now()
    slot.save(update_fields=["minutes", "topic", "presenter_names", "confirmed_at"])
    return slot
