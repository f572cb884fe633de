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

The XLSX writer is our own (why: see the XLSX section below): each row is written
into the zip as it comes, so memory stays flat, and no temporary file is made, so a
killed process leaves no names or employee numbers behind but the caller's own
partial file."""

from __future__ import annotations

import codecs
import csv
import datetime
import decimal
import io
import re
import zipfile
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape

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


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _local(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: write the county's wall-clock time."""
    if value.tzinfo is not None:
        return value.astimezone(_zone()).replace(tzinfo=None)
    return value


def _zone() -> zoneinfo.ZoneInfo:
    return timezone.get_current_timezone()


_EXCEL_EPOCH_UTC = EXCEL_EPOCH.replace(tzinfo=datetime.UTC)
_HOUR = datetime.timedelta(hours=1)
_LAST_MICROSECOND = datetime.timedelta(microseconds=1)


class _WallClock:
    """Aware datetimes as the county's wall-clock time, days since Excel's epoch, with
    the zone's offset looked up once per UTC hour rather than for every value: a DST
    change (and every offset change Helsinki has had) falls on a whole UTC hour. An hour
    whose offset is not the same at both ends is converted value by value."""

    def __init__(self, zone: datetime.tzinfo) -> None:
        self.zone = zone
        self.offsets: dict[int, datetime.timedelta | None] = {}

    def serial(self, value: datetime.datetime) -> float:
        if value.tzinfo is None:  # already wall-clock time
            return (value - EXCEL_EPOCH).total_seconds() / 86400
        since = value - _EXCEL_EPOCH_UTC  # exact, in UTC
        hour = since.days * 24 + since.seconds // 3600
        try:
            offset = self.offsets[hour]
        except KeyError:
            offset = self.offsets[hour] = self._offset(hour)
        if offset is None:
            local = value.astimezone(self.zone).replace(tzinfo=None)
            return (local - EXCEL_EPOCH).total_seconds() / 86400
        return (since + offset).total_seconds() / 86400

    def _offset(self, hour: int) -> datetime.timedelta | None:
        start = _EXCEL_EPOCH_UTC + hour * _HOUR
        first = start.astimezone(self.zone).utcoffset()
        last = (start + _HOUR - _LAST_MICROSECOND).astimezone(self.zone).utcoffset()
        return first if first == last else None


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
#
# Our own writer, not a library's: the sheet XML is streamed row by row straight into
# the zip entry, one string per row and no object per cell. openpyxl (a WriteOnlyCell
# per value) and XlsxWriter's constant-memory mode were measured on the same rows in
# the same run (bench/exports.py): XlsxWriter was 3.2× faster per row than the openpyxl
# writer, short of the 4× the exports need, and most of its time went to its own
# per-cell bookkeeping. The package holds only what SpreadsheetML requires (content
# types, relationships, workbook, styles, sheets); the tests read every file back with
# openpyxl and LibreOffice Calc, cell by cell.

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Cell styles (indexes into cellXfs below).
_HEADER, _QUOTED, _DATE, _DATETIME, _RATING, _PERCENT = 1, 2, 3, 4, 5, 6
_QUOTED_ATTRIBUTE = f' s="{_QUOTED}"'


