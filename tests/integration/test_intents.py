"""Follow-up work recorded as task intents survives a broker outage: with the test's own
Redis stopped at commit time, the export request, the HR import and the course
completion all succeed for the user; the work waits in the database; once Redis is back
the relay (what beat runs every minute) hands it over and a real worker does it."""

import os
import shutil
import time

import pytest
from django.db import connection

from courses import services as course_services
from intents.models import TaskIntent
from onboarding.models import ChecklistItem, ChecklistTemplate, ItemKind, TemplateItem
from people import services as people_services
from people.models import Employee
from supervision.models import ExportJob
from tests.conftest import need
from tests.courses.builders import lessons_of, make_course
from tests.factories import make_unit
from tests.integration.processes import (
    OwnRedis,
    database_url,
    start_worker,
    stop,
    wait_or_show_log,
)
from tests.supervision.conftest import person

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"


def _row(employee: Employee, unit_code: str | None = None) -> str:
    user = employee.user
    supervisor = employee.supervisor.employee_number if employee.supervisor else ""
    return ";".join(
        [
            employee.employee_number,
            user.first_name,
            user.last_name,
            user.email,
            unit_code or employee.unit.code,
            employee.job_role.code,
            supervisor,
            employee.start_date.strftime("%d.%m.%Y"),
            "",
            employee.ui_language,
        ]
    )


@pytest.fixture
def broker_app(monkeypatch):
    """The Celery app of this process, publishing for real (not eagerly) to the broker
    a test names with `use_broker`."""
    from tasks.celery import app

    def forget_connections():
        # The next publish connects to the broker_url set now.
        app._pool = None
        app.amqp._producer_pool = None

    def use_broker(url: str) -> None:
        # Celery reads CELERY_BROKER_URL from the environment before its own setting.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        app.conf.broker_url = url
        forget_connections()

    previous = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.use_broker = use_broker
    forget_connections()
    try:
        yield app
    finally:
        app.conf.task_always_eager, app.conf.broker_url = previous
        del app.use_broker
        forget_connections()


def test_work_committed_while_redis_is_down_is_done_once_it_is_back(
    broker_app, client, settings, tmp_path
):
    need(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    need(shutil.which("redis-server") is not None, "redis-server")
    settings.EXPORT_ROOT = tmp_path / "exports"
    redis = OwnRedis(tmp_path / "redis")
    broker_app.use_broker(redis.url)

    area = make_unit("HVA")
    home = make_unit("U1", area)
    make_unit("U2", area)
    course = make_course(lessons=1)
    template = ChecklistTemplate(name="Kaikille")
    template.items.add(
        TemplateItem(kind=ItemKind.COURSE, title="Hyte-perusteet", course=course, sort_order=0)
    )
    template.items.add(TemplateItem(kind=ItemKind.TASK, title="Hae avaimet", sort_order=1))
    template.save()
    lead = person(home, "Esimies", "Eila")
    mover = person(home, "Aalto", "Aino", lead)
    for employee in (lead, mover):
        employee.user.email = f"{employee.employee_number}@hva.example"
        employee.user.save()

    redis.start()
    redis.stop()  # down at commit time
    worker = None
    try:
        # The user sees success each time, not a server error.
        client.force_login(lead.user)
        started = time.perf_counter()
        response = client.post("/seuranta/tiimi/vienti-xlsx/", {})
        assert response.status_code == 302
        assert time.perf_counter() - started < 3  # the broker being down costs little
        job = ExportJob.objects.get()

        content = f"{HEADER}\n{_row(lead)}\n{_row(mover, 'U2')}\n".encode()
        preview = people_services.employee_import_preview(name="h.csv", content=content)
        assert preview.ok, preview.problems
        people_services.employee_import_apply(run=preview.run)
        course_services.lesson_complete(employee=mover, lesson=lessons_of(course)[0])

        waiting = list(TaskIntent.objects.filter(handed_at__isnull=True).values_list("task"))
        assert sorted(task for (task,) in waiting) == [
            "onboarding.build_checklists",
            "onboarding.tick_course_items",
            "supervision.build_export",
        ]
        assert TaskIntent.objects.filter(attempts=0).count() == 0  # the kick was tried

        redis.start()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": redis.url,
            "REDIS_URL": redis.url,
            "EXPORT_ROOT": str(settings.EXPORT_ROOT),
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        log = tmp_path / "worker.log"
        worker = start_worker(env, log, "intents-outage")
        broker_app.send_task("intents.relay")  # what beat sends every minute

        wait_or_show_log(
            log,
            lambda: (
                ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.DONE).exists()
                and ChecklistItem.objects.filter(
                    checklist__employee=mover, kind=ItemKind.COURSE, done_at__isnull=False
                ).exists()
            ),
        )
        assert ChecklistItem.objects.filter(checklist__employee=mover).count() == 2
        assert not TaskIntent.objects.filter(handed_at__isnull=True).exists()

        # The relay again (a second beat, a redelivery): nothing is handed over twice.
        broker_app.send_task("intents.relay")
        handed = TaskIntent.objects.values_list("attempts", flat=True)
        assert all(attempts == 2 for attempts in handed)  # one failed kick, one hand-over
    finally:
        if worker is not None:
            stop(worker)
        redis.stop()
