"""The outbox beyond the reminders: a one-off email queued by key, the "sent" mark
that waits for the database once the mail server has the message, and the values
that would break an email header, refused where they are typed in."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.db.models.query import QuerySet
from django.utils import timezone

from notifications import delivery, services
from notifications.enqueue import enqueue_due_reminders
from notifications.models import OutboxStatus, ReminderOutbox, SubjectKind
from tests.notifications.conftest import item_for, today

pytestmark = pytest.mark.django_db


def test_a_one_off_email_is_queued_once_per_key_and_sent_as_written(
    county, django_capture_on_commit_callbacks
):
    nurse = county["nurse"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        assert services.outbox_enqueue_email(
            key="reset-1", subject="Salasanan vaihto", body="Linkki: x", recipient=nurse
        )
        assert not services.outbox_enqueue_email(
            key="reset-1", subject="Salasanan vaihto", body="Linkki: x", recipient=nurse
        )
        services.outbox_enqueue_email(
            key="reset-1", subject="Tervetuloa", body="Hei", address="ulkoinen@example.test"
        )
    assert ReminderOutbox.objects.filter(subject_kind=SubjectKind.EMAIL).count() == 2
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        (nurse.user.email, "Salasanan vaihto"),
        ("ulkoinen@example.test", "Tervetuloa"),
    ]
    assert all(m.extra_headers["Message-ID"].startswith("<outbox-") for m in mail.outbox)


def _database_fails_once_on_the_sent_mark(monkeypatch) -> list:
    """The first UPDATE that marks a row sent raises as if the connection broke."""
    real_update = QuerySet.update
    failures = []

    def update(self, **kwargs):
        marking = kwargs.get("status") == OutboxStatus.SENT and self.model is ReminderOutbox
        if marking and not failures:
            failures.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update)
    monkeypatch.setattr(delivery.db_connection, "close", lambda: None)
    monkeypatch.setattr(delivery.time, "sleep", lambda _seconds: None)
    return failures


def test_a_message_the_mail_server_took_is_marked_sent_once_the_database_answers(
    county, monkeypatch
):
    item_for(county["nurse"], due_in=0)
    item_for(county["aide"], due_in=0)
    enqueue_due_reminders(today=today(), now=timezone.now())
    failures = _database_fails_once_on_the_sent_mark(monkeypatch)
    with pytest.raises(delivery.DeliveryInterrupted):
        services.outbox_deliver_pending()
    assert failures == [1]
    first, second = ReminderOutbox.objects.order_by("pk")
    assert first.status == OutboxStatus.SENT  # marked on the second try
    # The connection (and the delivery lock with it) was lost: this deliverer stopped,
    # and the next one recovers the rest and sends it once.
    assert second.status == OutboxStatus.SENDING and second.handed_over_at is None
    result = services.outbox_deliver_pending()
    assert (result.recovered, result.uncertain, result.sent) == (1, 0, 1)
    assert len(mail.outbox) == 2


def test_a_sent_mark_the_database_never_takes_leaves_the_row_for_an_admin(
    county, monkeypatch, settings
):
    settings.OUTBOX_MARK_RETRY_SECONDS = 0
    item_for(county["nurse"], due_in=0)
    enqueue_due_reminders(today=today(), now=timezone.now())
    _database_fails_once_on_the_sent_mark(monkeypatch)
    with pytest.raises(OperationalError):
        services.outbox_deliver_pending()
    result = services.outbox_deliver_pending()
    assert (result.uncertain, result.sent) == (1, 0)
    assert len(mail.outbox) == 1  # never sent a second time


def test_a_line_break_in_a_subject_fails_that_message_and_the_batch_goes_on(county):
    item_for(county["nurse"], due_in=0, title="Avaimet\r\nBcc: kaikki@example.test")
    item_for(county["aide"], due_in=0)
    result = services.reminders_sweep()
    assert (result.delivery.sent, result.delivery.bad_header) == (1, 1)
    failed = ReminderOutbox.objects.get(status=OutboxStatus.FAILED_PERMANENTLY)
    assert failed.recipient == county["nurse"] and "BadHeaderError" in failed.last_error
    assert [m.to for m in mail.outbox] == [[county["aide"].user.email]]


def test_titles_and_names_with_a_line_break_are_refused_where_they_are_typed(county):
    from events.models import Session
    from onboarding.views import ExtraItemForm
    from people.hr_import.validation import build_plan
    from tests.events.builders import make_series

    form = ExtraItemForm(
        {"title": "Avaimet\r\nBcc: x@example.test", "due_date": datetime.date(2026, 12, 1)}
    )
    assert not form.is_valid() and "title" in form.errors
    session = Session(
        series=make_series(),
        title="Tilaisuus\nX-Header: 1",
        starts_at=timezone.now(),
        duration_minutes=60,
        capacity=10,
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "title" in error.value.message_dict
    plan = build_plan(
        [
            (
                2,
                {
                    "employee_number": "77",
                    "first_name": "Aino\r\nBcc: x@example.test",
                    "last_name": "Aalto",
                    "email": "aino@hva.example",
                    "unit_code": "SOS-1",
                    "job_role": "",
                    "supervisor_number": "",
                    "start_date": "1.1.2026",
                    "end_date": "",
                    "language": "fi",
                },
            )
        ]
    )
    assert any("rivinvaihtoja" in str(problem) for problem in plan.problems)
