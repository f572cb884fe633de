"""Benchmark of the export writers: the XLSX writer before and after XlsxWriter, on the
same rows in the same run, and the CSV writer.

    DJANGO_SETTINGS_MODULE=learning.settings.test .venv/bin/python bench/exports.py \\
        [--rows 50000] [--big 300000]

The rows have the shape of the county's per-person completion export (employee number,
names, unit code and name, job role, course, completed and valid-until times, score).
`before` is the writer as it was (openpyxl's write-only mode with a WriteOnlyCell per
value, kept below as the baseline); `after` is reporting.spreadsheets.write_xlsx. Each
writes --rows rows to a file under a scratch folder, three times, the median counted;
then `after` writes --big rows once. No database is used.

Results: a table on stdout and bench/results/exports.json.
"""

from __future__ import annotations

import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

import harness  # bench/ is first on sys.path when a script runs

RESULTS = harness.prepare(__file__)

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: E402
from openpyxl.styles import Font  # noqa: E402

from reporting.spreadsheets import (  # noqa: E402
    FORMULA_PREFIXES,
    Identifier,
    write_csv,
    write_xlsx,
)

HEADERS = [
    "Henkilönumero",
    "Sukunimi",
    "Etunimi",
    "Yksikkökoodi",
    "Yksikkö",
    "Tehtävänimike",
    "Koulutus",
    "Suoritettu",
    "Voimassa asti",
    "Pisteet",
]


def rows(count: int):
    start = datetime.datetime(2026, 1, 1, 8, 0, tzinfo=datetime.UTC)
    for number in range(count):
        completed = start + datetime.timedelta(minutes=7 * number)
        yield [
            Identifier(f"{number:06d}"),
            "Virtanen",
            "Äijälä-Matti",
            f"SOS-{number % 200}",
            "Kotihoito Rantala",
            "Lähihoitaja",
            "Hyte-perusteet",
            completed,
            completed + datetime.timedelta(days=365),
            70 + number % 30,
        ]


# --- the writer before (the baseline) ---------------------------------------------------


def _local(value):
    if timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _before_cell(sheet, value, header=False):
    if isinstance(value, Identifier):
        value = value.value
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=None if value == "" else value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    elif isinstance(value, datetime.datetime):
        cell.value = _local(value)
        cell.number_format = "d.m.yyyy h:mm"
    elif isinstance(value, datetime.date):
        cell.number_format = "d.m.yyyy"
    if header:
        cell.font = Font(bold=True)
    return cell


def write_before(path: Path, count: int) -> int:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Raportti")
    sheet.append([_before_cell(sheet, header, header=True) for header in HEADERS])
    written = 0
    for row in rows(count):
        sheet.append([_before_cell(sheet, value) for value in row])
        written += 1
    workbook.save(path)
    return written


def write_after(path: Path, count: int) -> int:
    with open(path, "wb") as target:
        return write_xlsx(target, HEADERS, rows(count), temporary_folder=path.parent)


def write_after_csv(path: Path, count: int) -> int:
    with open(path, "wb") as target:
        return write_csv(target, HEADERS, rows(count))


def timed(function, path: Path, count: int) -> float:
    started = time.perf_counter()
    assert function(path, count) == count
    return time.perf_counter() - started


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument("--big", type=int, default=300000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    result: dict = {"rows": args.rows, "load_at_start": load}
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as folder:
        scratch = Path(folder)
        times: dict[str, list[float]] = {"before": [], "after": [], "after_csv": []}
        for _ in range(args.repeat):  # interleaved, so load changes hit both alike
            times["before"].append(timed(write_before, scratch / "before.xlsx", args.rows))
            times["after"].append(timed(write_after, scratch / "after.xlsx", args.rows))
            times["after_csv"].append(timed(write_after_csv, scratch / "after.csv", args.rows))
        for name, runs in times.items():
            median = statistics.median(runs)
            result[name] = {
                "median_s": median,
                "runs_s": runs,
                "us_per_row": median / args.rows * 1e6,
            }
        result["xlsx_speedup"] = result["before"]["median_s"] / result["after"]["median_s"]
        if args.big:
            seconds = timed(write_after, scratch / "big.xlsx", args.big)
            result["big"] = {
                "rows": args.big,
                "seconds": seconds,
                "us_per_row": seconds / args.big * 1e6,
                "bytes": (scratch / "big.xlsx").stat().st_size,
            }
    result["load_at_end"] = os.getloadavg()[0]
    print(f"{'writer':<12}{'median s':>10}{'µs/row':>10}   ({args.rows} rows, load {load:.1f})")
    for name in ("before", "after", "after_csv"):
        print(f"{name:<12}{result[name]['median_s']:>10.2f}{result[name]['us_per_row']:>10.1f}")
    print(f"XLSX speed-up per row, before/after: {result['xlsx_speedup']:.1f}×")
    if args.big:
        big = result["big"]
        print(f"after, {big['rows']} rows: {big['seconds']:.1f} s ({big['us_per_row']:.1f} µs/row)")
    harness.write_results(RESULTS, result)


if __name__ == "__main__":
    main()
