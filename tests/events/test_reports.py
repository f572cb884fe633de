"""Reports per session and series: the county's figures (useful share, presenters'
usefulness), groups under five hidden, exports, a constant number of queries; and
copying a series to the next half-year."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events import services
from events.models import Feedback, Invitation, PresenterFeedback, Registration, Session
from tests.events.builders import (
    add_slot,
    make_coordinator,
    make_network,
    make_series,
    make_session,
)
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def attended_session(series, *, attendees: int, useful: int, answers: int, texts=()):
    session = make_session(series=series, starts_in=-datetime.timedelta(days=30), capacity=200)
    now = timezone.now()
    for index in range(attendees):
        person = EmployeeFactory()
        Invitation.objects.create(session=session, employee=person)
        registration = Registration.objects.create(
            session=session, employee=person, status="registered", queued_at=now, attended_at=now
        )
        if index < answers:
            Feedback.objects.create(
                registration=registration,
                useful=index < useful,
                rating=4 if index % 2 else 5,
                free_text=texts[index] if index < len(texts) else "",
                submitted_at=now,
            )
    return session


@pytest.fixture
def coordinator_client(client):
    client.force_login(make_coordinator().user)
    return client


def test_series_report_shows_the_county_figures_and_hides_small_groups(coordinator_client):
    series = make_series()
    big = attended_session(series, attendees=12, useful=9, answers=10, texts=["=HYPERLINK(1)"] * 5)
    for useful in (True, True, True, False, True):
        PresenterFeedback.objects.create(
            slot=add_slot(big), useful=useful, submitted_at=timezone.now()
        )
    small = attended_session(series, attendees=3, useful=3, answers=3)
    response = coordinator_client.get(reverse("events:series_report", args=[series.pk]))
    body = response.content.decode()
    report = response.context["report"]
    big_row, small_row = report.rows
    assert (big_row.invited, big_row.registered, big_row.attended) == (12, 12, 12)
    assert big_row.feedback_rate == 83 and big_row.useful_share == 90
    assert big_row.mean_rating == 4.5
    assert big_row.presenters_useful_share == 80
    assert small_row.attended == 3
    assert small_row.useful_share is None and small_row.mean_rating is None
    assert report.total.answers == 13 and report.total.useful_share == 92
    assert "90 %" in body and "80 %" in body and "–" in body
    assert "=HYPERLINK(1)" in body
    assert small.title in body


def test_free_texts_of_fewer_than_five_are_hidden(coordinator_client):
    session = attended_session(make_series(), attendees=6, useful=6, answers=6, texts=["Hyvä"] * 4)
    response = coordinator_client.get(reverse("events:session_report", args=[session.pk]))
    body = response.content.decode()
    assert "Vapaita vastauksia on alle viisi" in body
    assert "Hyvä" not in body


def test_the_series_report_needs_the_same_queries_for_more_sessions(
    coordinator_client, django_assert_max_num_queries
):
    series = make_series()
    attended_session(series, attendees=5, useful=4, answers=5)
    url = reverse("events:series_report", args=[series.pk])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    for _ in range(3):
        attended_session(series, attendees=6, useful=3, answers=6)
    with django_assert_max_num_queries(len(few)):
        coordinator_client.get(url)


def test_exports_are_formula_safe(coordinator_client):
    series = make_series()
    session = attended_session(series, attendees=5, useful=5, answers=5)
    Session.objects.filter(pk=session.pk).update(title="=SUM(A1:A9)")
    url = reverse("events:series_report", args=[series.pk])
    csv_body = b"".join(coordinator_client.get(url + "?muoto=csv").streaming_content).decode()
    assert "'=SUM(A1:A9)" in csv_body
    assert "100 %" in csv_body
    xlsx = coordinator_client.get(url + "?muoto=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet["A2"].value == "=SUM(A1:A9)" and sheet["A2"].data_type == "s"


def test_a_series_is_copied_to_the_next_half_year_in_one_action(coordinator_client):
    series = make_series()
    session = make_session(series=series, capacity=40)
    network = make_network("Perhetyön verkosto")
    session.target_networks.add(network)
    session.save()
    add_slot(session, topic="Perhekerhot")
    services.registration_create(session_id=session.pk, employee=EmployeeFactory())
    response = coordinator_client.post(reverse("events:copy_series", args=[series.pk]), follow=True)
    assert "Sarja kopioitiin" in response.content.decode()
    copy = series.__class__.objects.exclude(pk=series.pk).get()
    assert copy.half_year_start == datetime.date(2027, 1, 1)
    (copied,) = copy.sessions.all()
    local_old, local_new = (timezone.localtime(s.starts_at) for s in (session, copied))
    assert (local_new.month - local_old.month) % 12 == 6
    assert local_new.time() == local_old.time()
    assert list(copied.target_networks.all()) == [network]
    assert [slot.topic for slot in copied.slots.all()] == ["Perhekerhot"]
    assert copied.slots.get().confirmed_at is None
    assert not copied.registrations.exists()


def test_session_report_exports_numbers_as_numbers_without_a_repeated_total(coordinator_client):
    """A session report has one row (no total row repeating it); the mean rating and
    the shares are numbers in XLSX (one decimal, per cent) and in the reader's style
    in CSV, so a sum over the sheet counts each session once."""
    series = make_series()
    session = attended_session(series, attendees=6, useful=3, answers=6)
    url = reverse("events:session_report", args=[session.pk])
    xlsx = coordinator_client.get(url + "?muoto=xlsx")
    assert xlsx["Content-Disposition"].startswith("attachment; filename=")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.max_row == 2
    assert sheet["F2"].value == 1 and "%" in sheet["F2"].number_format
    assert sheet["G2"].value == 0.5 and sheet["G2"].data_type == "n"
    assert sheet["H2"].value == 4.5 and sheet["H2"].number_format == "0.0"
    response = coordinator_client.get(url + "?muoto=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 2
    assert lines[1].split(";")[5:8] == ["100 %", "50 %", "4,5"]
    series_csv = b"".join(
        coordinator_client.get(
            reverse("events:series_report", args=[series.pk]) + "?muoto=csv"
        ).streaming_content
    )
    assert len(series_csv.decode("utf-8-sig").splitlines()) == 2  # one session: no total
