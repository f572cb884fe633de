"""Run Procfile.local with honcho, giving processes time to stop when asked.

On Ctrl+C honcho sends SIGTERM to every process and SIGKILLs whatever still runs five
seconds later; that wait is a constant in honcho, not an option. A Celery worker's warm
shutdown finishes the task in hand first, which may take longer, so here the wait is
HONCHO_STOP_SECONDS (60 by default). Usage: procfile.py [Procfile] (honcho's start)."""

import os
import sys

import honcho.manager
from honcho.command import main

honcho.manager.KILL_WAIT = int(os.environ.get("HONCHO_STOP_SECONDS", "60"))

if __name__ == "__main__":
    procfile = sys.argv[1] if len(sys.argv) > 1 else "Procfile.local"
    sys.argv = ["honcho", "-f", procfile, "start", *sys.argv[2:]]
    sys.exit(main())
