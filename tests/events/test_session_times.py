"""A session's time in the reader's format (fi "klo 15.00", sv "kl. 15.00"), never a
fixed `H:i`, and its calendar file named in the reader's language by the rule every
download follows (reporting.filenames)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.builders import make_session
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _session_at_three_pm():
    day = timezone.localdate() + datetime.timedelta(days=10)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0)))
    session = make_session(minutes=90)
    session.starts_at = starts
    session.save(update_fields=["starts_at"])
    return session, day


@pytest.mark.parametrize(
    ("language", "hours", "file_name"),
    [
        ("fi", "klo 15.00–16.30", "tilaisuus"),
        ("sv", "kl. 15.00–16.30", "tillfalle"),
        ("en", "3 p.m.–4:30 p.m.", "session"),
    ],
)
def test_session_page_and_calendar_file_follow_the_reader(client, language, hours, file_name):
    employee = EmployeeFactory(language=language)
    client.force_login(employee.user)
    session, day = _session_at_three_pm()
    page = client.get(reverse("events:session", args=[session.pk])).content.decode()
    assert hours in page
    assert "15:00–" not in page  # the fixed H:i format
    response = client.get(reverse("events:ics", args=[session.pk]))
    expected = f"{file_name}-{session.pk}-{day:%Y-%m-%d}.ics"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
