"""The XLSX export through a real worker and real Redis: the request only records the
job; the worker writes the file; the supervisor downloads it when it is ready."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group

from audit.models import AuditAction, AuditEntry
from people import roles
from supervision.models import ExportJob
from supervision.totals import unit_totals_refresh
from tasks.supervision import build_export
from tests.courses.builders import make_course
from tests.factories import make_unit
from tests.integration.conftest import wait_for
from tests.supervision.conftest import FORMULA_NAME, complete, enrol, person

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_team_xlsx_is_built_by_the_worker(celery_worker, client, settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path
    unit = make_unit("U1", make_unit("HVA"))
    course = make_course(lessons=1, mandatory=True)
    lead = person(unit, "Esimies", "Eila")
    late = person(unit, "Aalto", "Anna", lead)
    formula = person(unit, FORMULA_NAME, "Eve", lead)
    enrol(late, course, -3)
    complete(formula, course)

    client.force_login(lead.user)
    response = client.post("/seuranta/tiimi/vienti-xlsx/", {"tila": "overdue"})
    job = ExportJob.objects.get()
    assert response["Location"] == f"/seuranta/viennit/{job.token}/"
    wait_for(lambda: ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.DONE).exists())
    job.refresh_from_db()
    assert job.rows_done == 1 and job.path.exists()

    download = client.get(f"/seuranta/viennit/{job.token}/lataa/")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active.iter_rows(
            values_only=True
        )
    )
    assert rows[0][:3] == ("Henkilönumero", "Sukunimi", "Etunimi")
    assert [row[1] for row in rows[1:]] == ["Aalto"]

    # The whole team this time: the formula-looking name comes back as text.
    client.post("/seuranta/tiimi/vienti-xlsx/", {"jarjestys": "name"})
    second = ExportJob.objects.exclude(pk=job.pk).get()
    wait_for(lambda: ExportJob.objects.filter(pk=second.pk, status=ExportJob.Status.DONE).exists())
    second.refresh_from_db()
    sheet = openpyxl.load_workbook(second.path).active
    assert sheet.cell(row=2, column=2).value == FORMULA_NAME
    assert sheet.cell(row=2, column=2).data_type == "s"
    assert sheet.cell(row=3, column=2).value == "Aalto"

    # A redelivered message finds the job done and leaves the file alone.
    modified = second.path.stat().st_mtime_ns
    build_export.delay(second.pk).get(timeout=30)
    assert second.path.stat().st_mtime_ns == modified
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT_XLSX).count() == 2


def test_county_completions_export_by_the_worker(celery_worker, client, settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path
    unit = make_unit("U1", make_unit("HVA"))
    course = make_course(lessons=1, mandatory=True)
    people = [person(unit, f"Suorittaja{n:02d}", "S") for n in range(12)]
    for someone in people:
        complete(someone, course)
    coordinator = person(unit, "Koordinaattori", "Kaisa")
    coordinator.user.groups.add(Group.objects.get(name=roles.HYTE_COORDINATOR))
    unit_totals_refresh()
    client.force_login(coordinator.user)
    response = client.post("/seuranta/alue/vienti/", {"muoto": "xlsx"})
    job = ExportJob.objects.get()
    assert response.status_code == 302
    wait_for(lambda: ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.DONE).exists())
    job.refresh_from_db()
    rows = list(openpyxl.load_workbook(job.path).active.iter_rows(values_only=True))
    # One row per unit where people work: U1, where 12 of 13 have completed.
    assert [row[0] for row in rows[1:]] == ["U1"] and rows[1][3:5] == (13, 12)
    page = client.get(f"/seuranta/viennit/{job.token}/").content.decode()
    assert "Tiedosto on valmis: 1 rivi." in page
