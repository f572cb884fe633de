"""Zip bombs against the upload reader: how long refusing one takes and how much memory
it needs, each size in a fresh child process (so ru_maxrss is its own). For scale, the
smallest one is also read the old way, straight into openpyxl without the bound.

    .venv/bin/python bench/uploads.py            # prints a table, writes bench/results/uploads.json
"""

from __future__ import annotations

import resource
import time
import tracemalloc

import harness

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT

SIZES_MB = (48, 512)
UNBOUNDED_MB = 8


def child(spec: dict) -> dict:
    import django

    django.setup()
    from people.hr_import.reading import FileRejected, read_rows
    from tests.people.zip_bomb import make_xlsx_bomb

    bomb = make_xlsx_bomb(spec["mb"] * 1024 * 1024)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    outcome = "read"
    if spec["bounded"]:
        try:
            read_rows(name="bomb.xlsx", content=bomb)
        except FileRejected:
            outcome = "refused"
    else:
        import io

        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(bomb), read_only=True)
        rows = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
        outcome = f"read {rows} rows"
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "unpacked_mb": spec["mb"],
        "packed_kb": round(len(bomb) / 1024),
        "bounded": spec["bounded"],
        "outcome": outcome,
        "seconds": round(elapsed, 4),
        "python_peak_mb": round(peak / 1024 / 1024, 2),
        "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
    }


def main() -> None:
    args = harness.parser(__doc__).parse_args()
    if harness.answer_child(args, child):
        return
    specs = [{"mb": mb, "bounded": True} for mb in SIZES_MB]
    specs.append({"mb": UNBOUNDED_MB, "bounded": False})
    results = [harness.run_in_child(__file__, spec, cwd=str(ROOT)) for spec in specs]
    columns = ("unpacked", "packed", "bound", "outcome", "s", "py MB", "rss+ MB")
    widths = (9, 8, 6, 16, 8, 7, 8)
    print(" ".join(f"{name:>{width}}" for name, width in zip(columns, widths, strict=True)))
    for r in results:
        print(
            f"{r['unpacked_mb']:>7}MB {r['packed_kb']:>6}KB {str(r['bounded']):>6} "
            f"{r['outcome']:>16} {r['seconds']:>8} {r['python_peak_mb']:>7} {r['rss_growth_mb']:>8}"
        )
    harness.write_results(RESULTS, results)


if __name__ == "__main__":
    main()