def _styles(percent_format: str) -> str:
    formats = [(164, DATE_FORMAT), (165, DATETIME_FORMAT), (166, RATING_FORMAT)]
    formats.append((167, percent_format))
    numbers = "".join(
        f'<numFmt numFmtId="{number}" formatCode="{xml_escape(code, {chr(34): "&quot;"})}"/>'
        for number, code in formats
    )
    plain = 'fontId="0" fillId="0" borderId="0" xfId="0"'
    xfs = [
        f'<xf numFmtId="0" {plain}/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        f'<xf numFmtId="0" {plain} quotePrefix="1"/>',
        f'<xf numFmtId="164" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="165" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="166" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="167" {plain} applyNumberFormat="1"/>',
    ]
    return (
        f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
        f'<numFmts count="{len(formats)}">{numbers}</numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def _column_letters(count: int) -> list[str]:
    letters = []
    for index in range(count):
        name, number = "", index + 1
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _text_xml(value: str) -> str:
    if not value.isprintable():
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if "&" in value or "<" in value or ">" in value:
        value = xml_escape(value)
    return value


class _SheetWriter:
    """Turns rows into SpreadsheetML, choosing each cell's type by its value's type (one
    dictionary lookup per cell)."""

    def __init__(self) -> None:
        self.clock = _WallClock(_zone())
        self.columns = _column_letters(64)
        self.cells: dict[type, Callable[[str, Any], str]] = {
            str: self.text,
            int: self.number,
            float: self.number,
            decimal.Decimal: self.number,
            bool: self.boolean,
            datetime.datetime: self.datetime,
            datetime.date: self.date,
            Rating: self.rating,
            Percent: self.percent,
            Identifier: self.identifier,
        }

    def row(self, number: int, values: Sequence[Any], style: int = 0) -> str:
        """Text and whole numbers, most of an export's cells, are written inline here;
        every other type through its method (a call per cell costs as much as the
        cell's own text)."""
        if len(values) > len(self.columns):
            self.columns = _column_letters(len(values))
        cells, columns, parts = self.cells, self.columns, []
        append = parts.append
        for index, value in enumerate(values):
            kind = type(value)
            if kind is str:
                if not value:
                    continue
                if style:
                    append(self.header(f"{columns[index]}{number}", value))
                    continue
                quoted = _QUOTED_ATTRIBUTE if value.startswith(FORMULA_PREFIXES) else ""
                append(
                    f'<c r="{columns[index]}{number}"{quoted} t="inlineStr"><is>'
                    f'<t xml:space="preserve">{_text_xml(value)}</t></is></c>'
                )
                continue
            if value is None or value == "":
                continue
            reference = f"{columns[index]}{number}"
            if style:
                append(self.header(reference, value))
            elif kind is int:
                append(f'<c r="{reference}"><v>{value}</v></c>')
            else:
                append((cells.get(kind) or self.text_of)(reference, value))
        return f'<row r="{number}">{"".join(parts)}</row>'

    def header(self, reference: str, value: Any) -> str:
        return (
            f'<c r="{reference}" s="{_HEADER}" t="inlineStr"><is><t xml:space="preserve">'
            f"{_text_xml(str(value))}</t></is></c>"
        )

    def text(self, reference: str, value: str) -> str:
        style = _QUOTED_ATTRIBUTE if value.startswith(FORMULA_PREFIXES) else ""
        return (
            f'<c r="{reference}"{style} t="inlineStr"><is><t xml:space="preserve">'
            f"{_text_xml(value)}</t></is></c>"
        )

    def text_of(self, reference: str, value: Any) -> str:
        return self.text(reference, str(value))

    def number(self, reference: str, value) -> str:
        return f'<c r="{reference}"><v>{value}</v></c>'

    def boolean(self, reference: str, value: bool) -> str:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'

    def datetime(self, reference: str, value: datetime.datetime) -> str:
        return f'<c r="{reference}" s="{_DATETIME}"><v>{self.clock.serial(value)!r}</v></c>'

    def date(self, reference: str, value: datetime.date) -> str:
        serial = (value - EXCEL_EPOCH.date()).days
        return f'<c r="{reference}" s="{_DATE}"><v>{serial}</v></c>'

    def rating(self, reference: str, value: Rating) -> str:
        if value.value is None:
            return ""
        return f'<c r="{reference}" s="{_RATING}"><v>{float(value.value)!r}</v></c>'

    def percent(self, reference: str, value: Percent) -> str:
        if value.value is None:
            return ""
        return f'<c r="{reference}" s="{_PERCENT}"><v>{value.value / 100!r}</v></c>'

    def identifier(self, reference: str, value: Identifier) -> str:
        return self.text(reference, value.value) if value.value else ""


def write_xlsx(
    target: str | IO[bytes],
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Raportti",
    temporary_folder: Path | None = None,
) -> int:
    """Write one sheet, row by row, straight into the zip (memory stays flat and no
    temporary file is made). Returns the number of data rows written."""
    return write_xlsx_sheets(
        target, [(sheet_title, headers, rows)], temporary_folder=temporary_folder
    )


def write_xlsx_sheets(
    target: str | IO[bytes],
    sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    *,
    temporary_folder: Path | None = None,
) -> int:  # long: the workbook's parts streamed in order into one zip
    """Several sheets, each (title, headers, rows), in one workbook. Returns the number
    of data rows written in all. `temporary_folder` is accepted for callers that name
    one; the writer makes no temporary files."""
    language = get_language() or settings.LANGUAGE_CODE
    percent_format = "0%" if language.startswith("en") else '0" %"'
    count = 0
    titles: list[str] = []
    taken: set[str] = set()
    writer = _SheetWriter()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for title, headers, rows in sheets:
            title = _unique_title(ILLEGAL_SHEET_TITLE_RE.sub(" ", str(title))[:31], taken)
            titles.append(title)
            name = f"xl/worksheets/sheet{len(titles)}.xml"
            with package.open(name, "w", force_zip64=True) as stream:
                stream.write(
                    (
                        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheetViews>'
                        '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                        "<sheetData>" + writer.row(1, list(headers), style=_HEADER)
                    ).encode()
                )
                batch: list[str] = []
                for number, row in enumerate(rows, start=2):
                    batch.append(writer.row(number, row))
                    count += 1
                    if len(batch) == 1000:
                        stream.write("".join(batch).encode())
                        batch = []
                stream.write(("".join(batch) + "</sheetData></worksheet>").encode())
        package.writestr("xl/styles.xml", _styles(percent_format))
        sheet_list = "".join(
            f'<sheet name="{xml_escape(title, {chr(34): "&quot;"})}" sheetId="{number}" '
            f'r:id="rId{number}"/>'
            for number, title in enumerate(titles, start=1)
        )
        package.writestr(
            "xl/workbook.xml",
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>{sheet_list}'
            "</sheets></workbook>",
        )
        sheet_type = f"{_RELS}/worksheet"
        relations = "".join(
            f'<Relationship Id="rId{number}" Type="{sheet_type}" '
            f'Target="worksheets/sheet{number}.xml"/>'
            for number in range(1, len(titles) + 1)
        )
        relations += (
            f'<Relationship Id="rId{len(titles) + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}">{relations}</Relationships>',
        )
        package.writestr(
            "_rels/.rels",
            f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
            f'ContentType="{spreadsheet}.worksheet+xml"/>'
            for number in range(1, len(titles) + 1)
        )
        package.writestr(
            "[Content_Types].xml",
            f"{_HEAD}<Types "
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{spreadsheet}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{spreadsheet}.styles+xml"/>'
            f"{overrides}</Types>",
        )
    return count


def _unique_title(title: str, taken: set[str]) -> str:
    candidate, number = title or "-", 2
    while candidate.lower() in taken:
        suffix = f" {number}"
        candidate, number = title[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate
