"""xAPI statements through a real Celery worker on real Redis to a real LRS (Ralph,
started by the test): what learners do reaches the LRS; with the LRS stopped the
statements wait and reach it exactly once when it returns; a worker killed with
SIGKILL in the middle of a delivery loses and doubles nothing. Counted at the LRS:
every stored copy of every statement id (an `XAPI-MEASURE` line gives lost and
doubled)."""

import datetime
import json
import os
import signal
import time
import uuid

import pytest
from django.db import connection, transaction
from django.utils import timezone

from courses import services as course_services
from events import services as event_services
from quizzes.services import quiz_submit
from tests.conftest import need
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers
from tests.events.builders import make_session
from tests.factories import EmployeeFactory
from tests.integration.conftest import wait_for
from tests.integration.lrs import (
    PASSWORD,
    USERNAME,
    RalphLRS,
    point_settings_at,
    ralph_available,
)
from tests.integration.processes import ROOT, database_url, start_worker, stop, wait_or_show_log
from xapi.models import Statement, StatementStatus
from xapi.services import Activity, Result, xapi_record

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def ralph(tmp_path):
    need(ralph_available(), "ralph-malph[lrs] (the LRS of the xAPI tests)")
    server = RalphLRS(tmp_path / "lrs")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def lrs_settings(settings, ralph):
    return point_settings_at(settings, ralph, batch=5, retry_first=1)


def measure(ralph: RalphLRS, ids: list[str], label: str) -> tuple[int, int]:
    stored = ralph.stored_ids()
    lost = sum(1 for i in ids if stored[i] == 0)
    doubled = sum(count - 1 for count in stored.values() if count > 1)
    print(f"XAPI-MEASURE {label}: statements={len(ids)} lost={lost} doubled={doubled}")
    return lost, doubled


def record_many(count: int, prefix: str) -> list[str]:
    with transaction.atomic():
        for number in range(count):
            xapi_record(
                event_key=f"{prefix}/{number}",
                employee_number=f"E-{number:05d}",
                user_id=number,
                verb="completed",
                activity=Activity(kind="lesson", key=f"l-{number}", names={"fi": "Oppitunti"}),
                result=Result(completion=True),
            )
    return [str(i) for i in Statement.objects.values_list("statement_id", flat=True)]


def test_what_learners_do_reaches_the_lrs_through_the_worker(celery_worker, lrs_settings, ralph):
    employee = EmployeeFactory(employee_number="E-30001")
    quiz = make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    quiz_submit(
        employee=employee,
        quiz_id=quiz.pk,
        answers=right_answers(quiz),
        submission_key=str(uuid.uuid4()),
    )
    course_services.lesson_complete(employee=employee, lesson=lesson)
    session = make_session(starts_in=datetime.timedelta(minutes=-5))
    event_services.attendance_check_in(
        session_id=session.pk, employee=employee, code=session.checkin_code
    )
    # passed (quiz), completed (lesson), completed (course), attended (session)
    wait_for(lambda: len(ralph.stored()) == 4, timeout=60)
    stored = ralph.stored()
    verbs = sorted(s["verb"]["id"].rsplit("/", 1)[1] for s in stored)
    assert verbs == ["attended", "completed", "completed", "passed"]
    assert {s["actor"]["account"]["name"] for s in stored} == {"E-30001"}
    assert employee.user.email not in json.dumps(stored)
    ids = list(Statement.objects.values_list("statement_id", flat=True))
    assert {s["id"] for s in stored} == {str(i) for i in ids}
    wait_for(lambda: not Statement.objects.exclude(status=StatementStatus.SENT).exists())


