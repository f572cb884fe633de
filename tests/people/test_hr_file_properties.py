"""Properties of the staff-file reader (hypothesis): any bytes under any name are read or
refused with FileRejected, never a crash; a CSV or XLSX written from rows reads back to
the same values."""

import contextlib
import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from people.hr_import.columns import COLUMNS
from people.hr_import.reading import FileRejected, read_rows

FIELDS = list(COLUMNS)
HEADER = [str(COLUMNS[name][1][0]) for name in FIELDS]
NAMES = st.sampled_from(["h.csv", "h.CSV", "h.txt", "h.xlsx", "h.xls", "h", "h.csv.exe"])
# Cell text as HR systems write it: any character but NUL and surrogates.
CELL = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]),
    max_size=30,
)
ROW = st.fixed_dictionaries(dict.fromkeys(FIELDS, CELL)).filter(
    lambda row: row["employee_number"].strip()
)

pytestmark = pytest.mark.django_db  # gettext of the problems reads the settings only


def _valid_xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(["1", "Aino", "Aalto", "a@x.example", "U1", "SH", "", "1.1.2025"])
    target = io.BytesIO()
    workbook.save(target)
    return target.getvalue()


VALID_XLSX = _valid_xlsx()


def _without_sheets() -> bytes:
    """A workbook whose list of sheets is empty (found by fuzzing: it answered 500)."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(VALID_XLSX))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
            copy.writestr(item, data)
    return target.getvalue()


def test_a_workbook_without_sheets_is_refused():
    with pytest.raises(FileRejected):
        read_rows(name="h.xlsx", content=_without_sheets())


@st.composite
def damaged_xlsx(draw) -> bytes:
    """A real workbook cut short or with bytes overwritten: reaches the XLSX reader."""
    content = bytearray(VALID_XLSX)
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(content) - 1))
        content[position] = draw(st.integers(0, 255))
    return bytes(content[: draw(st.integers(4, len(content)))])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    NAMES,
    st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=500).map(lambda tail: b"PK\x03\x04" + tail),
        damaged_xlsx(),
    ),
)
def test_any_bytes_are_read_or_refused_never_a_crash(name, content):
    try:
        result = read_rows(name=name, content=content)
    except FileRejected as rejected:
        assert str(rejected.problem)
        return
    assert all(isinstance(line, int) and line >= 2 for line, _values in result.rows)


@settings(max_examples=300, deadline=None)
@given(NAMES.filter(lambda name: not name.endswith("xlsx")), st.text(max_size=500))
def test_any_text_as_csv_is_read_or_refused_never_a_crash(name, text):
    with contextlib.suppress(FileRejected):
        read_rows(name=name, content=text.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=10))
def test_a_csv_written_from_rows_reads_back_to_them(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([row[name] for name in FIELDS])
    result = read_rows(name="henkilot.csv", content=buffer.getvalue().encode("utf-8"))
    assert not result.problems
    kept = [row for row in rows if any(value.strip() for value in row.values())]
    assert [values for _line, values in result.rows] == [
        {name: row[name].strip() for name in FIELDS} for row in kept
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROW, min_size=1, max_size=5))
def test_an_xlsx_written_from_rows_reads_back_to_them_formulas_as_text(rows):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    rows = [
        {name: ILLEGAL_CHARACTERS_RE.sub("", value) for name, value in row.items()} for row in rows
    ]
    rows = [row for row in rows if row["employee_number"].strip()]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([row[name] for name in FIELDS])
    target = io.BytesIO()
    workbook.save(target)
    if not rows:
        with pytest.raises(FileRejected):
            read_rows(name="henkilot.xlsx", content=target.getvalue())
        return
    result = read_rows(name="henkilot.xlsx", content=target.getvalue())
    assert [values for _line, values in result.rows] == [
        {name: row[name].strip() for name in FIELDS} for row in rows
    ]
