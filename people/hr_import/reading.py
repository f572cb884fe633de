"""Turn an uploaded CSV or XLSX file into header-mapped rows of text.

Cell values are read as stored and never evaluated: an XLSX formula such as
`=HYPERLINK(...)` arrives as its text, dates arrive as dates.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from people.hr_import.columns import STAFF_COLUMNS, ColumnSpec


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; `line` is the spreadsheet row number (header = 1)."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Rivi %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ReadResult:
    rows: list[tuple[int, dict]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class FileRejected(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _kind_of(name: str, content: bytes) -> str:
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        if not content.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(content)):
            raise FileRejected(Problem(_("Tiedosto ei ole kelvollinen XLSX-tiedosto.")))
        return "xlsx"
    if lowered.endswith(".csv") or lowered.endswith(".txt"):
        if b"\x00" in content[:4096]:
            raise FileRejected(Problem(_("Tiedosto ei ole tekstimuotoinen CSV-tiedosto.")))
        return "csv"
    raise FileRejected(
        Problem(_("Tiedostotyyppiä ei tueta. Lataa CSV- tai XLSX-tiedosto (.csv tai .xlsx)."))
    )


def check_size(size: int) -> None:
    limit = settings.HR_IMPORT_MAX_BYTES
    if size > limit:
        raise FileRejected(
            Problem(
                _("Tiedosto on liian suuri (%(size)s Mt). Suurin sallittu koko on %(limit)s Mt.")
                % {"size": _size_text(size), "limit": _size_text(limit)}
            )
        )


# Unpacked members smaller than this are never refused for their ratio (styles and
# shared strings of a real workbook pack well, and are small).
_RATIO_FLOOR_BYTES = 1024 * 1024


def check_unpacked_size(content: bytes) -> None:
    """Before openpyxl opens an XLSX (a zip archive): refuse it when its members would
    unpack to more than HR_IMPORT_MAX_UNPACKED_BYTES in all, or a member of over 1 MB
    would unpack to more than HR_IMPORT_MAX_RATIO times its packed size (a zip bomb).
    Only the archive's directory is read, so this takes milliseconds whatever the file
    claims. The directory cannot lie its way past: Python's zipfile, which openpyxl
    reads through, never unpacks more of a member than the size the directory gives."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise FileRejected(Problem(_("Tiedosto ei ole kelvollinen XLSX-tiedosto."))) from error
    limit = settings.HR_IMPORT_MAX_UNPACKED_BYTES
    ratio = settings.HR_IMPORT_MAX_RATIO
    total = sum(member.file_size for member in members)
    packed_too_tightly = any(
        member.file_size > _RATIO_FLOOR_BYTES
        and member.file_size > ratio * max(member.compress_size, 1)
        for member in members
    )
    if total > limit or packed_too_tightly:
        raise FileRejected(
            Problem(
                _(
                    "XLSX-tiedosto purkautuisi liian suureksi (%(size)s Mt). Suurin sallittu "
                    "purettu koko on %(limit)s Mt, eikä tiedosto saa olla epätavallisen "
                    "tiiviisti pakattu. Tallenna tiedot CSV-muodossa tai jaa ne osiin."
                )
                % {"size": _size_text(total), "limit": _size_text(limit)}
            )
        )


def _bounded_rows(rows):
    """Pass rows on, refusing the file once it has more than HR_IMPORT_MAX_ROWS data
    rows (the header row not counted)."""
    limit = settings.HR_IMPORT_MAX_ROWS
    for count, row in enumerate(rows):
        if count > limit:
            raise FileRejected(
                Problem(
                    _(
                        "Tiedostossa on liikaa rivejä. Yhdessä tiedostossa voi olla enintään "
                        "%(limit)s riviä otsikkorivin lisäksi."
                    )
                    % {"limit": limit}
                )
            )
        yield row


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRejected(
        Problem(_("Tiedoston merkistöä ei tunnistettu. Tallenna se UTF-8-muodossa."))
    )


def _csv_rows(content: bytes):
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    yield from reader


def _xlsx_rows(content: bytes):
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula is read as its text, never as a computed value.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileRejected(Problem(_("XLSX-tiedostoa ei voitu lukea."))) from error
    try:
        # A damaged file can also fail later: no sheets, or a sheet that breaks mid-way.
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    except Exception as error:
        raise FileRejected(Problem(_("XLSX-tiedostoa ei voitu lukea."))) from error
    finally:
        workbook.close()


def _cell_text(value) -> str | datetime.date:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def cell_rows(*, name: str, content: bytes):
    """Every row of a CSV or XLSX file as a list of cells (text, or dates). Generic: any
    import can use it. Raises FileRejected when the file as a whole cannot be used
    (type, size, unpacked size, emptiness, encoding; those checks run before the first
    row) or has more rows than HR_IMPORT_MAX_ROWS (raised while iterating)."""
    check_size(len(content))
    if not content.strip():
        raise FileRejected(Problem(_("Tiedosto on tyhjä.")))
    kind = _kind_of(name, content)
    if kind == "xlsx":
        check_unpacked_size(content)
    if kind == "csv":
        # Every CSV cell is text: `_cell_text` of a string is the string stripped.
        return ([value.strip() for value in raw] for raw in _bounded_rows(_csv_rows(content)))
    return ([_cell_text(value) for value in raw] for raw in _bounded_rows(_xlsx_rows(content)))


def read_rows(*, name: str, content: bytes, spec: ColumnSpec = STAFF_COLUMNS) -> ReadResult:
    """Map each data row to {field: text-or-date} by the columns of `spec` (the staff
    file's by default). Raises FileRejected when the file as a whole cannot be used
    (type, size, emptiness, encoding)."""
    rows = cell_rows(name=name, content=content)

    result = ReadResult()
    header_fields: list[str | None] | None = None
    for line, cells in enumerate(rows, start=1):
        if header_fields is None:
            if not any(cells):
                raise FileRejected(Problem(_("Tiedosto on tyhjä.")))
            header_fields = [spec.field_for(cell) for cell in cells]
            missing = [f for f in spec.required if f not in header_fields]
            if missing:
                for field_name in missing:
                    result.problems.append(
                        Problem(
                            _("Sarake puuttuu: %(column)s.") % {"column": spec.label(field_name)},
                            line=1,
                        )
                    )
                return result
            continue
        if not any(cells):
            continue
        values = {}
        for index, field_name in enumerate(header_fields):
            if field_name is not None:
                values[field_name] = cells[index] if index < len(cells) else ""
        result.rows.append((line, values))
    if header_fields is None:
        raise FileRejected(Problem(_("Tiedosto on tyhjä.")))
    if not result.rows and not result.problems:
        raise FileRejected(Problem(str(spec.no_rows_message)))
    return result
