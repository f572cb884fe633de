"""The session's calendar file as other programs read it: libical's RFC 5545/5546
checks, ical.js (Thunderbird) and the `icalendar` parser agree on a published session,
a time change (a higher SEQUENCE, the same UID) and a cancellation (METHOD:CANCEL, the
title marked); the UID names this installation's host and an ORGANIZER is present."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events import ics, services
from tests.events.builders import make_session
from tests.events.calendar_check import ical_js, libical_problems
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def read_all(data: bytes) -> tuple[icalendar.Event, dict]:
    """Every parser reads `data` the same way; libical finds nothing to object to."""
    assert libical_problems(data) == []
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    seen = ical_js(data)
    (js_event,) = seen["events"]
    assert js_event["uid"] == str(event["UID"])
    assert js_event["sequence"] == int(event["SEQUENCE"])
    assert js_event["summary"] == str(event["SUMMARY"])
    assert js_event["start"].replace(".000Z", "+00:00") == event.decoded("DTSTART").isoformat()
    return event, seen


def test_published_updated_and_cancelled_files_pass_the_rfc_checks(client, settings):
    settings.SITE_URL = "https://hyteopas.jarvilaakso.example"
    settings.CALENDAR_ORGANIZER_EMAIL = "no-reply@jarvilaakso.example"
    employee = EmployeeFactory()
    client.force_login(employee.user)
    session = make_session(title="Perheiden tuki; järjestöt, seurakunnat")
    url = reverse("events:ics", args=[session.pk])

    response = client.get(url)
    day = timezone.localdate(session.starts_at)
    assert response["Content-Disposition"] == (
        f'attachment; filename="tilaisuus-{session.pk}-{day:%Y-%m-%d}.ics"'
    )
    event, seen = read_all(response.getvalue())
    assert seen["method"] == "PUBLISH"
    assert str(event["UID"]) == f"session-{session.pk}@hyteopas.jarvilaakso.example"
    assert str(event["ORGANIZER"]) == "mailto:no-reply@jarvilaakso.example"
    assert str(event["SUMMARY"]) == session.title and str(event["STATUS"]) == "CONFIRMED"
    assert "ATTENDEE" not in event  # RFC 5546: PUBLISH names no attendees
    uid = str(event["UID"])

    services.session_reschedule(
        session_id=session.pk, starts_at=session.starts_at + datetime.timedelta(hours=2)
    )
    event, _seen = read_all(client.get(url).getvalue())
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1

    services.session_cancel(session_id=session.pk)
    event, seen = read_all(client.get(url).getvalue())
    assert seen["method"] == "CANCEL"
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 2
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == f"Peruttu: {session.title}"
    assert seen["events"][0]["attendees"] == [f"mailto:{employee.user.email}"]


def test_a_cancelled_title_is_marked_in_the_readers_language():
    session = make_session(title="Seurakunnan diakoniatyö")
    services.session_cancel(session_id=session.pk)
    session.refresh_from_db()
    with translation.override("sv"):
        data = ics.session_calendar(session, attendee_email="asa@example.test")
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Inställt: Seurakunnan diakoniatyö"
