"""Run a Procfile with honcho, giving processes time to stop when asked.

On Ctrl+C honcho sends SIGTERM to every process and SIGKILLs whatever still runs five
seconds later; that wait is a constant in honcho, not an option. A Celery worker's warm
shutdown finishes the task in hand first, which may take longer, so here the wait is
HONCHO_STOP_SECONDS (60 by default).

With --local-run (scripts/run.sh) it is the whole local run: without DATABASE_URL it
starts the embedded PostgreSQL in var/postgres (scripts/dev_database.py) first and stops
it after the processes, migrates, loads the demo county, and prints where the site is
once the web server answers on PORT (8000 by default; honcho gives the first process
PORT, the next PORT+100 and so on).

Usage: procfile.py [--local-run] [Procfile] [honcho start options]."""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import honcho.manager
from honcho.command import main

honcho.manager.KILL_WAIT = int(os.environ.get("HONCHO_STOP_SECONDS", "60"))
ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 (our own local server)
    except urllib.error.HTTPError:
        return True  # any HTTP answer, a 302 to the sign-in page included
    except OSError:
        return False
    return True


def announce_when_ready(url: str) -> None:
    """Print the banner once, when the web server first answers."""
    while not answers(url):
        time.sleep(0.2)
    print(
        f"\nHyteopas: {url}/  (Ctrl+C stops the web server, worker and beat)\n",
        flush=True,
    )


def honcho_start(procfile: str, options: list[str]) -> int:
    sys.argv = ["honcho", "-f", procfile, "start", *options]
    try:
        main()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    return 0


def local_run(procfile: str, options: list[str]) -> int:
    os.environ.setdefault("PORT", "8000")
    base = f"http://127.0.0.1:{os.environ['PORT']}"
    os.environ.setdefault("SITE_URL", base)
    embedded = not os.environ.get("DATABASE_URL")
    if embedded:
        sys.path.insert(0, str(ROOT / "scripts"))
        import dev_database

        print("Starting PostgreSQL (embedded, var/postgres)...", flush=True)
        os.environ["DATABASE_URL"] = dev_database.start()
    try:
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True)
        subprocess.run([*manage, "load_demo"], check=True)
        threading.Thread(target=announce_when_ready, args=(base,), daemon=True).start()
        return honcho_start(procfile, options)
    except (subprocess.CalledProcessError, KeyboardInterrupt):
        return 1
    finally:
        if embedded:
            dev_database.stop()
            print("PostgreSQL stopped.", flush=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    run = arguments[:1] == ["--local-run"]
    if run:
        arguments = arguments[1:]
    procfile = arguments[0] if arguments else "Procfile.local"
    options = arguments[1:]
    sys.exit(local_run(procfile, options) if run else honcho_start(procfile, options))
