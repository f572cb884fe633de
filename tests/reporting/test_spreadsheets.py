"""Exports open in a spreadsheet program as plain data: formula-looking text stays text,
dates stay dates, and Finnish text survives the round trip."""

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
from django.utils import timezone, translation

from reporting.privacy import is_reportable, suppress_small
from reporting.spreadsheets import (
    Identifier,
    Percent,
    Rating,
    csv_chunks,
    write_csv,
    write_xlsx,
)
from tests.reporting.libreoffice import open_in_calc

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


# --- types: numbers are numbers, identifiers stay text ---------------------------------

TYPED_HEADERS = ["Henkilönumero", "Nimi", "Keskiarvo", "Osuus", "Pisteet", "Määrä", "Alkaa"]
STARTS = datetime.datetime(2026, 12, 13, 13, 0, tzinfo=datetime.UTC)  # 15.00 in Helsinki
TYPED_ROWS = [
    [Identifier("00123"), "=1+1", Rating(4.1), Percent(58), 87.5, 12, STARTS],
    [Identifier("A-77"), "Åsa", Rating(None), Percent(None), None, 0, None],
]


def test_xlsx_writes_numbers_with_formats_and_identifiers_as_text():
    buffer = io.BytesIO()
    write_xlsx(buffer, TYPED_HEADERS, TYPED_ROWS)
    buffer.seek(0)
    sheet = openpyxl.load_workbook(buffer).active
    assert sheet["A2"].value == "00123" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == "=1+1" and sheet["B2"].quotePrefix
    assert sheet["C2"].value == 4.1 and sheet["C2"].data_type == "n"
    assert sheet["C2"].number_format == "0.0"
    assert sheet["D2"].value == 0.58 and sheet["D2"].data_type == "n"
    assert "%" in sheet["D2"].number_format
    assert sheet["E2"].value == 87.5 and sheet["F2"].value == 12
    assert sheet["G2"].value == datetime.datetime(2026, 12, 13, 15, 0) and sheet["G2"].is_date
    assert [sheet[f"{c}3"].value for c in "ACDEF"] == ["A-77", None, None, None, 0]


@pytest.mark.parametrize(
    ("language", "rating", "share", "score"),
    [
        ("fi", "4,1", "58 %", "87,5"),
        ("sv", "4,1", "58 %", "87,5"),
        ("en", "4.1", "58%", "87.5"),
    ],
)
def test_csv_numbers_follow_the_readers_language(language, rating, share, score):
    with translation.override(language):
        data = b"".join(csv_chunks(TYPED_HEADERS, TYPED_ROWS)).decode("utf-8-sig")
    first, second = list(csv.reader(io.StringIO(data), delimiter=";"))[1:]
    assert first == ['="00123"', "'=1+1", rating, share, score, "12", "2026-12-13 15:00"]
    assert second == ["A-77", "Åsa", "", "", "", "0", ""]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_libreoffice_reads_the_csv_and_xlsx_cell_by_cell(tmp_path, language):
    """What a county's Calc (fi-FI, sv-FI) makes of both formats: the same types and
    values, leading zeros kept, formula-looking text never evaluated."""
    with translation.override(language):
        (tmp_path / "vienti.csv").write_bytes(b"".join(csv_chunks(TYPED_HEADERS, TYPED_ROWS)))
        with open(tmp_path / "taulukko.xlsx", "wb") as target:
            write_xlsx(target, TYPED_HEADERS, TYPED_ROWS)
    for name in ("vienti.csv", "taulukko.xlsx"):
        sheet = open_in_calc(tmp_path / name, language=language)
        values = [cell.value for cell in sheet[2]]
        # Calc keeps ="00123" as a formula whose value is the text 00123.
        identifier = sheet["A2"]
        assert identifier.value in ("00123", '="00123"'), name
        assert identifier.data_type in ("s", "f"), name
        assert values[1] == "'=1+1" if name.endswith(".csv") else values[1] == "=1+1"
        assert sheet["B2"].data_type == "s", name
        assert values[2] == 4.1 and sheet["C2"].data_type == "n", name
        assert values[3] == 0.58 and "%" in sheet["D2"].number_format, name
        assert values[4] == 87.5 and values[5] == 12, name
        assert values[6] == datetime.datetime(2026, 12, 13, 15, 0) and sheet["G2"].is_date, name
        assert sheet["A3"].value == "A-77" and sheet["C3"].value is None, name


# --- times: the county's wall-clock time on either side of a DST change -----------------

# Helsinki moves from +2 to +3 at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on
# 25 October 2026; the cells are wall-clock times in Helsinki.
MOMENTS = [
    (datetime.datetime(2026, 3, 29, 0, 59, 59, tzinfo=datetime.UTC), "2026-03-29 02:59:59"),
    (datetime.datetime(2026, 3, 29, 1, 0, tzinfo=datetime.UTC), "2026-03-29 04:00:00"),
    (datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC), "2026-03-29 04:30:00"),
    (
        datetime.datetime(2026, 7, 1, 9, 15, 30, 250000, tzinfo=datetime.UTC),
        "2026-07-01 12:15:30.250000",
    ),
    (datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC), "2026-10-25 03:30:00"),
    (datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC), "2026-10-25 03:30:00"),
    (datetime.datetime(2026, 10, 25, 2, 0, tzinfo=datetime.UTC), "2026-10-25 04:00:00"),
    (datetime.datetime(2026, 12, 31, 22, 0, tzinfo=datetime.UTC), "2027-01-01 00:00:00"),
    (
        datetime.datetime(2026, 6, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
        "2026-06-01 19:00:00",
    ),
    (datetime.datetime(2026, 6, 1, 12, 0), "2026-06-01 12:00:00"),  # naive: already local
]


def test_xlsx_and_csv_write_helsinki_wall_clock_time_across_dst_changes():
    rows = [[moment] for moment, _ in MOMENTS] * 2  # each moment twice: the second is cached
    buffer = io.BytesIO()
    write_xlsx(buffer, ["Aika"], rows)
    buffer.seek(0)
    sheet = openpyxl.load_workbook(buffer).active
    written = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    expected = [datetime.datetime.fromisoformat(local) for _, local in MOMENTS] * 2
    assert written == expected
    lines = b"".join(csv_chunks(["Aika"], rows)).decode("utf-8-sig").split("\r\n")[1:-1]
    assert lines == [local[:16] for _, local in MOMENTS] * 2


def test_xlsx_times_are_right_where_a_zone_changes_its_offset_within_an_hour():
    """Lord Howe Island moves its clocks by half an hour, at 15:30 UTC on 3 October 2026:
    the writer's per-hour offsets must not cover that hour."""
    zone = zoneinfo.ZoneInfo("Australia/Lord_Howe")
    start = datetime.datetime(2026, 10, 3, 14, 0, tzinfo=datetime.UTC)
    moments = [start + datetime.timedelta(minutes=10 * step) for step in range(18)]
    buffer = io.BytesIO()
    with timezone.override(zone):
        write_xlsx(buffer, ["Aika"], [[moment] for moment in moments])
    buffer.seek(0)
    sheet = openpyxl.load_workbook(buffer).active
    written = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert written == [moment.astimezone(zone).replace(tzinfo=None) for moment in moments]
    assert len({moment.astimezone(zone).utcoffset() for moment in moments}) == 2
