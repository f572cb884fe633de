"""Rules that mutation testing showed unguarded: escalations never go to someone who
has left, a batch is claimed past rows another deliverer holds (`SKIP LOCKED`), and a
temporary refusal (4xx) from a real SMTP server is retried, not given up."""

import socket

import psycopg
import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone

from notifications import services
from notifications.enqueue import enqueue_due_reminders
from notifications.models import OutboxStatus, ReminderOutbox, Stage
from tests.factories import EmployeeFactory
from tests.notifications.conftest import item_for, today


def _escalated_to() -> dict[int, int]:
    return dict(
        ReminderOutbox.objects.filter(stage=Stage.ESCALATION).values_list(
            "about_id", "recipient_id"
        )
    )


@pytest.mark.django_db
def test_an_escalation_skips_a_supervisor_who_has_left(county):
    unit = county["unit"]
    gone_boss = EmployeeFactory(unit=unit, active=False)
    orphan = EmployeeFactory(unit=unit, supervisor=gone_boss)
    gone_manager = EmployeeFactory(unit=unit, active=False)
    unit.managers.add(gone_manager)  # the unit's manager has left too: one level up
    item_for(orphan, due_in=-15)
    enqueue_due_reminders(today=today(), now=timezone.now())
    assert _escalated_to() == {orphan.pk: county["sector_head"].pk}


@pytest.mark.django_db
def test_an_escalation_queued_before_the_supervisor_left_is_not_sent(county):
    lead = county["lead"]
    item_for(county["nurse"], due_in=-15)
    enqueue_due_reminders(today=today(), now=timezone.now())
    assert _escalated_to() == {county["nurse"].pk: lead.pk}
    lead.active = False
    lead.save()
    services.outbox_deliver_pending()
    row = ReminderOutbox.objects.get(stage=Stage.ESCALATION)
    assert row.status == OutboxStatus.CANCELLED


@pytest.mark.django_db(transaction=True)
def test_a_batch_is_claimed_past_rows_another_deliverer_holds(county):
    """Two connections: the other one holds the nurse's row; delivery takes the aide's
    row at once instead of waiting (a wait would hit the lock timeout and fail)."""
    item_for(county["nurse"], due_in=0)
    item_for(county["aide"], due_in=0)
    enqueue_due_reminders(today=today(), now=timezone.now())
    held = ReminderOutbox.objects.get(recipient=county["nurse"])
    free = ReminderOutbox.objects.get(recipient=county["aide"])
    db = connection.settings_dict
    with psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    ) as other:
        other.execute(
            f"SELECT id FROM {ReminderOutbox._meta.db_table} WHERE id = %s FOR UPDATE",
            [held.pk],
        )
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '5s'")
        try:
            services.outbox_deliver_pending()
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
        other.rollback()
    statuses = dict(ReminderOutbox.objects.values_list("pk", "status"))
    assert statuses == {held.pk: OutboxStatus.PENDING, free.pk: OutboxStatus.SENT}
    services.outbox_deliver_pending()
    assert ReminderOutbox.objects.get(pk=held.pk).status == OutboxStatus.SENT


class _RefusesOnce:
    """An SMTP server that answers the first recipient with 451 (try again later) and
    accepts everything after that."""

    def __init__(self):
        self.refusals = 1
        self.delivered: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusals:
            self.refusals -= 1
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.delivered.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture
def refusing_smtp(settings):
    handler = _RefusesOnce()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield handler
    controller.stop()


@pytest.mark.django_db
def test_a_temporary_smtp_refusal_is_retried_and_then_delivered(county, refusing_smtp):
    nurse = county["nurse"]
    item_for(nurse, due_in=0)
    services.reminders_sweep()
    row = ReminderOutbox.objects.get()
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert "451" in row.last_error
    assert refusing_smtp.delivered == []

    services.outbox_deliver_pending()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutboxStatus.SENT, 1)
    assert refusing_smtp.delivered == [nurse.user.email]
