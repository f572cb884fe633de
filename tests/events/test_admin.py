"""The coordinators' admin: sessions are edited as snippets; a changed time tells those
registered and raises the calendar SEQUENCE; a lower capacity is refused with the
count; other roles cannot open it. And the coordinators' list pages keep a constant
number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Session
from notifications.models import Notification
from tests.events.builders import (
    add_slot,
    make_coordinator,
    make_network,
    make_series,
    make_session,
)
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def edit_url(session) -> str:
    return reverse("wagtailsnippets_events_session:edit", args=[session.pk])


def form_data(session: Session, **changes) -> dict:
    local = timezone.localtime(session.starts_at)
    data = {
        "series": session.series_id,
        "title": session.title,
        "description": "",
        "format": session.format,
        "address": "",
        "meeting_link": session.meeting_link,
        "starts_at": local.strftime("%Y-%m-%d %H:%M"),
        "duration_minutes": session.duration_minutes,
        "capacity": session.capacity,
        "slots-TOTAL_FORMS": "0",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_a_time_change_in_the_admin_tells_the_registered(
    client, django_capture_on_commit_callbacks
):
    session = make_session(capacity=3)
    person = EmployeeFactory()
    services.registration_create(session_id=session.pk, employee=person)
    client.force_login(make_coordinator().user)
    assert client.get(edit_url(session)).status_code == 200
    later = timezone.localtime(session.starts_at) + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(session), form_data(session, starts_at=later.strftime("%Y-%m-%d %H:%M"))
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 1
    assert Notification.objects.get(recipient=person).title.startswith("Tilaisuuden aika muuttui")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(session), form_data(session, title="Uusi otsikko"))
    session.refresh_from_db()
    assert session.title == "Uusi otsikko" and session.sequence == 1


def test_the_admin_refuses_a_capacity_below_the_registrations(client):
    session = make_session(capacity=3)
    for _ in range(2):
        services.registration_create(session_id=session.pk, employee=EmployeeFactory())
    client.force_login(make_coordinator().user)
    response = client.post(edit_url(session), form_data(session, capacity=1))
    assert response.status_code == 200
    assert "2 henkilöä on jo ilmoittautunut" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 3


def test_an_employee_cannot_open_the_sessions_admin(client):
    session = make_session()
    client.force_login(EmployeeFactory().user)
    response = client.get(edit_url(session))
    assert response.status_code in (302, 403)
    assert "Tilaisuudet" not in response.content.decode()


def test_coordinator_list_pages_need_the_same_queries_as_rows_grow(client):
    coordinator = make_coordinator()
    network = make_network("Perhetyön verkosto", members=[EmployeeFactory()])
    network.conveners.add(coordinator)
    series = make_series()
    make_session(series=series)
    client.force_login(coordinator.user)
    pages = [
        reverse("events:overview"),
        reverse("events:networks"),
        reverse("events:network", args=[network.pk]),
    ]

    def counts():
        found = []
        for page in pages:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(page).status_code == 200
            found.append(len(captured))
        return found

    before = counts()
    for _ in range(4):
        add_slot(make_session(series=make_series()))
        network.members.add(EmployeeFactory())
        other = make_network()
        other.conveners.add(coordinator)
    assert counts() == before
