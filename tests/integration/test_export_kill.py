"""A worker SIGKILLed in the middle of an XLSX export: the job does not stay "running"
for ever, it is started again once and finishes; no temporary file is left anywhere
(not under EXPORT_ROOT, not in the worker's system temporary folder)."""

import os
import signal
import time

import pytest
import redis
from django.contrib.auth.models import Group
from django.db import connection

from courses.models import CourseCompletion
from supervision import services
from supervision.models import ExportJob
from tests.conftest import need
from tests.courses.builders import make_course
from tests.factories import make_unit
from tests.integration.processes import database_url, start_worker, stop, wait_or_show_log
from tests.integration.test_intents import broker_app  # noqa: F401 (a fixture)
from tests.supervision.conftest import person

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROWS = 400


def _files(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_a_killed_export_is_retried_and_leaves_no_temporary_file(
    broker_app,  # noqa: F811
    redis_url,
    settings,
    tmp_path,
):
    need(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    redis.Redis.from_url(redis_url).flushdb()
    broker_app.use_broker(redis_url)
    exports_root = tmp_path / "exports"
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    settings.EXPORT_ROOT = exports_root
    settings.EXPORT_STALL_MINUTES = 0.05  # 3 s

    unit = make_unit("U1", make_unit("HVA"))
    course = make_course(lessons=1)
    hr = person(unit, "Henkilöstö", "Heli")
    # Person-level county exports are for HR admins only.
    hr.user.groups.add(Group.objects.get(name="hr_admin"))
    learner = person(unit, "Aalto", "Aino")
    CourseCompletion.objects.bulk_create(
        CourseCompletion(
            employee=learner,
            course=course,
            course_title=course.title,
            completed_at="2026-01-01T10:00:00Z",
            cycle=cycle,
        )
        for cycle in range(1, ROWS + 1)
    )

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": redis_url,
        "EXPORT_ROOT": str(exports_root),
        "HYTEOPAS_TEST_IMPORTS": "tests.integration.slow_exports",
        "EXPORT_ROW_DELAY": "0.02",
        "TMPDIR": str(system_tmp),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    log = tmp_path / "worker.log"
    first = start_worker(env, log, "export-kill-1")
    second = None
    try:
        job = services.export_job_create(
            owner=hr.user, kind=ExportJob.Kind.COMPLETIONS, file_format="xlsx", parameters={}
        )
        work = job.work_folder
        # Killed while the rows are being written into the .part file (the writer
        # makes no other temporary file).
        wait_or_show_log(
            log,
            lambda: work.exists() and any(name.endswith(".part") for name in os.listdir(work)),
        )
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        job.refresh_from_db()
        assert job.status == ExportJob.Status.RUNNING
        assert _files(exports_root)  # what the killed run left

        time.sleep(settings.EXPORT_STALL_MINUTES * 60 + 0.5)
        second = start_worker(env, log, "export-kill-2")
        # What beat runs every minute.
        assert services.export_jobs_recover_stalled()["retried"] == 1
        wait_or_show_log(
            log,
            lambda: ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.DONE).exists(),
        )
        job.refresh_from_db()
        assert job.attempts == 2
        assert job.rows_done == ROWS
        assert job.error.startswith("Vienti keskeytyi")
        assert _files(exports_root) == [job.file_name]
        assert _files(system_tmp) == []
    finally:
        stop(first, signal.SIGKILL)
        if second is not None:
            stop(second)
