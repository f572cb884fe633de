"""Benchmark of the export writers: the XLSX writer before and after XlsxWriter, on the
same rows in the same run, and the CSV writer.

    DJANGO_SETTINGS_MODULE=learning.settings.test .venv/bin/python bench/exports.py \\
        [--rows 50000] [--big 300000] [--repeat 3] [--baseline COMMIT]

The rows have the shape of the county's per-person completion export (employee number,
names, unit code and name, job role, course, completed and valid-until times, score).
`before` is the writer as it was (openpyxl's write-only mode with a WriteOnlyCell per
value, kept below as the baseline); `after` is reporting.spreadsheets.write_xlsx. With
--baseline COMMIT, `baseline` is that commit's own reporting.spreadsheets.write_xlsx,
run in a child process from a throwaway checkout of it (fc83c8c is the openpyxl writer
with a WriteOnlyCell per value through `_xlsx_cell`). Each writes --rows rows to a file
under a scratch folder, --repeat times interleaved, the median counted, as wall time and
as CPU time of the writing process (the steadier figure on a loaded machine); then
`after` writes --big rows once. No database is used.

Results: a table on stdout and bench/results/exports.json.
"""

from __future__ import annotations

import datetime
import os
import statistics
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import harness  # bench/ is first on sys.path when a script runs

# A child measuring a baseline commit imports the project from that commit's checkout.
CODE_ROOT = os.environ.get("EXPORTS_BENCH_CODE_ROOT")
RESULTS = harness.prepare(__file__, code_root=Path(CODE_ROOT) if CODE_ROOT else None)

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: E402
from openpyxl.styles import Font  # noqa: E402

from reporting import spreadsheets  # noqa: E402
from reporting.spreadsheets import FORMULA_PREFIXES, write_csv, write_xlsx  # noqa: E402

# Older writers had no Identifier type: an employee number was plain text then.
Identifier = getattr(spreadsheets, "Identifier", str)

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
    if Identifier is not str and isinstance(value, Identifier):
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


def timed(function, path: Path, count: int) -> dict:
    started, cpu = time.perf_counter(), time.process_time()
    assert function(path, count) == count
    return {"wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu}


def child(spec: dict) -> dict:
    """In a child, from the checkout of the baseline commit: its writer on the same rows."""
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as folder:
        return timed(write_after, Path(folder) / "baseline.xlsx", spec["rows"])


def _baseline_run(checkout: Path, rows: int) -> dict:
    env = {**os.environ, "EXPORTS_BENCH_CODE_ROOT": str(checkout)}
    return harness.run_in_child(__file__, {"rows": rows}, env=env, cwd=str(checkout))


def main() -> None:  # long: the interleaved rounds, the big file and the table
    parser = harness.parser(__doc__)
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument("--big", type=int, default=300000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", default="", help="a commit whose writer to measure too")
    args = parser.parse_args()
    if harness.answer_child(args, child):
        return
    load = os.getloadavg()[0]
    result: dict = {"rows": args.rows, "load_at_start": load, "baseline_commit": args.baseline}
    writers = ["before", "after", "after_csv"] + (["baseline"] if args.baseline else [])
    with (
        tempfile.TemporaryDirectory(prefix="bench-exports-") as folder,
        harness.baseline_checkout(args.baseline) if args.baseline else nullcontext() as checkout,
    ):
        scratch = Path(folder)
        times: dict[str, list[dict]] = {name: [] for name in writers}
        for _ in range(args.repeat):  # interleaved, so load changes hit all alike
            times["before"].append(timed(write_before, scratch / "before.xlsx", args.rows))
            times["after"].append(timed(write_after, scratch / "after.xlsx", args.rows))
            times["after_csv"].append(timed(write_after_csv, scratch / "after.csv", args.rows))
            if checkout is not None:
                times["baseline"].append(_baseline_run(checkout, args.rows))
        for name, runs in times.items():
            wall = statistics.median(run["wall_s"] for run in runs)
            cpu = statistics.median(run["cpu_s"] for run in runs)
            result[name] = {
                "median_s": wall,
                "median_cpu_s": cpu,
                "runs": runs,
                "us_per_row": wall / args.rows * 1e6,
                "cpu_us_per_row": cpu / args.rows * 1e6,
            }
        for name in ("before", "baseline"):
            if name in result:
                result[f"xlsx_speedup_vs_{name}"] = {
                    "wall": result[name]["median_s"] / result["after"]["median_s"],
                    "cpu": result[name]["median_cpu_s"] / result["after"]["median_cpu_s"],
                }
        if args.big:
            big = timed(write_after, scratch / "big.xlsx", args.big)
            result["big"] = {
                "rows": args.big,
                "seconds": big["wall_s"],
                "cpu_s": big["cpu_s"],
                "us_per_row": big["wall_s"] / args.big * 1e6,
                "bytes": (scratch / "big.xlsx").stat().st_size,
            }
    result["load_at_end"] = os.getloadavg()[0]
    print(
        f"{'writer':<20}{'wall s':>9}{'µs/row':>9}{'CPU s':>9}{'CPU µs/row':>12}"
        f"   ({args.rows} rows, median of {args.repeat}, load {load:.1f} → "
        f"{result['load_at_end']:.1f})"
    )
    for name in writers:
        label = f"baseline ({args.baseline})" if name == "baseline" else name
        row = result[name]
        print(
            f"{label:<20}{row['median_s']:>9.2f}{row['us_per_row']:>9.1f}"
            f"{row['median_cpu_s']:>9.2f}{row['cpu_us_per_row']:>12.1f}"
        )
    for name in ("before", "baseline"):
        if name in result:
            ratio = result[f"xlsx_speedup_vs_{name}"]
            print(
                f"XLSX speed-up per row, {name}/after: {ratio['wall']:.1f}× wall, "
                f"{ratio['cpu']:.1f}× CPU"
            )
    if args.big:
        big = result["big"]
        print(
            f"after, {big['rows']} rows: {big['seconds']:.1f} s wall, {big['cpu_s']:.1f} s CPU "
            f"({big['us_per_row']:.1f} µs/row)"
        )
    harness.write_results(RESULTS, result)


if __name__ == "__main__":
    main()
