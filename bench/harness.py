"""What the benches share: their own PostgreSQL database (checked by name, dropped and
created anew) and running one scenario in a fresh child process, so each measures its
own memory."""

import argparse
import contextlib
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def bench_database() -> dict:
    """The database settings from DATABASE_URL; refuses anything but a PostgreSQL
    database whose name says it is a bench database."""
    import environ

    config = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    if "postgresql" not in config["ENGINE"]:
        raise SystemExit("The bench needs PostgreSQL: set DATABASE_URL=postgres://...")
    if "bench" not in config["NAME"]:
        raise SystemExit(
            f"Refusing to drop database {config['NAME']!r}: its name must contain 'bench'."
        )
    return config


def connect(config: dict, dbname: str):
    import psycopg

    return psycopg.connect(
        dbname=dbname,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    )


def recreate_database(config: dict, *, template: str = "template0") -> None:
    """Drop the database `config` names and create it anew, empty or a copy of `template`."""
    from psycopg import sql

    drop_database(config)
    with connect(config, "postgres") as admin:
        admin.execute(
            sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE {}").format(
                sql.Identifier(config["NAME"]), sql.Identifier(template)
            )
        )


def drop_database(config: dict) -> None:
    """Drop the database `config` names, if there is one, closing its connections."""
    from psycopg import sql

    with connect(config, "postgres") as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(config["NAME"])
            )
        )


def run_in_child(
    script: str,
    spec: dict,
    extra_args: tuple[str, ...] = (),
    env: dict | None = None,
    cwd: str | None = None,
) -> dict:
    """Run `script --child SPEC --out FILE [extra_args]` and return what it wrote (in
    `cwd`: Celery's Django fixup puts the working folder first on the import path)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        subprocess.run(
            [sys.executable, script, "--child", json.dumps(spec), "--out", out.name, *extra_args],
            check=True,
            env=env,
            cwd=cwd,
        )
        return json.load(open(out.name))


# --- what every bench script shares besides the database ------------------------------
# A script starts with
#     import harness  # bench/ is first on sys.path when a script runs
#     RESULTS = harness.prepare(__file__)
# and holds its scenarios only; `bench_main` runs them (parent: a fresh database and the
# scenarios in child processes; child: one scenario, its result as JSON).

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/hyteopas_bench"


def prepare(script: str, *, debug: bool = False, code_root: Path | None = None) -> Path:
    """Put the project root (or `code_root`: another checkout whose code a child measures)
    first on sys.path and the bench folder off it (bench/learning.py and bench/events.py
    would hide the project's packages of the same name), set the settings module, the
    bench database and DEBUG (off unless asked). Returns the script's results file,
    bench/results/<name>.json of this checkout."""
    here = Path(__file__).resolve().parent
    code = str(code_root or ROOT)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here and p != code]
    sys.path.insert(0, code)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    if not debug:
        os.environ["DEBUG"] = "False"
    return results_path(script)


def results_path(script: str) -> Path:
    """The script's results file, bench/results/<name>.json, for a script that sets
    nothing up (one that starts the project as a newcomer would, say)."""
    return ROOT / "bench" / "results" / f"{Path(script).stem}.json"


def parser(description: str | None) -> argparse.ArgumentParser:
    """An argument parser with the hidden --child/--out pair `run_in_child` passes."""
    made = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    made.add_argument("--child", help=argparse.SUPPRESS)
    made.add_argument("--out", help=argparse.SUPPRESS)
    return made


def answer_child(args: argparse.Namespace, run: Callable[[dict], Any]) -> bool:
    """In a child process (--child SPEC): run the scenario and write its result for the
    parent; True then, and the script's main returns."""
    if not args.child:
        return False
    Path(args.out).write_text(json.dumps(run(json.loads(args.child)), default=str))
    return True


def fresh_database(what: str = "") -> dict:
    """Drop and create the bench database (bench_database() checks its name)."""
    config = bench_database()
    print(
        f"Recreating database {config['NAME']} on {config.get('HOST') or 'localhost'}…", flush=True
    )
    recreate_database(config)
    if what:
        print(what, flush=True)
    return config


def migrate() -> float:
    """In a child: set Django up and migrate the fresh database; returns the seconds."""
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    return time.perf_counter() - started


def write_results(path: Path, data: Any) -> None:
    """Write `data` as indented JSON (bench/results/<name>.json), folders made as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of them at or below."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def percentiles(seconds: Sequence[float]) -> dict:
    """Count, p50, p95, min and max of durations in seconds; the times in milliseconds."""
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": percentile(ordered, 0.95) * 1000,
        "min_ms": ordered[0] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM), in MB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def reset_peak_rss() -> bool:
    """Reset VmHWM (the peak RSS) to the current RSS (Linux ≥ 4.0); False where not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """The peak RSS since the last `reset_peak_rss` (VmHWM), else over the process's life."""
    return status_mb("VmHWM") or maxrss_mb()


@contextlib.contextmanager
def baseline_checkout(ref: str):
    """A throwaway checkout of `ref` (a commit before a change, to measure against in
    the same run) sharing this checkout's virtual environment; removed afterwards."""
    root = ROOT
    folder = Path(tempfile.mkdtemp(prefix="hyteopas-baseline-"))
    checkout = folder / "checkout"
    subprocess.run(
        ["git", "-C", str(root), "worktree", "add", "--detach", "-q", str(checkout), ref],
        check=True,
    )
    try:
        (checkout / ".venv").symlink_to(root / ".venv")
        yield checkout
    finally:
        subprocess.run(
            ["git", "-C", str(root), "worktree", "remove", "--force", str(checkout)], check=False
        )
        shutil.rmtree(folder, ignore_errors=True)
