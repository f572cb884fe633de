"""Uploads are bounded before they are parsed: an XLSX that would unpack too large (a
zip bomb) is refused from the zip's directory alone, quickly and in little memory; a
file with too many rows is refused; a page lists at most 200 problems and counts the
rest. Both the HR import and the activity import read through the same reader."""

import io
import time
import tracemalloc

import pytest
from django.template.loader import render_to_string
from openpyxl import Workbook

from people import services
from people.hr_import.reading import FileRejected, Problem, check_unpacked_size, read_rows
from phrases import activity_import
from tests.people.zip_bomb import make_xlsx_bomb

HEADER = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return make_xlsx_bomb(48 * 1024 * 1024)


def _refusal(problems) -> str:
    assert len(problems) == 1, problems
    return str(problems[0])


def test_a_zip_bomb_is_refused_within_a_second_in_little_memory(bomb):
    assert len(bomb) < 400 * 1024  # a few hundred kilobytes that unpack to 48 MB
    tracemalloc.start()
    started = time.perf_counter()
    preview = services.employee_import_preview(name="henkilöt.xlsx", content=bomb)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "purkautuisi liian suureksi" in _refusal(preview.problems)
    assert preview.run is None
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024  # the upload itself is not even copied


def test_the_activity_import_refuses_the_bomb_too(bomb):
    plan = activity_import.build_plan(name="toiminnat.xlsx", content=bomb)
    assert "purkautuisi liian suureksi" in _refusal(plan.problems)


def test_a_bomb_within_the_total_is_refused_for_its_ratio(settings, bomb):
    settings.HR_IMPORT_MAX_UNPACKED_BYTES = 10**12
    with pytest.raises(FileRejected):
        check_unpacked_size(bomb)
    settings.HR_IMPORT_MAX_RATIO = 10**6
    check_unpacked_size(bomb)  # only the two rules refuse it


def test_the_total_unpacked_size_is_a_setting(settings):
    workbook = Workbook()
    for number in range(2000):
        workbook.active.append([number, "Aino", "Aalto", f"a{number}@hva.example"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    check_unpacked_size(buffer.getvalue())  # an ordinary workbook passes
    settings.HR_IMPORT_MAX_UNPACKED_BYTES = 50 * 1024
    with pytest.raises(FileRejected):
        check_unpacked_size(buffer.getvalue())


def test_a_file_with_more_rows_than_the_setting_is_refused(settings):
    settings.HR_IMPORT_MAX_ROWS = 3
    rows = "".join(f"{n};Aino;Aalto;a{n}@hva.example;U1;SH;;1.1.2026;;fi\n" for n in range(4))
    with pytest.raises(FileRejected) as refused:
        read_rows(name="h.csv", content=f"{HEADER}\n{rows}".encode())
    assert "enintään 3 riviä" in str(refused.value)
    three = "".join(f"{n};Aino;Aalto;a{n}@hva.example;U1;SH;;1.1.2026;;fi\n" for n in range(3))
    assert len(read_rows(name="h.csv", content=f"{HEADER}\n{three}".encode()).rows) == 3


def test_the_problem_list_shows_the_first_200_and_counts_the_rest():
    problems = [Problem("Sähköposti puuttuu.", line) for line in range(2, 302)]
    html = render_to_string("people/admin/_problems.html", {"problems": problems})
    assert html.count("<li>") == 200
    assert "Rivi 201:" in html and "Rivi 202:" not in html
    assert "Lisäksi 100 muuta virhettä" in html
    assert "300 virhettä" in html