def test_with_the_lrs_stopped_statements_wait_and_arrive_once_when_it_returns(
    celery_worker, lrs_settings, ralph
):
    ralph.stop()
    ids = record_many(23, "outage")
    # The kicks after the commit (and beat's runs, sent here) reach the worker, which
    # finds the LRS away: each run tries one batch and then waits for the LRS.
    deadline = time.monotonic() + 90
    while Statement.objects.filter(attempts__gte=1).count() < 23:
        assert time.monotonic() < deadline, "not every statement was tried within 90 s"
        celery_worker.send_task("xapi.deliver")
        time.sleep(1)
    assert set(Statement.objects.values_list("status", flat=True)) == {StatementStatus.PENDING}
    assert Statement.objects.filter(next_attempt_at__gt=timezone.now() - datetime.timedelta(1))

    # Beat's runs while it is still away: nothing lost, nothing given up. (A run finds
    # nothing due until a wait has passed, so runs are sent until one has found some,
    # as beat sends one every minute.)
    def tried_again() -> bool:
        celery_worker.send_task("xapi.deliver")
        return Statement.objects.filter(attempts__gte=2).exists()

    wait_for(tried_again, timeout=60, interval=1)
    assert not ralph.stored_ids()

    ralph.start()
    # Beat's next run (every minute) after the waits have passed.
    wait_for(
        lambda: not Statement.objects.filter(next_attempt_at__gt=timezone.now()).exists(),
        timeout=30,
    )
    celery_worker.send_task("xapi.deliver")
    celery_worker.send_task("xapi.deliver")
    wait_for(lambda: Statement.objects.filter(status=StatementStatus.SENT).count() == 23)
    lost, doubled = measure(ralph, ids, "lrs stopped then back")
    assert (lost, doubled) == (0, 0)
    assert len(ralph.stored()) == 23


def test_a_worker_killed_mid_delivery_loses_and_doubles_nothing(
    redis_url, lrs_settings, ralph, tmp_path
):
    import redis

    need(connection.vendor == "postgresql", "PostgreSQL (the worker runs in another process)")
    redis.Redis.from_url(redis_url).flushdb()
    total = 40
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "BROKER_VISIBILITY_TIMEOUT": "4",
        "LEMMAS_WARM": "false",
        "XAPI_LRS_URL": ralph.url,
        "XAPI_LRS_USERNAME": USERNAME,
        "XAPI_LRS_PASSWORD": PASSWORD,
        "XAPI_BATCH_SIZE": "2",
        "XAPI_SEND_DELAY": "0.3",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    from tasks.celery import app

    first = start_worker(env, log_path, "xapi-first")
    try:
        # Recorded here, kicked through Redis to the worker process.
        previous = (app.conf.task_always_eager, app.conf.broker_url)
        app.conf.task_always_eager, app.conf.broker_url = False, redis_url
        try:
            ids = record_many(total, "killed")
        finally:
            app.conf.task_always_eager, app.conf.broker_url = previous
        # Kill it when some statements are at the LRS and others are not.
        wait_or_show_log(log_path, lambda: len(ralph.stored()) >= 6, timeout=90)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        stop(first)
    at_kill = len(ralph.stored())
    assert at_kill < total, "the worker finished before it was killed"
    left_sending = Statement.objects.filter(status=StatementStatus.SENDING).count()

    second = start_worker(env, log_path, "xapi-second")
    try:
        # Beat's next run hands the rest to the new worker.
        previous = (app.conf.task_always_eager, app.conf.broker_url)
        app.conf.task_always_eager, app.conf.broker_url = False, redis_url
        try:
            app.send_task("xapi.deliver")
        finally:
            app.conf.task_always_eager, app.conf.broker_url = previous
        wait_or_show_log(
            log_path,
            lambda: Statement.objects.filter(status=StatementStatus.SENT).count() == total,
            timeout=120,
        )
    finally:
        stop(second)
    lost, doubled = measure(ralph, ids, "worker killed mid-delivery")
    print(f"XAPI-MEASURE at kill: stored={at_kill} left in sending={left_sending}")
    assert (lost, doubled) == (0, 0)
    assert len(ralph.stored()) == total
    if left_sending:
        assert "went back to pending" in log_path.read_text(errors="replace")
