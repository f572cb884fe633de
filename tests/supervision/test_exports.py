"""Exports of the current view: CSV streamed in the request, XLSX built by the task
into a file the user downloads; Finnish headers, dates as dates, a formula-looking
name stored as text, an audit entry for each."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from audit.models import AuditAction
from supervision.models import ExportJob
from tests.supervision.conftest import FORMULA_NAME, logged_actions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path


def test_csv_of_the_filtered_view(county, as_user):
    response = as_user(county["lead"]).get("/seuranta/tiimi/vienti.csv?tila=overdue")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="tiimin-tilanne-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0][:9] == [
        "Henkilönumero",
        "Sukunimi",
        "Etunimi",
        "Yksikkö",
        "Tehtävänimike",
        "Aloituspäivä",
        "Perehdytys tehty",
        "Perehdytys yhteensä",
        "Tila",
    ]
    assert "Hyte-perusteet: määräpäivä" in lines[0]
    assert [line[1] for line in lines[1:]] == ["Aalto"]
    due = lines[1][lines[0].index("Hyte-perusteet: määräpäivä")]
    assert due == (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    entry = logged_actions().get()
    assert entry.action == AuditAction.EXPORT_CSV and entry.detail["tila"] == "overdue"


def test_csv_writes_a_formula_looking_name_as_text(county, as_user):
    response = as_user(county["lead"]).get("/seuranta/tiimi/vienti.csv?haku=eve")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert row[1] == "'" + FORMULA_NAME


def test_xlsx_is_built_by_the_task_and_downloaded_when_ready(
    county, as_user, django_capture_on_commit_callbacks
):
    client = as_user(county["lead"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/seuranta/tiimi/vienti-xlsx/", {"jarjestys": "name"})
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/seuranta/viennit/{job.token}/"
    assert job.status == ExportJob.Status.DONE and job.rows_done == 5
    page = client.get(response["Location"]).content.decode()
    assert "Tiedosto on valmis: 5 riviä." in page
    status = client.get(f"/seuranta/viennit/{job.token}/tila/").json()
    assert status["status"] == "done" and status["percent"] == 100

    download = client.get(f"/seuranta/viennit/{job.token}/lataa/")
    assert download.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert headers[:3] == ("Henkilönumero", "Sukunimi", "Etunimi")
    assert [row[1] for row in rows[1:]] == [FORMULA_NAME, "Aalto", "Berg", "Carlsson", "Dahl"]
    formula_cell = sheet.cell(row=2, column=2)
    assert formula_cell.data_type == "s" and formula_cell.value == FORMULA_NAME
    assert isinstance(rows[2][headers.index("Aloituspäivä")], datetime.datetime)
    due = rows[2][headers.index("Hyte-perusteet: määräpäivä")]
    assert due.date() == timezone.localdate() - datetime.timedelta(days=5)
    actions = list(logged_actions().order_by("pk").values_list("action", flat=True))
    assert actions == [AuditAction.EXPORT_XLSX, AuditAction.DOWNLOAD_EXPORT]


def test_someone_elses_export_answers_404(county, as_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        as_user(county["lead"]).post("/seuranta/tiimi/vienti-xlsx/", {})
    job = ExportJob.objects.get()
    other = as_user(county["other_lead"])
    for suffix in ("", "tila/", "lataa/"):
        assert other.get(f"/seuranta/viennit/{job.token}/{suffix}").status_code == 404


def test_a_large_team_csv_goes_to_the_task(
    county, as_user, monkeypatch, django_capture_on_commit_callbacks
):
    from supervision import exports

    monkeypatch.setattr(exports, "STREAMED_ROWS_MAX", 3)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(county["lead"]).get("/seuranta/tiimi/vienti.csv")
    job = ExportJob.objects.get()
    assert response.status_code == 302 and job.file_format == "csv"
    assert job.status == ExportJob.Status.DONE and job.path.read_bytes().count(b"\r\n") == 6


def test_hr_exports_county_completions_per_person_in_a_task(
    county, as_user, django_capture_on_commit_callbacks
):
    client = as_user(county["holders"]["hr_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/seuranta/alue/vienti/",
            {"yksikko": county["sector"].pk, "muoto": "xlsx", "taso": "henkilot"},
        )
    job = ExportJob.objects.get()
    assert response["Location"] == f"/seuranta/viennit/{job.token}/"
    rows = list(openpyxl.load_workbook(job.path).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Henkilönumero", "Sukunimi")
    # Cai's and Dan's completions are in the sector; nobody outside it.
    assert sorted(row[1] for row in rows[1:]) == ["Carlsson", "Dahl"]
    assert isinstance(rows[1][7], datetime.datetime)
    assert logged_actions().get().action == AuditAction.EXPORT_XLSX


def test_export_files_are_kept_outside_the_public_media_folder(settings):
    """Media may be served to anyone with the address; exports hold personal data."""
    from pathlib import Path

    export_root = Path(settings.EXPORT_ROOT).resolve()
    assert not export_root.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_an_export_over_the_row_limit_fails_with_a_message_before_writing(
    county, as_user, settings, django_capture_on_commit_callbacks
):
    """A larger export than EXPORT_MAX_ROWS is refused when its rows are counted, before
    anything is written, and its owner is told why on the job's page."""
    settings.EXPORT_MAX_ROWS = 1
    client = as_user(county["holders"]["hr_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/seuranta/alue/vienti/",
            {"yksikko": county["sector"].pk, "muoto": "xlsx", "taso": "henkilot"},
        )
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.FAILED and "enintään 1. Rajaa vientiä" in job.error
    assert job.attempts == 0 and not job.file_name
    assert "Rajaa vientiä" in client.get(f"/seuranta/viennit/{job.token}/").content.decode()


def test_employee_numbers_stay_text_in_both_formats(
    county, as_user, django_capture_on_commit_callbacks
):
    from people.models import Employee

    Employee.objects.filter(pk=county["cai"].pk).update(employee_number="000123")
    client = as_user(county["holders"]["hr_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/seuranta/alue/vienti/",
            {"yksikko": county["sector"].pk, "muoto": "xlsx", "taso": "henkilot"},
        )
    sheet = openpyxl.load_workbook(ExportJob.objects.get().path).active
    numbers = {row[0].value: row[0].data_type for row in sheet.iter_rows(min_row=2)}
    assert numbers["000123"] == "s"
