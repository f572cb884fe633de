"""County exports hold figures per unit, with units of fewer than five people hidden;
one row per person only for HR admins."""

import io

import openpyxl
import pytest

from supervision.models import ExportJob
from supervision.totals import unit_totals_refresh
from tests.factories import make_unit
from tests.supervision.conftest import complete, enrol, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_unit(county):
    """Six more people in S2-1 with the mandatory course, two of them done."""
    unit = county["other_unit"]
    for n in range(6):
        someone = person(unit, f"Lisä{n}", "L")
        enrol(someone, county["mandatory"], 30)
        if n < 2:
            complete(someone, county["mandatory"])
    return unit


def export(client, captured, **data):
    with captured(execute=True):
        response = client.post("/seuranta/alue/vienti/", {"muoto": "xlsx", **data})
    return response, ExportJob.objects.order_by("-pk").first()


def rows_of(job):
    workbook = openpyxl.load_workbook(io.BytesIO(job.path.read_bytes()))
    return list(workbook.active.iter_rows(values_only=True))


def test_a_hyte_coordinator_gets_figures_per_unit_with_small_units_hidden(
    county, big_unit, as_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.EXPORT_ROOT = tmp_path
    unit_totals_refresh()
    client = as_user(county["holders"]["hyte_coordinator"])
    response, job = export(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and job.kind == ExportJob.Kind.COUNTY
    header, *rows = rows_of(job)
    assert header[:4] == ("Yksikkökoodi", "Yksikkö", "Koulutus", "Vaaditaan")
    by_code = {row[0]: row for row in rows}
    # S2-1: Maija, Ville, five role holders and six more = 13 required, 2 done, Ville late.
    # The completion rate is a number formatted as a percentage (15 %).
    assert by_code["S2-1"][3:] == (13, 2, 1, 0.15)
    # S1-1 has four people, S1-2 two: no figures.
    assert by_code["S1-1"][3:] == (None, None, None, None)
    assert by_code["S1-2"][3:] == (None, None, None, None)
    names = {county["anna"].user.last_name, county["cai"].user.last_name}
    assert not any(name in str(cell) for row in rows for cell in row for name in names)
    assert not any(str(county["anna"].employee_number) == str(cell) for row in rows for cell in row)


def test_a_hyte_coordinator_cannot_ask_for_rows_per_person(county, as_user):
    client = as_user(county["holders"]["hyte_coordinator"])
    response = client.post("/seuranta/alue/vienti/", {"muoto": "csv", "taso": "henkilot"})
    assert response.status_code == 403
    assert not ExportJob.objects.exists()
    page = client.get("/seuranta/alue/").content.decode()
    assert "Vie yksiköittäin (XLSX)" in page and "Vie henkilöittäin" not in page


def test_hr_may_export_rows_per_person(
    county, as_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.EXPORT_ROOT = tmp_path
    client = as_user(county["holders"]["hr_admin"])
    assert "Vie henkilöittäin (XLSX)" in client.get("/seuranta/alue/").content.decode()
    response, job = export(client, django_capture_on_commit_callbacks, taso="henkilot")
    assert job.kind == ExportJob.Kind.COMPLETIONS and job.status == ExportJob.Status.DONE
    assert rows_of(job)[0][:2] == ("Henkilönumero", "Sukunimi")


def test_a_person_level_job_owned_by_someone_else_is_not_built(county, settings, tmp_path):
    from supervision.services import export_job_build

    settings.EXPORT_ROOT = tmp_path
    job = ExportJob.objects.create(
        owner=county["holders"]["hyte_coordinator"].user,
        kind=ExportJob.Kind.COMPLETIONS,
        file_format="csv",
    )
    with pytest.raises(PermissionError):
        export_job_build(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_the_summary_reads_the_precomputed_totals_in_few_queries(
    county, as_user, settings, tmp_path, django_assert_max_num_queries
):
    from supervision.exports import county_summary_queryset, county_summary_rows

    for n in range(20):
        make_unit(f"X{n}", county["other_sector"])
    unit_totals_refresh()
    with django_assert_max_num_queries(2):
        rows = list(county_summary_rows(county_summary_queryset(unit=None, course_id=None)))
    assert len(rows) >= 3
