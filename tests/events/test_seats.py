"""Seats and the waiting list: registering, queueing, cancelling moves the first in the
queue up, the last seat taken by two people at once, and the refusals a person sees."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Registration
from notifications.models import Notification
from tests.conftest import need
from tests.events.builders import make_session
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def status_of(session, employee) -> str:
    return Registration.objects.get(session=session, employee=employee).status


def test_a_full_session_queues_and_a_cancellation_moves_the_first_in_line_up(
    django_capture_on_commit_callbacks,
):
    session = make_session(capacity=1)
    first, second, third = EmployeeFactory(), EmployeeFactory(), EmployeeFactory()
    assert services.registration_create(session_id=session.pk, employee=first).status == (
        Registration.Status.REGISTERED
    )
    services.registration_create(session_id=session.pk, employee=second)
    services.registration_create(session_id=session.pk, employee=third)
    assert status_of(session, second) == status_of(session, third) == Registration.Status.WAITING

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(session_id=session.pk, employee=first)
    assert promoted.employee == second
    assert status_of(session, first) == Registration.Status.CANCELLED
    assert status_of(session, second) == Registration.Status.REGISTERED
    assert status_of(session, third) == Registration.Status.WAITING
    notice = Notification.objects.get(recipient=second)
    assert notice.title.startswith("Sait paikan jonosta")
    assert [message.to for message in mail.outbox] == [[second.user.email]]


def test_registering_twice_keeps_one_registration():
    session, employee = make_session(), EmployeeFactory()
    services.registration_create(session_id=session.pk, employee=employee)
    services.registration_create(session_id=session.pk, employee=employee)
    assert Registration.objects.filter(session=session).count() == 1


def test_a_past_or_cancelled_session_refuses_registration_and_records_nothing():
    employee = EmployeeFactory()
    past = make_session(starts_in=-datetime.timedelta(hours=1))
    with pytest.raises(services.EventError, match="jo alkanut tai pidetty"):
        services.registration_create(session_id=past.pk, employee=employee)
    cancelled = make_session()
    services.session_cancel(session_id=cancelled.pk)
    with pytest.raises(services.EventError, match="peruttu"):
        services.registration_create(session_id=cancelled.pk, employee=employee)
    assert not Registration.objects.exists()


def test_capacity_cannot_drop_below_the_seats_taken_and_says_how_many():
    session = make_session(capacity=5)
    for _ in range(3):
        services.registration_create(session_id=session.pk, employee=EmployeeFactory())
    with pytest.raises(services.EventError, match="3 henkilöä on jo ilmoittautunut"):
        services.session_set_capacity(session_id=session.pk, capacity=2)
    session.refresh_from_db()
    assert session.capacity == 5
    services.session_set_capacity(session_id=session.pk, capacity=3)
    session.refresh_from_db()
    assert session.capacity == 3


def test_more_seats_move_people_up_from_the_queue():
    session = make_session(capacity=1)
    people = [EmployeeFactory() for _ in range(3)]
    for person in people:
        services.registration_create(session_id=session.pk, employee=person)
    services.session_set_capacity(session_id=session.pk, capacity=2)
    assert [status_of(session, person) for person in people] == [
        "registered",
        "registered",
        "waiting",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_taking_the_last_seat_at_once_one_gets_it_one_queues():
    need(connection.vendor == "postgresql", "PostgreSQL (row locks)")
    session = make_session(capacity=1)
    people = [EmployeeFactory(), EmployeeFactory()]
    barrier = threading.Barrier(2)
    errors = []

    def register(person):
        try:
            barrier.wait()
            services.registration_create(session_id=session.pk, employee=person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    statuses = sorted(Registration.objects.filter(session=session).values_list("status", flat=True))
    assert statuses == ["registered", "waiting"]


def test_time_change_tells_the_registered_and_raises_the_calendar_sequence(
    django_capture_on_commit_callbacks,
):
    session = make_session()
    registered, other = EmployeeFactory(), EmployeeFactory()
    services.registration_create(session_id=session.pk, employee=registered)
    new_start = session.starts_at + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_reschedule(session_id=session.pk, starts_at=new_start)
    session.refresh_from_db()
    assert session.sequence == 1
    assert session.starts_at == new_start
    assert Notification.objects.filter(recipient=registered).count() == 1
    assert not Notification.objects.filter(recipient=other).exists()
    assert "Tilaisuuden aika muuttui" in mail.outbox[0].subject


def test_the_reminder_goes_to_each_registered_person_once_in_their_language(
    django_capture_on_commit_callbacks,
):
    session = make_session(starts_in=datetime.timedelta(days=1))
    finn, swede = EmployeeFactory(), EmployeeFactory(language="sv")
    for person in (finn, swede):
        services.registration_create(session_id=session.pk, employee=person)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 2
        assert services.reminders_send() == 0
    titles = dict(Notification.objects.values_list("recipient_id", "title"))
    assert titles[finn.pk].startswith("Huomenna:")
    assert titles[swede.pk].startswith("I morgon:")
    assert len(mail.outbox) == 2


def test_cancelled_registration_frees_nothing_after_the_start():
    session = make_session(capacity=1)
    person = EmployeeFactory()
    services.registration_create(session_id=session.pk, employee=person)
    later = timezone.now() + datetime.timedelta(days=8)
    with pytest.raises(services.EventError, match="voi enää perua"):
        services.registration_cancel(session_id=session.pk, employee=person, now=later)
    assert status_of(session, person) == Registration.Status.REGISTERED


def test_cancelling_a_session_tells_those_registered_and_the_calendar_says_cancelled(
    client, django_capture_on_commit_callbacks
):
    import icalendar
    from django.urls import reverse

    from tests.events.builders import make_coordinator

    session = make_session()
    person = EmployeeFactory()
    services.registration_create(session_id=session.pk, employee=person)
    client.force_login(make_coordinator().user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:cancel_session", args=[session.pk]), follow=True)
    assert "Tilaisuus on peruttu" in response.content.decode()
    assert Notification.objects.get(recipient=person).title.startswith("Tilaisuus on peruttu:")
    client.force_login(person.user)
    (event,) = icalendar.Calendar.from_ical(
        client.get(reverse("events:ics", args=[session.pk])).getvalue()
    ).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1


def test_feedback_requests_go_to_attendees_once_after_the_session(
    django_capture_on_commit_callbacks,
):
    session = make_session(starts_in=-datetime.timedelta(hours=3))
    attendee, absent = EmployeeFactory(), EmployeeFactory()
    now = timezone.now()
    Registration.objects.create(
        session=session, employee=attendee, status="registered", queued_at=now, attended_at=now
    )
    Registration.objects.create(
        session=session, employee=absent, status="registered", queued_at=now
    )
    running = make_session(starts_in=-datetime.timedelta(minutes=30))
    Registration.objects.create(
        session=running, employee=absent, status="registered", queued_at=now, attended_at=now
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.feedback_requests_send() == 1
        assert services.feedback_requests_send() == 0
    notice = Notification.objects.get()
    assert notice.recipient == attendee
    assert notice.url == f"/tilaisuudet/{session.pk}/palaute/"


def test_attendance_marked_after_the_hourly_run_still_asks_for_feedback_once(
    django_capture_on_commit_callbacks,
):
    """The hourly run records the session's request as done; whoever is marked as
    attended later (by the coordinator or by checking in) is asked then, once."""
    session = make_session(starts_in=-datetime.timedelta(hours=3))
    early, late, checked_in = EmployeeFactory(), EmployeeFactory(), EmployeeFactory()
    now = timezone.now()
    first = Registration.objects.create(
        session=session, employee=early, status="registered", queued_at=now, attended_at=now
    )
    second = Registration.objects.create(
        session=session, employee=late, status="registered", queued_at=now
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.feedback_requests_send() == 1
    coordinator = EmployeeFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_mark(
            session=session, attended_ids={first.pk, second.pk}, by_user=coordinator
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_check_in(
            session_id=session.pk, employee=checked_in, code=session.checkin_code
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_mark(
            session=session, attended_ids={first.pk, second.pk}, by_user=coordinator
        )
        assert services.feedback_requests_send() == 0
    asked = Notification.objects.filter(url=f"/tilaisuudet/{session.pk}/palaute/")
    assert sorted(notice.recipient_id for notice in asked) == sorted(
        [early.pk, late.pk, checked_in.pk]
    )


def test_attendance_marked_before_the_session_ends_waits_for_the_hourly_run(
    django_capture_on_commit_callbacks,
):
    session = make_session(starts_in=-datetime.timedelta(minutes=30))
    person = EmployeeFactory()
    registration = Registration.objects.create(
        session=session, employee=person, status="registered", queued_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_mark(
            session=session, attended_ids={registration.pk}, by_user=EmployeeFactory().user
        )
    assert not Notification.objects.exists()
