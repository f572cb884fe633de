"""Stalled export jobs: retried once, then failed with a Finnish message; leftover
temporary files are removed by the recovery and by the purge."""

import datetime
import os
import time

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from intents.models import TaskIntent
from supervision import services
from supervision.models import ExportJob
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path
    settings.EXPORT_STALL_MINUTES = 10
    # Person-level county exports are for HR admins only.
    owner = UserFactory()
    owner.groups.add(Group.objects.get(name="hr_admin"))
    job = ExportJob.objects.create(owner=owner, kind="completions", file_format="xlsx")
    job.work_folder.mkdir(parents=True)
    (job.work_folder / "openpyxl.abc.xml").write_text("<sheetData/>")
    return job


def _stall(job, status, attempts):
    ExportJob.objects.filter(pk=job.pk).update(
        status=status,
        attempts=attempts,
        heartbeat_at=timezone.now() - datetime.timedelta(minutes=11),
    )


def test_a_fresh_running_job_is_left_alone(job):
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, attempts=1)
    assert services.export_jobs_recover_stalled() == {"retried": 0, "failed": 0, "requeued": 0}
    assert job.work_folder.exists()


def test_a_stalled_job_is_retried_once_then_failed(job):
    _stall(job, ExportJob.Status.RUNNING, 1)
    assert services.export_jobs_recover_stalled()["retried"] == 1
    job.refresh_from_db()
    assert job.status == ExportJob.Status.QUEUED
    assert job.error.startswith("Vienti keskeytyi, koska se ei edistynyt 10 minuuttiin")
    assert not job.work_folder.exists()
    assert TaskIntent.objects.filter(task="supervision.build_export", args=[job.pk]).exists()

    _stall(job, ExportJob.Status.RUNNING, 2)
    assert services.export_jobs_recover_stalled()["failed"] == 1
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert "eikä uusi yritys onnistunut" in job.error


def test_a_queued_job_whose_message_was_lost_is_handed_over_again(job):
    _stall(job, ExportJob.Status.QUEUED, 0)
    assert services.export_jobs_recover_stalled()["requeued"] == 1
    assert TaskIntent.objects.filter(task="supervision.build_export").count() == 1


def test_the_purge_removes_temporary_files_of_no_live_job(job, settings, tmp_path):
    stale_part = tmp_path / "old.xlsx.part"
    stale_part.write_bytes(b"PK")
    orphan = tmp_path / "tmp" / "xlsx-orphan"
    orphan.mkdir(parents=True)
    long_ago = time.time() - 3600
    for path in (stale_part, orphan, job.work_folder):
        os.utime(path, (long_ago, long_ago))
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING)
    services.export_jobs_purge()
    assert not stale_part.exists() and not orphan.exists()
    assert job.work_folder.exists()  # its job still runs
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.FAILED)
    services.export_jobs_purge()
    assert not job.work_folder.exists()


def test_a_failed_build_leaves_no_temporary_file(job, monkeypatch):
    from supervision import exports

    def broken(_completions):
        yield ["1", "Aalto"]
        raise RuntimeError("database went away")

    monkeypatch.setattr(exports, "completion_rows", broken)
    with pytest.raises(RuntimeError):
        services.export_job_build(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert not job.work_folder.exists()
    leftovers = [p for p in (job.work_folder.parent.parent).rglob("*") if p.is_file()]
    assert leftovers == []
