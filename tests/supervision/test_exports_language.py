"""Exports read in the reader's language: unit, job role and course names, and the file
name, the same rule for the CSV streamed in the request and the file a task builds."""

import openpyxl
import pytest
from django.utils import timezone

from reporting.filenames import export_filename
from supervision.models import ExportJob
from tests.supervision.conftest import in_swedish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path


def test_per_person_export_names_units_roles_and_courses_in_the_readers_language(
    county, as_user, django_capture_on_commit_callbacks
):
    in_swedish(county)
    hr = county["holders"]["hr_admin"]
    hr.language = "sv"
    hr.save()
    client = as_user(hr)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/seuranta/alue/vienti/",
            {"yksikko": county["sector"].pk, "muoto": "xlsx", "taso": "henkilot"},
        )
    job = ExportJob.objects.get()
    rows = list(openpyxl.load_workbook(job.path).active.iter_rows(values_only=True))
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Dahl"][4:7] == ("Hemvården S1-2", "Socialhandledare", "Hyte-grunder")
    download = client.get(f"/seuranta/viennit/{job.token}/lataa/")
    day = timezone.localtime(job.created_at).date()
    assert (
        f'filename="avklarade-utbildningar-{day:%Y-%m-%d}.xlsx"'
        in (download["Content-Disposition"])
    )


@pytest.mark.parametrize(
    ("language", "name"), [("fi", "tiimin-tilanne"), ("sv", "teamets-lage"), ("en", "team-status")]
)
def test_team_csv_and_xlsx_have_one_name_in_the_readers_language(
    county, as_user, language, name, django_capture_on_commit_callbacks
):
    lead = county["lead"]
    lead.language = language
    lead.save()
    client = as_user(lead)
    today = timezone.localdate()
    csv = client.get("/seuranta/tiimi/vienti.csv")
    assert csv["Content-Disposition"] == f'attachment; filename="{name}-{today:%Y-%m-%d}.csv"'
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/seuranta/tiimi/vienti-xlsx/", {})
    job = ExportJob.objects.get()
    download = client.get(f"/seuranta/viennit/{job.token}/lataa/")
    day = timezone.localtime(job.created_at).date()
    expected = export_filename(name=name, extension="xlsx", day=day)
    assert f'filename="{expected}"' in download["Content-Disposition"]


def test_team_csv_names_courses_in_the_readers_language(county, as_user):
    in_swedish(county)
    lead = county["lead"]
    lead.language = "sv"
    lead.save()
    response = as_user(lead).get("/seuranta/tiimi/vienti.csv")
    header = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert "Hyte-grunder" in header and "Hyte-perusteet" not in header
