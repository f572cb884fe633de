"""Reminders through a real Celery worker and real Redis: the hourly sweep, the weekly
digest, the same task delivered twice, and a worker killed with SIGKILL in the middle
of a sweep and started again. Each reminder is sent exactly once and none is lost."""

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection

from notifications.models import OutboxStatus, ReminderOutbox
from tasks.reminders import sweep, weekly_digest
from tests.conftest import need
from tests.factories import EmployeeFactory, make_unit
from tests.integration.conftest import wait_for
from tests.integration.mail_log import delivered
from tests.integration.outbox_scenario import due_item

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parent.parent.parent


def team(size: int):
    unit = make_unit("U1", make_unit("HVA"))
    lead = EmployeeFactory(unit=unit)
    return lead, [EmployeeFactory(unit=unit, supervisor=lead) for _ in range(size)]


def sent_count() -> int:
    return ReminderOutbox.objects.filter(status=OutboxStatus.SENT).count()


def test_the_sweep_runs_in_the_worker_and_a_repeated_task_sends_nothing_twice(celery_worker):
    lead, people = team(4)
    for person in people:
        due_item(person, days=0)
    due_item(people[0], days=-20, title="Lue ohje")  # long overdue: escalates to the lead

    sweep.delay()
    wait_for(lambda: sent_count() == 6)
    assert len(mail.outbox) == 6

    # The same task delivered twice more (a redelivery, a beat that fired twice).
    celery_worker.send_task("reminders.sweep")
    celery_worker.send_task("reminders.sweep")
    # One solo worker takes messages in order: once a later sweep's effect shows, the
    # two repeats have run.
    due_item(people[1], days=3, title="Merkki")
    sweep.delay()
    wait_for(lambda: sent_count() == 7)
    assert len(mail.outbox) == 7
    per_row = Counter(m.extra_headers["X-Hyteopas-Outbox"] for m in mail.outbox)
    assert set(per_row.values()) == {1}
    assert [m.to for m in mail.outbox].count([lead.user.email]) == 1


def test_the_weekly_digest_runs_in_the_worker_once_per_week(celery_worker):
    lead, people = team(2)
    due_item(people[0], days=-2, title="Lue ohje")
    due_item(people[1], days=3, title="Tapaa perehdyttäjä")

    weekly_digest.delay()
    wait_for(lambda: sent_count() == 1)
    weekly_digest.delay()
    # The marker: a later sweep (it also sends the two people's own reminders).
    due_item(people[0], days=0, title="Merkki")
    sweep.delay()
    wait_for(lambda: sent_count() == 1 + 3)
    digests = [m for m in mail.outbox if m.to == [lead.user.email]]
    assert len(digests) == 1
    assert "Lue ohje" in digests[0].body and "Tapaa perehdyttäjä" in digests[0].body


def _database_url() -> str:
    settings_dict = connection.settings_dict
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return (
        f"postgres://{settings_dict['USER']}{password}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )


def _start_worker(env: dict, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "ab")  # noqa: SIM115 (closed with the process below)
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "learning",
            "worker",
            "--loglevel=INFO",
            "--concurrency=1",
            "--pool=prefork",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--hostname=reminders-killtest@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: SIGKILL takes the pool child too
    )
    process.log_file = log
    return process


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    process.log_file.close()


def _wait_or_show_log(log_path: Path, condition, timeout: float = 40) -> None:
    try:
        wait_for(condition, timeout=timeout)
    except AssertionError as error:
        statuses = list(ReminderOutbox.objects.values_list("pk", "status", "handed_over_at"))
        raise AssertionError(
            f"{error}\nrows: {statuses}\nworker log:\n{log_path.read_text(errors='replace')[-6000:]}"
        ) from None


def test_a_worker_killed_in_the_middle_of_a_sweep_loses_and_repeats_nothing(redis_url, tmp_path):
    import redis

    need(connection.vendor == "postgresql", "PostgreSQL (the worker runs in another process)")
    redis.Redis.from_url(redis_url).flushdb()
    _lead, people = team(30)
    for person in people:
        due_item(person, days=0)
    mail_log = tmp_path / "mail.log"
    worker_log = tmp_path / "worker.log"
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
        "BROKER_VISIBILITY_TIMEOUT": "4",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    from tasks.celery import app

    first = _start_worker(env, worker_log)
    try:
        eager, app.conf.task_always_eager = app.conf.task_always_eager, False
        app.send_task("reminders.sweep")
        app.conf.task_always_eager = eager
        # Kill it when some mails are out and others are claimed but not yet sent.
        wait_for(lambda: 8 <= len(delivered(mail_log)) < 30, timeout=40, interval=0.05)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        _stop(first)
    at_kill = Counter(ReminderOutbox.objects.values_list("status", flat=True))
    assert at_kill[OutboxStatus.SENDING] >= 1, at_kill
    assert len(delivered(mail_log)) < 30

    # Started again, the worker gets the unacknowledged sweep back from Redis (acks_late,
    # reject_on_worker_lost, visibility timeout) and finishes the job.
    # The one row the dead sweep may have handed over stays as it is; every other row
    # must end up sent before the second worker is stopped (stopping it while it sends
    # would leave a second row in doubt).
    handed_over = set(
        ReminderOutbox.objects.filter(
            status=OutboxStatus.SENDING, handed_over_at__isnull=False
        ).values_list("pk", flat=True)
    )
    second = _start_worker(env, worker_log)
    try:
        _wait_or_show_log(
            worker_log,
            lambda: (
                not ReminderOutbox.objects.exclude(pk__in=handed_over)
                .exclude(status=OutboxStatus.SENT)
                .exists()
            ),
        )
    finally:
        _stop(second)

    log_text = worker_log.read_text(errors="replace")
    rows = dict(ReminderOutbox.objects.values_list("pk", "status"))
    mails = Counter(delivered(mail_log))
    assert len(rows) == 30
    assert set(mails) <= set(rows)
    assert max(mails.values()) == 1, f"sent twice: {mails}\n{log_text}"
    # A row handed to the mail server just as the worker died may or may not have gone
    # out: it is reported, never resent. Every other row was sent exactly once.
    uncertain = {pk for pk, status in rows.items() if status == OutboxStatus.SENDING}
    assert all(status == OutboxStatus.SENT for pk, status in rows.items() if pk not in uncertain)
    assert {pk for pk in rows if pk not in uncertain} <= set(mails), log_text
    assert len(uncertain) <= 1
    if uncertain:
        assert "never confirmed" in log_text
    # The rows the dead sweep had claimed were reported and recovered, then sent once.
    assert "went back to pending" in log_text, log_text
    assert ReminderOutbox.objects.filter(note__startswith="recovered").exists()
