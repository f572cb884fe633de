"""Exports open in a spreadsheet program as plain data: formula-looking text stays text,
dates stay dates, and Finnish text survives the round trip."""

import csv
import datetime
import io

import openpyxl
import pytest

from reporting.privacy import is_reportable, suppress_small
from reporting.spreadsheets import csv_chunks, write_csv, write_xlsx

HEADERS = ["Nimi", "Yksikkö", "Suoritettu"]
ROWS = [
    ['=HYPERLINK("http://example.invalid","klikkaa")', "Kotihoito", datetime.date(2026, 3, 4)],
    ["+358401234567", "@yksikkö", None],
    ["-1+2", "\tsarkain", datetime.date(2026, 1, 31)],
    ["Äijälä\0", "Åbo", None],
    ["Tavallinen Nimi", "'lainaus", datetime.date(2025, 12, 1)],
]


def test_xlsx_keeps_formula_looking_text_as_text_and_dates_as_dates():
    buffer = io.BytesIO()
    assert write_xlsx(buffer, HEADERS, ROWS) == len(ROWS)
    buffer.seek(0)
    sheet = openpyxl.load_workbook(buffer).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADERS)
    first = sheet["A2"]
    assert first.data_type == "s"
    assert first.value == ROWS[0][0]
    assert first.quotePrefix
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == "+358401234567"
    assert sheet["A4"].data_type == "s"
    assert sheet["B4"].value == "\tsarkain"
    # NUL cannot be stored in XML: it is dropped, the rest of the name kept.
    assert sheet["A5"].value == "Äijälä"
    assert sheet["C2"].value == datetime.datetime(2026, 3, 4)
    assert sheet["C2"].is_date
    assert sheet["C3"].value is None
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_csv_prefixes_formula_looking_text_and_writes_iso_dates():
    buffer = io.BytesIO()
    assert write_csv(buffer, HEADERS, ROWS) == len(ROWS)
    data = buffer.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    assert rows[1][0].startswith("'=HYPERLINK")
    assert rows[2][:2] == ["'+358401234567", "'@yksikkö"]
    assert rows[3][:2] == ["'-1+2", "'\tsarkain"]
    assert rows[4][0] == "Äijälä"
    assert rows[5] == ["Tavallinen Nimi", "''lainaus", "2025-12-01"]
    for row in rows[1:]:
        assert not row[0].startswith(("=", "+", "-", "@", "\t"))


def test_csv_is_produced_line_by_line():
    def endless():
        number = 0
        while True:
            number += 1
            yield [f"Henkilö {number}", "Yksikkö", None]

    chunks = csv_chunks(HEADERS, endless())
    first = [next(chunks) for _ in range(3)]
    assert first[2] == "Henkilö 2;Yksikkö;\r\n".encode()


@pytest.mark.parametrize(("size", "shown"), [(None, False), (0, False), (4, False), (5, True)])
def test_small_groups_are_hidden(size, shown):
    assert is_reportable(size) is shown
    assert suppress_small(4.2, size) == (4.2 if shown else None)
