"""Delivering statements to a real LRS (Ralph, started by the test): batches, an LRS
that is away (the statements wait with a growing delay, never given up), one statement
the LRS refuses (only it fails), and what a stopped deliverer left in `sending` (sent
again under the same id; the LRS keeps one)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from tests.conftest import need
from tests.integration.lrs import RalphLRS, point_settings_at, ralph_available
from xapi import lrs
from xapi.delivery import DELIVERY_LOCK_KEY
from xapi.models import Statement, StatementStatus
from xapi.services import Activity, Result, xapi_deliver_pending, xapi_record

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    need(ralph_available(), "ralph-malph[lrs] (the LRS of the xAPI tests)")
    server = RalphLRS(tmp_path_factory.mktemp("lrs"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def lrs_settings(settings, ralph):
    return point_settings_at(settings, ralph, batch=4, retry_first=30, XAPI_RETRY_MAX_SECONDS=3600)


_keys = iter(range(10**6))


def record(count: int, *, prefix: str = "delivery") -> list[str]:
    run = timezone.now().strftime("%H%M%S%f")
    for _ in range(count):
        number = next(_keys)
        xapi_record(
            event_key=f"{prefix}/{run}/{number}",
            employee_number=f"E-{number}",
            user_id=number,
            verb="completed",
            activity=Activity(kind="lesson", key=f"lesson-{number}", names={"fi": "Oppitunti"}),
            result=Result(completion=True),
        )
    return [str(pk) for pk in Statement.objects.values_list("statement_id", flat=True)]


def test_pending_statements_go_in_batches_and_each_is_stored_once(lrs_settings, ralph):
    ids = record(10)
    result = xapi_deliver_pending()
    assert result.sent == 10 and result.batches == 3, result
    assert set(Statement.objects.values_list("status", flat=True)) == {StatementStatus.SENT}
    stored = ralph.stored_ids()
    assert all(stored[i] == 1 for i in ids), stored
    read_back = ralph.get_statement(ids[0])
    assert read_back["actor"]["account"]["name"].startswith("E-")
    assert read_back["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    # A second run finds nothing to send.
    assert xapi_deliver_pending().sent == 0


def test_with_the_lrs_away_statements_wait_longer_each_time_and_are_never_given_up(
    lrs_settings, ralph
):
    lrs_settings.XAPI_LRS_URL = "http://127.0.0.1:9/xAPI"
    record(3)
    result = xapi_deliver_pending()
    assert result.lrs_down and result.sent == 0 and result.retry_later == 3
    rows = list(Statement.objects.all())
    assert {row.status for row in rows} == {StatementStatus.PENDING}
    assert {row.attempts for row in rows} == {1}
    first_wait = min(row.next_attempt_at for row in rows) - timezone.now()
    assert datetime.timedelta(seconds=20) < first_wait <= datetime.timedelta(seconds=30)
    assert all("Connection" in row.last_error or "refused" in row.last_error for row in rows)
    # Not due yet: a run now sends nothing and counts no attempt.
    assert xapi_deliver_pending().batches == 0
    # Due again (time passes), still away: the wait doubles.
    Statement.objects.update(next_attempt_at=timezone.now())
    xapi_deliver_pending()
    row = Statement.objects.first()
    assert row.attempts == 2 and row.status == StatementStatus.PENDING
    assert row.next_attempt_at - timezone.now() > datetime.timedelta(seconds=50)
    # Many failures later the wait stays at the ceiling and the statement still waits.
    Statement.objects.update(next_attempt_at=timezone.now(), attempts=40)
    xapi_deliver_pending()
    row = Statement.objects.first()
    assert row.status == StatementStatus.PENDING
    assert row.next_attempt_at - timezone.now() <= datetime.timedelta(seconds=3600)
    # The LRS is back: everything goes.
    lrs_settings.XAPI_LRS_URL = ralph.url
    Statement.objects.update(next_attempt_at=timezone.now())
    assert xapi_deliver_pending().sent == 3
    assert set(Statement.objects.values_list("status", flat=True)) == {StatementStatus.SENT}


def test_wrong_credentials_make_statements_wait_not_fail(lrs_settings):
    lrs_settings.XAPI_LRS_PASSWORD = "not-the-password"
    record(2)
    result = xapi_deliver_pending()
    assert result.lrs_down and result.failed == 0
    assert set(Statement.objects.values_list("status", flat=True)) == {StatementStatus.PENDING}
    assert "HTTP 401" in Statement.objects.first().last_error


def test_a_statement_the_lrs_refuses_fails_alone_and_the_rest_are_stored(lrs_settings, ralph):
    ids = record(4, prefix="refused")
    # The LRS already holds a different statement under the second id: it answers 409.
    other = dict(Statement.objects.get(statement_id=ids[1]).statement)
    other["timestamp"] = "2020-01-01T00:00:00+00:00"
    assert lrs.put_statement(other).stored
    result = xapi_deliver_pending()
    assert result.sent == 3 and result.failed == 1, result
    refused = Statement.objects.get(statement_id=ids[1])
    assert refused.status == StatementStatus.FAILED and "409" in refused.last_error
    stored = ralph.stored_ids()
    assert all(stored[i] == 1 for i in ids)
    # A failed statement is not sent again.
    assert xapi_deliver_pending().batches == 0


def test_what_a_stopped_deliverer_left_in_sending_is_sent_again_and_stored_once(
    lrs_settings, ralph
):
    ids = record(5, prefix="recovered")
    # A deliverer POSTed the first two and died before marking them sent.
    first_two = list(Statement.objects.filter(statement_id__in=ids[:2]))
    assert lrs.post_statements([row.statement for row in first_two]).stored
    Statement.objects.filter(pk__in=[row.pk for row in first_two]).update(
        status=StatementStatus.SENDING, claimed_at=timezone.now()
    )
    result = xapi_deliver_pending()
    assert result.recovered == 2 and result.sent == 5, result
    stored = ralph.stored_ids()
    assert all(stored[i] == 1 for i in ids), stored


def test_a_second_deliverer_leaves_the_work_to_the_one_holding_the_lock(lrs_settings):
    need(connection.vendor == "postgresql", "PostgreSQL (advisory locks)")
    from django.db import connections

    record(2, prefix="busy")
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [DELIVERY_LOCK_KEY])
        result = xapi_deliver_pending()
        assert result.busy and result.sent == 0
        assert set(Statement.objects.values_list("status", flat=True)) == {StatementStatus.PENDING}
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [DELIVERY_LOCK_KEY])
    finally:
        other.close()
    assert xapi_deliver_pending().sent == 2


def test_delivery_is_off_while_the_lrs_url_is_empty(settings):
    settings.XAPI_LRS_URL = ""
    assert xapi_deliver_pending().off
