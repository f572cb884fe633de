#!/usr/bin/env bash
# Benchmarks, one after the other:
#   hr_import  the HR import (bench/hr_import.py) on a synthetic 30,000-person county;
#   learning   the lesson page, My learning and a quiz submission (bench/learning.py);
#   reminders  the reminder sweep (mails to a local SMTP sink) and building 1,000
#              checklists, on synthetic counties of 3,000 and 30,000 (bench/reminders.py);
#   events     inviting 5,000 to a session and a 10 × 150 series report (bench/events.py);
#   phrase_search  the phrase search over 10,000 phrases (bench/phrase_search.py);
#   supervision  the team dashboard (500 reports × 12 courses), the county report over
#              30,000 people and a 300,000-row XLSX export task (bench/supervision.py);
#   team_dashboard  the team page in SQL against in Python, teams of 500 and 2,000
#              (bench/team_dashboard.py);
#   uploads    zip bombs against the upload reader: time and peak memory (bench/uploads.py);
#   hyte       the county's hyte picture over 30,000 people against a bare page, and a
#              PTV sync of 2,000 services from a local server (bench/hyte.py);
#   xapi       xAPI statements per second to a real LRS (Ralph) through the outbox,
#              against bare HTTP POST loops to the same LRS (bench/xapi.py);
#   two_nodes  two gunicorn nodes behind haproxy against one, first-request times after
#              a node starts (bench/two_nodes.py; needs Redis and haproxy).
# The database named by BENCH_DATABASE_URL (default hyteopas_bench on the PostgreSQL at
# 127.0.0.1:5432) is dropped and recreated by each benchmark; DATABASE_URL is deliberately
# not used, so a development or test database is never touched. Without a server on 5432,
# a throwaway PostgreSQL is started (installing Debian's package first when running as root).
# Usage:
#   scripts/bench.sh                      all; extra arguments go to the HR import:
#   scripts/bench.sh --rows 100000
#   scripts/bench.sh learning --requests 50    one benchmark, the arguments go to it
# Results: the tables on stdout and bench/results/<name>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY=""
case "${1:-}" in
  hr_import|learning|reminders|events|phrase_search|supervision|team_dashboard|uploads|hyte|two_nodes|xapi) ONLY=$1; shift ;;
esac
PY=.venv/bin/python
SCRATCH=$(mktemp -d -t hyteopas-bench.XXXXXX)
chmod 755 "$SCRATCH"
# shellcheck source=scripts/services.sh
. scripts/services.sh
trap stop_services EXIT

if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  if local_postgres_answers; then
    BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:5432/hyteopas_bench"
  # Durable settings (fsync on) so the figures resemble a real server's.
  elif start_postgres; then
    BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hyteopas_bench"
  else
    echo "No PostgreSQL: set BENCH_DATABASE_URL or install it (sudo apt-get install postgresql)." >&2
    exit 1
  fi
fi

export DATABASE_URL="$BENCH_DATABASE_URL"
export DJANGO_SETTINGS_MODULE=learning.settings.test
export HYTEOPAS_VAR_DIR="$SCRATCH/var"
export PYTHONUNBUFFERED=1
case "$ONLY" in
  hr_import) "$PY" bench/hr_import.py "$@" ;;
  learning) "$PY" bench/learning.py "$@" ;;
  reminders) "$PY" bench/reminders.py "$@" ;;
  events) "$PY" bench/events.py "$@" ;;
  phrase_search) "$PY" bench/phrase_search.py "$@" ;;
  supervision) "$PY" bench/supervision.py "$@" ;;
  team_dashboard) "$PY" bench/team_dashboard.py "$@" ;;
  uploads) "$PY" bench/uploads.py "$@" ;;
  hyte) "$PY" bench/hyte.py "$@" ;;
  two_nodes) "$PY" bench/two_nodes.py "$@" ;;
  xapi) "$PY" bench/xapi.py "$@" ;;
  *)
    "$PY" bench/hr_import.py "$@"
    "$PY" bench/learning.py
    "$PY" bench/reminders.py
    "$PY" bench/events.py
    "$PY" bench/phrase_search.py
    "$PY" bench/supervision.py
    "$PY" bench/team_dashboard.py
    "$PY" bench/uploads.py
    "$PY" bench/hyte.py
    ;;
esac
