"""The task writing an export gets time limits sized from the rows counted before it
starts, and one that meets its soft limit anyway keeps nothing and says why in the
owner's language."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.auth.models import Group

from supervision import exports, services
from supervision.models import ExportJob
from tasks import supervision as tasks
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path
    settings.EXPORT_TIME_LIMIT_BASE_SECONDS = 300
    settings.EXPORT_TIME_LIMIT_PER_1000_ROWS = 1.0
    owner = UserFactory()
    owner.groups.add(Group.objects.get(name="hr_admin"))
    return ExportJob.objects.create(owner=owner, kind="completions", file_format="xlsx")


def _rows(count):
    def rows(_completions):
        for number in range(count):
            yield [str(number), "Aalto"]

    return rows


def test_limits_grow_with_the_rows():
    assert services.export_time_limits(0).soft == 300
    assert services.export_time_limits(300_000).soft == 600
    assert services.export_time_limits(2_000_000).soft == 2300
    limits = services.export_time_limits(1)
    assert limits.soft == 301 and limits.hard > limits.soft


def test_the_writing_task_is_sent_with_limits_sized_from_the_counted_rows(job, monkeypatch):
    class Counted:
        def count(self):
            return 450_000

    monkeypatch.setattr(exports, "completions_queryset", lambda **_: Counted())
    sent = []
    monkeypatch.setattr(tasks.write_export, "apply_async", lambda **options: sent.append(options))
    assert tasks.build_export(job.pk) == "planned"
    assert sent == [{"args": [job.pk], "soft_time_limit": 750, "time_limit": 810}]
    job.refresh_from_db()
    assert job.rows_total == 450_000 and job.status == ExportJob.Status.QUEUED


def test_a_job_no_longer_queued_is_not_planned_again(job, monkeypatch):
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.DONE)
    sent = []
    monkeypatch.setattr(tasks.write_export, "apply_async", lambda **options: sent.append(options))
    assert tasks.build_export(job.pk) is None
    assert sent == []


def test_the_plan_and_the_write_make_the_file(job, monkeypatch):
    monkeypatch.setattr(exports, "completion_rows", _rows(7))
    tasks.build_export(job.pk)  # tests run tasks eagerly: the write follows at once
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.rows_done == 7
    assert job.path.exists()


def test_a_job_at_its_soft_limit_keeps_nothing_and_says_why(job, monkeypatch, client):
    def slow(_completions):
        yield ["1", "Aalto"]
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(exports, "completion_rows", slow)  # and no completions: 300 s
    assert tasks.write_export(job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert job.error.startswith("Vienti keskeytettiin, koska se kesti yli 5 minuuttia.")
    assert not job.file_name
    assert [path for path in job.work_folder.parent.parent.rglob("*") if path.is_file()] == []
    client.force_login(job.owner)
    page = client.get(f"/seuranta/viennit/{job.token}/").content.decode()
    assert "kesti yli 5 minuuttia" in page


def test_an_unexpected_failure_is_logged_and_its_owner_told_only_that(job, monkeypatch):
    def broken(_completions):
        yield ["1", "Aalto"]
        raise RuntimeError("connection to server at 10.0.0.5 lost")

    monkeypatch.setattr(exports, "completion_rows", broken)
    with pytest.raises(RuntimeError):
        tasks.write_export(job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert job.error.startswith("Vienti epäonnistui.") and "10.0.0.5" not in job.error
