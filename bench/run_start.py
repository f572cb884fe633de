"""How long `make run` takes until the site answers: cold (an empty var folder: the
database created, migrated, the demo county loaded) and warm (the same folder again),
on the embedded PostgreSQL of this checkout against the SQLite start of a baseline
commit, measured in the same run.

    .venv/bin/python bench/run_start.py --baseline <commit before the change>

Each start runs `scripts/run.sh` as a newcomer would (no DATABASE_URL, REDIS_URL or
CELERY_BROKER_URL: the filesystem broker), in its own var folder and on a free port (the
baseline's fixed port is rewritten in its throwaway checkout), times it until
http://127.0.0.1:PORT/ answers, then stops it with SIGINT (Ctrl+C) and times the stop.
Results: a table and bench/results/run_start.json.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import harness  # bench/ is first on sys.path when a script runs

RESULTS = harness.results_path(__file__)  # no settings: each start is a newcomer's
ROOT = harness.ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 (a local server)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def start_once(checkout: Path, var_dir: Path, log: Path, timeout: float) -> dict:
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "SITE_URL"}
    }
    env.update(HYTEOPAS_VAR_DIR=str(var_dir), PORT=str(port), HONCHO_STOP_SECONDS="20")
    procfile = checkout / "Procfile.local"
    procfile.write_text(procfile.read_text().replace("127.0.0.1:8000", "127.0.0.1:$PORT"))
    started = time.perf_counter()
    with log.open("a") as out:
        process = subprocess.Popen(
            [str(checkout / "scripts" / "run.sh")],
            cwd=checkout,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            while not answers(f"http://127.0.0.1:{port}/"):
                if process.poll() is not None or time.perf_counter() - started > timeout:
                    raise RuntimeError(f"no answer; see {log}")
                time.sleep(0.2)
            ready_s = time.perf_counter() - started
            stopping = time.perf_counter()
            process.send_signal(signal.SIGINT)
            process.wait(timeout=120)
            stop_s = time.perf_counter() - stopping
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    return {"ready_s": round(ready_s, 2), "stop_s": round(stop_s, 2)}


def measure(name: str, checkout: Path, scratch: Path, timeout: float) -> dict:
    var_dir = scratch / f"var-{name}"
    log = scratch / f"{name}.log"
    cold = start_once(checkout, var_dir, log, timeout)
    print(f"  {name} cold: {cold}", flush=True)
    warm = start_once(checkout, var_dir, log, timeout)
    print(f"  {name} warm: {warm}", flush=True)
    return {"cold": cold, "warm": warm}


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--baseline", required=True, help="a commit whose make run uses SQLite")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait per start")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="hyteopas-run-start-"))
    print(f"Logs in {scratch}", flush=True)
    result = {"embedded_postgres": measure("embedded_postgres", ROOT, scratch, args.timeout)}
    with harness.baseline_checkout(args.baseline) as checkout:
        result["sqlite_baseline"] = measure("sqlite_baseline", checkout, scratch, args.timeout)
    result["baseline"] = args.baseline
    print(f"\n{'make run':<20}{'cold s':>9}{'warm s':>9}{'stop s':>9}")
    for name in ("embedded_postgres", "sqlite_baseline"):
        figures = result[name]
        print(
            f"{name:<20}{figures['cold']['ready_s']:>9.1f}{figures['warm']['ready_s']:>9.1f}"
            f"{figures['warm']['stop_s']:>9.1f}"
        )
    for kind in ("cold", "warm"):
        ratio = (
            result["embedded_postgres"][kind]["ready_s"]
            / result["sqlite_baseline"][kind]["ready_s"]
        )
        print(f"{kind}: embedded PostgreSQL / SQLite = {ratio:.2f}")
    harness.write_results(RESULTS, result)


if __name__ == "__main__":
    main()
