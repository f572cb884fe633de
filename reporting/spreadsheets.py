"""CSV and XLSX exports that a spreadsheet program cannot be tricked into running, and
that it reads as the right types.

A cell whose text starts with =, +, -, @, a tab, a carriage return or NUL is a formula
to Excel and LibreOffice (CSV) or would be written as one (XLSX). Such text is written
as text: in CSV with a leading apostrophe, in XLSX as a string cell with the
quote-prefix style. Characters XML cannot hold are dropped from XLSX.

Types: dates stay dates (ISO 8601 in CSV, date cells in XLSX); numbers are numbers.
`Rating` (one decimal) and `Percent` (0–100) mark figures that need a number format in
XLSX; in CSV every decimal number follows the reader's language (a decimal comma for
Finnish and Swedish, which Finnish Excel and LibreOffice read as a number) and a
percentage is written "58 %", which both read as 0.58. `Identifier` marks text that
only looks like a number (employee numbers with leading zeros): a text cell in XLSX,
and in CSV, when it is all digits, `="00123"`, the one form Excel and LibreOffice both
open as the text 00123 (a constant; nothing the data says is ever evaluated).

The XLSX writer is XlsxWriter in constant-memory mode: each row goes to a temporary
file as it comes, so memory stays flat and no object is made per cell (openpyxl's
per-cell objects made a 300,000-row export four times slower). Its temporary files go
under EXPORT_ROOT (a folder of the caller's, or one of write_xlsx's own that it
removes), never in the system's temporary folder, where a killed process would leave
names and employee numbers behind."""

from __future__ import annotations

import codecs
import csv
import datetime
import decimal
import io
import re
import shutil
import tempfile
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from django.conf import settings
from django.http import FileResponse
from django.utils import formats, timezone
from django.utils.translation import get_language

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")
DATE_FORMAT = "d.m.yyyy"
DATETIME_FORMAT = "d.m.yyyy h:mm"
RATING_FORMAT = "0.0"
ILLEGAL_SHEET_TITLE_RE = re.compile(r"[\\/*?:\[\]]")
# What XML 1.0 cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)


@dataclass(frozen=True, slots=True)
class Rating:
    """A mean rating and the like: a number shown with one decimal."""

    value: float | decimal.Decimal | None


@dataclass(frozen=True, slots=True)
class Percent:
    """A share as 0–100 (as the pages show it): a number formatted as a percentage."""

    value: float | int | None


@dataclass(frozen=True, slots=True)
class Identifier:
    """Text that must stay text though it may look like a number (employee numbers)."""

    value: str | None


def temporary_root() -> Path:
    """Where temporary export files live when no job names its own folder."""
    return Path(settings.EXPORT_ROOT) / "tmp"


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _local(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: write the county's wall-clock time."""
    if value.tzinfo is not None:
        return value.astimezone(_zone()).replace(tzinfo=None)
    return value


def _zone() -> zoneinfo.ZoneInfo:
    return timezone.get_current_timezone()


# --- CSV ------------------------------------------------------------------------------


def _percent_suffix(language: str) -> str:
    return "%" if language.startswith("en") else " %"


def _csv_text(value: str) -> str:
    value = value.replace("\0", "")
    return "'" + value if looks_like_formula(value) or value.startswith("'") else value


def csv_value(value: Any, *, decimal_separator: str = ".", percent_suffix: str = " %") -> Any:
    """One CSV field: text made formula-safe, dates ISO 8601, decimals with the
    reader's separator."""
    kind = type(value)
    if kind is str:
        return _csv_text(value)
    if value is None:
        return ""
    if kind is int or kind is bool:
        return value
    if kind is float or kind is decimal.Decimal:
        return str(value).replace(".", decimal_separator)
    if kind is datetime.datetime:
        return _local(value).isoformat(sep=" ", timespec="minutes")
    if kind is datetime.date:
        return value.isoformat()
    if kind is Rating:
        if value.value is None:
            return ""
        return f"{value.value:.1f}".replace(".", decimal_separator)
    if kind is Percent:
        if value.value is None:
            return ""
        number = str(value.value).replace(".", decimal_separator)
        return f"{number}{percent_suffix}"
    if kind is Identifier:
        text = value.value or ""
        if text.isascii() and text.isdigit():
            return f'="{text}"'
        return _csv_text(text)
    if isinstance(value, str):  # lazy or other str subclasses
        return _csv_text(str(value))
    return value


def csv_chunks(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark and semicolons, as Finnish Excel opens CSV by
    default; decimals in the active language's style; one encoded line at a time, for
    a StreamingHttpResponse or a file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    language = get_language() or settings.LANGUAGE_CODE
    separator = str(formats.get_format("DECIMAL_SEPARATOR", language))
    suffix = _percent_suffix(language)

    def line(values: Sequence[Any]) -> bytes:
        writer.writerow(
            [csv_value(v, decimal_separator=separator, percent_suffix=suffix) for v in values]
        )
        encoded = buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        return encoded

    yield codecs.BOM_UTF8 + line([str(header) for header in headers])
    for row in rows:
        yield line(row)


def csv_download(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str
) -> FileResponse:
    """A CSV streamed to the browser as a download named `filename` (Django writes the
    Content-Disposition header, non-ASCII names included)."""
    response = FileResponse(
        csv_chunks(headers, rows),
        as_attachment=True,
        filename=filename,
        content_type="text/csv; charset=utf-8",
    )
    response.set_headers(None)  # an iterator has no name: set the headers from `filename`
    return response


def write_csv(target: IO[bytes], headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write the CSV to a binary file; returns the number of data rows written."""
    lines = 0
    for chunk in csv_chunks(headers, rows):
        target.write(chunk)
        lines += 1
    return lines - 1  # the header line


# --- XLSX -----------------------------------------------------------------------------


class _Sheet:
    """Writes the values of one worksheet, choosing the cell type by the value's type
    (one dictionary lookup per cell, no object per cell)."""

    def __init__(self, workbook, worksheet, styles: dict):
        self.sheet = worksheet
        self.styles = styles
        self.zone = _zone()
        self.writers: dict[type, Callable[[int, int, Any], Any]] = {
            str: self.text,
            int: self.number,
            float: self.number,
            decimal.Decimal: self.decimal,
            bool: worksheet.write_boolean,
            datetime.datetime: self.datetime,
            datetime.date: self.date,
            Rating: self.rating,
            Percent: self.percent,
            Identifier: self.identifier,
        }

    def row(self, index: int, values: Sequence[Any]) -> None:
        writers = self.writers
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            writer = writers.get(type(value))
            if writer is None:
                writer = self.text if isinstance(value, str) else self.text_of
            writer(index, column, value)

    def text(self, row: int, column: int, value: str) -> None:
        if not value.isprintable():
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(FORMULA_PREFIXES):
            self.sheet.write_string(row, column, value, self.styles["quoted"])
        else:
            self.sheet.write_string(row, column, value)

    def text_of(self, row: int, column: int, value: Any) -> None:
        self.text(row, column, str(value))

    def number(self, row: int, column: int, value) -> None:
        self.sheet.write_number(row, column, value)

    def decimal(self, row: int, column: int, value: decimal.Decimal) -> None:
        self.sheet.write_number(row, column, float(value))

    def datetime(self, row: int, column: int, value: datetime.datetime) -> None:
        if value.tzinfo is not None:
            value = value.astimezone(self.zone).replace(tzinfo=None)
        serial = (value - EXCEL_EPOCH).total_seconds() / 86400
        self.sheet.write_number(row, column, serial, self.styles["datetime"])

    def date(self, row: int, column: int, value: datetime.date) -> None:
        serial = (value - EXCEL_EPOCH.date()).days
        self.sheet.write_number(row, column, serial, self.styles["date"])

    def rating(self, row: int, column: int, value: Rating) -> None:
        if value.value is not None:
            self.sheet.write_number(row, column, float(value.value), self.styles["rating"])

    def percent(self, row: int, column: int, value: Percent) -> None:
        if value.value is not None:
            self.sheet.write_number(row, column, value.value / 100, self.styles["percent"])

    def identifier(self, row: int, column: int, value: Identifier) -> None:
        if value.value:
            self.text(row, column, value.value)


def write_xlsx(
    target: str | IO[bytes],
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Raportti",
    temporary_folder: Path | None = None,
) -> int:
    """Write one sheet, row by row (rows go to a temporary file as they come, so memory
    stays flat). The temporary file goes in `temporary_folder` (the caller removes it),
    else in a folder of its own under EXPORT_ROOT, removed here whatever happens.
    Returns the number of data rows written."""
    return write_xlsx_sheets(
        target, [(sheet_title, headers, rows)], temporary_folder=temporary_folder
    )


def write_xlsx_sheets(
    target: str | IO[bytes],
    sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    *,
    temporary_folder: Path | None = None,
) -> int:
    """Several sheets, each (title, headers, rows), in one workbook, with temporary files
    as `write_xlsx` says. Returns the number of data rows written in all."""
    own = temporary_folder is None
    if own:
        temporary_root().mkdir(parents=True, exist_ok=True)
        temporary_folder = Path(tempfile.mkdtemp(prefix="xlsx-", dir=temporary_root()))
    language = get_language() or settings.LANGUAGE_CODE
    try:
        workbook = xlsxwriter.Workbook(
            target,
            {
                "constant_memory": True,
                "tmpdir": str(temporary_folder),
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        styles = {
            "header": workbook.add_format({"bold": True}),
            "quoted": workbook.add_format({"quote_prefix": True}),
            "date": workbook.add_format({"num_format": DATE_FORMAT}),
            "datetime": workbook.add_format({"num_format": DATETIME_FORMAT}),
            "rating": workbook.add_format({"num_format": RATING_FORMAT}),
            "percent": workbook.add_format(
                {"num_format": "0%" if language.startswith("en") else '0" %"'}
            ),
        }
        count = 0
        titles: set[str] = set()
        try:
            for title, headers, rows in sheets:
                title = _unique_title(ILLEGAL_SHEET_TITLE_RE.sub(" ", str(title))[:31], titles)
                worksheet = workbook.add_worksheet(title)
                worksheet.freeze_panes(1, 0)
                for column, header in enumerate(headers):
                    text = ILLEGAL_CHARACTERS_RE.sub("", str(header))
                    worksheet.write_string(0, column, text, styles["header"])
                sheet = _Sheet(workbook, worksheet, styles)
                for index, row in enumerate(rows, start=1):
                    sheet.row(index, row)
                    count += 1
            workbook.close()
        finally:
            # Close the worksheets' temporary files whatever happened (XlsxWriter keeps
            # them open until the workbook is saved).
            for worksheet in workbook.worksheets():
                handle = getattr(worksheet, "row_data_fh", None)
                if handle is not None and not handle.closed:
                    handle.close()
        return count
    finally:
        if own:
            shutil.rmtree(temporary_folder, ignore_errors=True)


def _unique_title(title: str, taken: set[str]) -> str:
    candidate, number = title or "-", 2
    while candidate.lower() in taken:
        suffix = f" {number}"
        candidate, number = title[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate
