"""A database error in the middle of delivery: a `celery worker` process sends every
kind of email through a mail log while the test terminates the worker's database
connections again and again (as a PostgreSQL restart or a dropped connection would).
The interrupted sweep and deliveries are retried (their locks went with the
connections), a message the mail server already took is marked sent once the database
answers, and nothing is lost or sent twice."""

import os
import time
from pathlib import Path

import pytest
from django.db import connection

from notifications.models import OutboxStatus, ReminderOutbox
from tests.conftest import need
from tests.integration.conftest import wait_for
from tests.integration.mail_log import delivered
from tests.integration.outbox_scenario import PRODUCERS, prepare, tally
from tests.integration.test_reminders import _database_url, _start_worker, _stop

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parent.parent.parent


def _terminate_other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )
        return cursor.fetchone()[0]


def test_a_database_error_mid_sweep_is_retried_and_nothing_is_lost_or_doubled(redis_url, tmp_path):
    import redis

    from tasks.celery import app

    need(connection.vendor == "postgresql", "PostgreSQL (the worker runs in another process)")
    redis.Redis.from_url(redis_url).flushdb()
    mail_log, worker_log = tmp_path / "mail.log", tmp_path / "worker.log"
    scenario = prepare()
    eager, broker = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager, app.conf.broker_url = False, redis_url
    try:
        # Every change queues its emails and kicks a delivery into Redis; the reminders
        # and the digest are the sweeps' own work, done by the worker.
        for name, produce in PRODUCERS.items():
            if name not in ("reminders", "digest"):
                produce(scenario)
        app.send_task("reminders.sweep")
        app.send_task("reminders.weekly_digest")
    finally:
        app.conf.task_always_eager, app.conf.broker_url = eager, broker
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.reminder_worker_settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "HYTEOPAS_MAIL_LOG": str(mail_log),
        "REMINDER_BATCH_SIZE": "5",
        "REMINDER_SEND_DELAY": "0.15",
        "CONN_MAX_AGE": "0",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    worker = _start_worker(env, worker_log)
    kills = 0
    try:
        wait_for(lambda: len(delivered(mail_log)) >= 2, timeout=60, interval=0.05)
        # Terminate the worker's connections while it sends: before a message is handed
        # over, between the mail server's acceptance and the "sent" mark, and between.
        while kills < 8 and (
            ReminderOutbox.objects.exclude(status=OutboxStatus.SENT).exists()
            or ReminderOutbox.objects.count() < 26
        ):
            kills += 1 if _terminate_other_connections() else 0
            time.sleep(0.7)

        def finished() -> bool:
            # No row may be left in doubt: a database error never leaves one.
            return (
                ReminderOutbox.objects.count() >= 26
                and not ReminderOutbox.objects.exclude(status=OutboxStatus.SENT).exists()
            )

        try:
            wait_for(finished, timeout=120)
        except AssertionError:
            rows = list(ReminderOutbox.objects.values_list("pk", "status", "handed_over_at"))
            raise AssertionError(
                f"rows: {rows}\n{worker_log.read_text(errors='replace')[-8000:]}"
            ) from None
    finally:
        _stop(worker)
    log_text = worker_log.read_text(errors="replace")
    result = tally(delivered(mail_log))
    uncertain = ReminderOutbox.objects.filter(status=OutboxStatus.SENDING).count()
    marks = log_text.count("waiting for the database to mark it")
    print(
        result.line("database connections terminated mid-sweep")
        + f"; {kills} terminations, {marks} sent-marks retried, {uncertain} left uncertain"
    )
    assert kills >= 2, log_text[-4000:]
    assert "retry" in log_text.lower(), log_text[-4000:]
    expected, lost, doubled = result.totals()
    assert expected >= 26
    assert (lost, doubled) == (0, 0), (result, log_text[-6000:])
    assert uncertain == 0, log_text[-6000:]
