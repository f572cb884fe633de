"""Benchmark of the county's per-person XLSX export through a real Celery worker, against
a plain openpyxl loop over the same rows in the same run.

    # against the bench database (dropped and recreated; its name must contain "bench"):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_export_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/export_worker.py [--employees 30000] [--reuse]

1. Drops and recreates the bench database (its name must contain "bench") and builds the
   supervision bench's county (bench/supervision.py, set-based): --employees people, 12
   courses, about 5 in 6 person–course pairs completed: 300,000 completions at 30,000.
   --reuse keeps a database this script (or bench/supervision.py) built before.
2. Scenarios, each in its own child process, in this order, so drift hits both sides:
   - plain: the baseline. The same ten columns read with one `values_list` from a
     server-side cursor (chunks of 5,000) and appended as they come to openpyxl's
     write-only workbook: no language, no formula safety, no types, no progress.
   - fetch: the export's own rows (supervision.exports.completion_rows) read and thrown
     away: what the query and the per-row Python cost without the writer.
   - worker: the export queued as HR would (an ExportJob of every completion, XLSX) to a
     real worker (celery -A learning worker, prefork, one child, the tasks' own time
     limits, Redis from CELERY_BROKER_URL or REDIS_URL; the sending process has eager
     tasks switched off, so the worker, not the bench, runs it), timed from the
     queueing to the job's `done`; the job's status and rows written sampled twice a
     second meanwhile, as the job's page reads them.
   - plain again.
   --load "COMMAND" runs a shell command (a test run, say) alongside the worker
   scenario, started just before it and stopped after it.
3. Reports seconds and µs per row of each, the worker's time as a ratio to the mean of
   the two plain runs, the write task's soft time limit (sized from the rows), and the
   progress seen: how many distinct row counts the job showed while running.

Results: a table on stdout and bench/results/export_worker.json.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import time

import harness
from harness import run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
FIELDS = (
    "employee__employee_number",
    "employee__user__last_name",
    "employee__user__first_name",
    "employee__unit__code",
    "employee__unit__name_fi",
    "employee__job_role__name_fi",
    "course_title",
    "completed_at",
    "expires_at",
    "score",
)


def _supervision_bench():
    spec = importlib.util.spec_from_file_location(
        "bench_supervision", ROOT / "bench" / "supervision.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scenario(spec: dict) -> dict:
    import django

    django.setup()
    import logging

    logging.getLogger("celery").setLevel(logging.WARNING)
    from django.core.management import call_command

    if spec["kind"] == "setup":
        call_command("migrate", verbosity=0)
        return _supervision_bench().build_county(spec["employees"], 0)
    if spec["kind"] == "describe":
        from django.contrib.auth.models import Group

        from courses.models import CourseCompletion
        from people.models import Employee

        return {
            "employees": Employee.objects.count(),
            "completions": CourseCompletion.objects.count(),
            "hr_user": Group.objects.get(name="hr_admin").user_set.order_by("pk").first().pk,
        }
    if spec["kind"] == "plain":
        return _plain()
    if spec["kind"] == "fetch":
        return _fetch()
    if spec["kind"] == "worker":
        return _export_in_worker(spec["data"])
    raise SystemExit(f"unknown scenario {spec['kind']}")


def _export_in_worker(data: dict) -> dict:  # long: start a worker, queue, sample, stop
    """The export queued to a real Celery worker (its own process group, prefork, one
    child) and followed as the job's page follows it."""
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from celery import current_app
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from supervision import services
    from supervision.models import ExportJob
    from tasks.supervision import build_export

    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        return {"skipped": "needs CELERY_BROKER_URL=redis://…"}
    # The bench runs under the test settings, whose tasks run in the caller: send instead.
    current_app.conf.task_always_eager = False
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "EXPORT_ROOT": str(settings.EXPORT_ROOT),
    }
    worker = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "learning",
            "worker",
            "--loglevel=WARNING",
            "--concurrency=1",
            "--pool=prefork",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--hostname=bench-export@%h",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ready = time.perf_counter()
        while not current_app.control.ping(timeout=1) and time.perf_counter() - ready < 120:
            pass  # timed from a worker that is up, not from its start
        owner = get_user_model().objects.get(pk=data["hr_user"])
        job = ExportJob.objects.create(
            owner=owner, kind=ExportJob.Kind.COMPLETIONS, file_format="xlsx", parameters={}
        )
        started = time.perf_counter()
        build_export.apply_async(args=[job.pk])
        samples = []
        while True:
            job.refresh_from_db()
            samples.append((round(time.perf_counter() - started, 1), job.status, job.rows_done))
            if job.status in (ExportJob.Status.DONE, ExportJob.Status.FAILED):
                break
            if time.perf_counter() - started > 1800:
                break
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        running = [rows for _, status, rows in samples if status == ExportJob.Status.RUNNING]
        result = {
            "seconds": seconds,
            "worker_start_s": started - ready,
            "status": job.status,
            "error": job.error,
            "rows": job.rows_done,
            "rows_per_s": job.rows_done / seconds,
            "samples": len(samples),
            "progress_values_seen": len({rows for rows in running if rows > 0}),
            "progress_samples": [
                (at, rows) for at, _, rows in samples[:: max(1, len(samples) // 12)]
            ],
            "soft_time_limit_s": services.export_time_limits(job.rows_total or 0).soft,
        }
        if job.status == ExportJob.Status.DONE:
            job.path.unlink()
        return result
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=120)


def _plain() -> dict:
    import tempfile

    from openpyxl import Workbook

    from courses.models import CourseCompletion

    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Raportti")
    sheet.append(list(FIELDS))
    rows = 0
    completions = CourseCompletion.objects.order_by(
        "employee__unit__path", "employee__employee_number", "pk"
    )
    for values in completions.values_list(*FIELDS).iterator(chunk_size=5000):
        completed, expires = values[7], values[8]
        sheet.append(
            [
                *values[:7],
                completed.replace(tzinfo=None),
                expires.replace(tzinfo=None) if expires else None,
                values[9],
            ]
        )
        rows += 1
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as target:
        workbook.save(target.name)
        size = os.path.getsize(target.name)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": rows, "file_mb": size / 2**20}


def _fetch() -> dict:
    from django.utils import translation

    from supervision import exports

    started = time.perf_counter()
    rows = 0
    with translation.override("fi"):
        for _row in exports.completion_rows(
            exports.completions_queryset(unit=None, course_id=None)
        ):
            rows += 1
    return {"seconds": time.perf_counter() - started, "rows": rows}


def _per_row(result: dict) -> float:
    return result["seconds"] / max(1, result["rows"]) * 1e6


def report(data: dict) -> str:
    plain = (data["plain"]["seconds"] + data["plain_again"]["seconds"]) / 2
    worker = data["worker"]
    lines = [
        f"XLSX export of every completion: {data['setup']['completions']:,} rows "
        f"(load {data['load_at_start']:.1f} → {data['load_at_end']:.1f}, "
        f"{os.cpu_count()} cores)",
    ]
    if data.get("load_command"):
        lines.append(
            f"alongside the worker: {data['load_command']} (load "
            f"{data['load_at_worker_start']:.1f} → {data['load_at_worker_end']:.1f})"
        )
    lines += [
        "",
        f"{'scenario':<44}{'s':>8}{'µs/row':>9}",
    ]
    for name, label in (
        ("plain", "plain openpyxl loop (baseline)"),
        ("fetch", "export rows only, no writer"),
        ("worker", "export in a real worker, queue to done"),
        ("plain_again", "plain openpyxl loop again"),
    ):
        result = data[name]
        if "seconds" in result:
            lines.append(f"{label:<44}{result['seconds']:>8.1f}{_per_row(result):>9.1f}")
        else:
            lines.append(f"{label:<44}  {result}")
    if "seconds" in worker:
        lines += [
            "",
            f"worker ÷ plain (mean of both): {worker['seconds'] / plain:.2f}; status "
            f"{worker['status']}, {worker['rows']:,} rows, the write task's soft time "
            f"limit {worker['soft_time_limit_s']} s",
            f"progress: {worker['progress_values_seen']} different row counts seen while "
            f"running, in {worker['samples']} samples; (s, rows): {worker['progress_samples']}",
        ]
    return "\n".join(lines)


def _start_load(command: str):
    import subprocess

    process = subprocess.Popen(
        command,
        shell=True,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(5)  # let it get going
    return process


def _stop_load(process) -> None:
    import signal

    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=120)


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--employees", type=int, default=30000)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--load", default="", help="a shell command run alongside the worker")
    args = parser.parse_args()
    if harness.answer_child(args, scenario):
        return
    os.environ.setdefault(
        "CELERY_BROKER_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    if args.reuse:
        setup = run_in_child(__file__, {"kind": "describe"})
    else:
        harness.fresh_database(f"Building a county of {args.employees:,}…")
        setup = run_in_child(__file__, {"kind": "setup", "employees": args.employees})
    data: dict = {
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "load_at_start": os.getloadavg()[0],
        "setup": setup,
    }
    for name, kind in (
        ("plain", "plain"),
        ("fetch", "fetch"),
        ("worker", "worker"),
        ("plain_again", "plain"),
    ):
        print(f"  {name}…", flush=True)
        load = _start_load(args.load) if kind == "worker" and args.load else None
        if load is not None:
            data["load_command"] = args.load
            data["load_at_worker_start"] = os.getloadavg()[0]
        try:
            data[name] = run_in_child(__file__, {"kind": kind, "data": setup})
        finally:
            if load is not None:
                data["load_at_worker_end"] = os.getloadavg()[0]
                _stop_load(load)
    data["load_at_end"] = os.getloadavg()[0]
    harness.write_results(RESULTS, data)
    print(report(data))


if __name__ == "__main__":
    main()
