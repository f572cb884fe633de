"""CSV and XLSX exports that a spreadsheet program cannot be tricked into running.

A cell whose text starts with =, +, -, @, a tab, a carriage return or NUL is a formula
to Excel and LibreOffice (CSV) or to openpyxl (XLSX, which writes "=..." as a live
formula). Such text is written as text: in CSV with a leading apostrophe, in XLSX as a
string cell with the quote-prefix style. Characters XML cannot hold are dropped from
XLSX. Dates stay dates: ISO 8601 in CSV, date cells in XLSX.

Both writers take an iterable of rows and never hold the whole export in memory."""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")
DATE_FORMAT = "d.m.yyyy"
DATETIME_FORMAT = "d.m.yyyy h:mm"
ILLEGAL_SHEET_TITLE_RE = re.compile(r"[\\/*?:\[\]]")


def _local(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: write the county's wall-clock time."""
    if timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        value = value.replace("\0", "")
        return "'" + value if looks_like_formula(value) or value.startswith("'") else value
    return value


def csv_chunks(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark and semicolons, as Finnish Excel opens CSV by
    default; one encoded line at a time, for a StreamingHttpResponse or a file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def line(values: Sequence[Any]) -> bytes:
        writer.writerow([csv_value(value) for value in values])
        encoded = buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        return encoded

    yield codecs.BOM_UTF8 + line(headers)
    for row in rows:
        yield line(row)


def write_csv(target: IO[bytes], headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write the CSV to a binary file; returns the number of data rows written."""
    lines = 0
    for chunk in csv_chunks(headers, rows):
        target.write(chunk)
        lines += 1
    return lines - 1  # the header line


def _xlsx_cell(sheet, value: Any, header: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=None if value == "" else value)
    if isinstance(value, str):
        # openpyxl infers "f" (formula) for text starting with "="; force text.
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    elif isinstance(value, datetime.datetime):
        cell.value = _local(value)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    if header:
        cell.font = Font(bold=True)
    return cell


def write_xlsx(
    target: str | IO[bytes],
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Raportti",
) -> int:
    """Write one sheet in openpyxl's write-only mode (rows go to a temporary file as
    they come, so memory stays flat). Returns the number of data rows written."""
    return write_xlsx_sheets(target, [(sheet_title, headers, rows)])


def write_xlsx_sheets(
    target: str | IO[bytes],
    sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
) -> int:
    """Several sheets, each (title, headers, rows), in one workbook. Returns the number
    of data rows written in all."""
    workbook = Workbook(write_only=True)
    count = 0
    titles: set[str] = set()
    for title, headers, rows in sheets:
        title = _unique_title(ILLEGAL_SHEET_TITLE_RE.sub(" ", str(title))[:31], titles)
        sheet = workbook.create_sheet(title=title)
        sheet.freeze_panes = "A2"
        sheet.append([_xlsx_cell(sheet, header, header=True) for header in headers])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
            count += 1
    workbook.save(target)
    return count


def _unique_title(title: str, taken: set[str]) -> str:
    candidate, number = title or "-", 2
    while candidate.lower() in taken:
        suffix = f" {number}"
        candidate, number = title[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate
