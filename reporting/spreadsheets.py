"""CSV and XLSX exports that a spreadsheet program cannot be tricked into running.

A cell whose text starts with =, +, -, @, a tab, a carriage return or NUL is a formula
to Excel and LibreOffice (CSV) or to openpyxl (XLSX, which writes "=..." as a live
formula). Such text is written as text: in CSV with a leading apostrophe, in XLSX as a
string cell with the quote-prefix style. Characters XML cannot hold are dropped from
XLSX. Dates stay dates: ISO 8601 in CSV, date cells in XLSX.

Both writers take an iterable of rows and never hold the whole export in memory.
openpyxl's write-only mode keeps each worksheet in a temporary file until the workbook
is saved; those files go under EXPORT_ROOT (a folder of the caller's, or one of
write_xlsx's own that it removes), never in the system's temporary folder, where a
killed process would leave names and employee numbers behind."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import io
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet import _writer as openpyxl_writer

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")
DATE_FORMAT = "d.m.yyyy"
DATETIME_FORMAT = "d.m.yyyy h:mm"
ILLEGAL_SHEET_TITLE_RE = re.compile(r"[\\/*?:\[\]]")


_temporary_folder: ContextVar[Path | None] = ContextVar("xlsx_temporary_folder", default=None)


def temporary_root() -> Path:
    """Where temporary export files live when no job names its own folder."""
    return Path(settings.EXPORT_ROOT) / "tmp"


def _create_temporary_file(suffix: str = "") -> str:
    """openpyxl's own function with the folder set (openpyxl offers no setting)."""
    folder = _temporary_folder.get() or temporary_root()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        mode="w+", suffix=suffix, prefix="openpyxl.", dir=folder, delete=False
    ) as handle:
        name = handle.name
    openpyxl_writer.ALL_TEMP_FILES.append(name)
    return name


openpyxl_writer.create_temporary_file = _create_temporary_file


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
    temporary_folder: Path | None = None,
) -> int:
    """Write one sheet in openpyxl's write-only mode (rows go to a temporary file as
    they come, so memory stays flat). The temporary file goes in `temporary_folder`
    (the caller removes it), else in a folder of its own under EXPORT_ROOT, removed
    here whatever happens. Returns the number of data rows written."""
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
    token = _temporary_folder.set(temporary_folder)
    try:
        workbook = Workbook(write_only=True)
        count = 0
        titles: set[str] = set()
        for title, headers, rows in sheets:
            title = _unique_title(ILLEGAL_SHEET_TITLE_RE.sub(" ", str(title))[:31], titles)
            sheet = workbook.create_sheet(title=title)
            sheet.freeze_panes = "A2"
            sheet.append([_xlsx_cell(sheet, header, header=True) for header in headers])
            try:
                for row in rows:
                    sheet.append([_xlsx_cell(sheet, value) for value in row])
                    count += 1
            except BaseException:
                # Finish the half-written worksheet file now, while it is open, so
                # nothing writes to it later (openpyxl would, when the sheet is collected).
                with contextlib.suppress(Exception):
                    sheet.close()
                raise
        workbook.save(target)
        return count
    finally:
        _temporary_folder.reset(token)
        if own:
            shutil.rmtree(temporary_folder, ignore_errors=True)


def _unique_title(title: str, taken: set[str]) -> str:
    candidate, number = title or "-", 2
    while candidate.lower() in taken:
        suffix = f" {number}"
        candidate, number = title[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate
