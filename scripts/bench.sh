#!/usr/bin/env bash
# Benchmarks, one after the other:
#   hr_import  the HR import (bench/hr_import.py) on a synthetic 30,000-person county;
#   learning   the lesson page, My learning and a quiz submission (bench/learning.py);
#   reminders  the reminder sweep (mails to a local SMTP sink) and building 1,000
#              checklists, on synthetic counties of 3,000 and 30,000 (bench/reminders.py).
# The database named by BENCH_DATABASE_URL (default hyteopas_bench on the PostgreSQL at
# 127.0.0.1:5432) is dropped and recreated by each benchmark; DATABASE_URL is deliberately
# not used, so a development or test database is never touched. Without a server on 5432,
# a throwaway PostgreSQL is started (installing Debian's package first when running as root).
# Usage:
#   scripts/bench.sh                      all; extra arguments go to the HR import:
#   scripts/bench.sh --rows 100000
#   scripts/bench.sh learning --requests 50    one benchmark, the arguments go to it
# Results: the tables on stdout and bench/results/{hr_import,learning,reminders}.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY=""
case "${1:-}" in
  hr_import|learning|reminders) ONLY=$1; shift ;;
esac
PY=.venv/bin/python
SCRATCH=$(mktemp -d -t hyteopas-bench.XXXXXX)
chmod 755 "$SCRATCH"
is_root() { [ "$(id -u)" = 0 ]; }
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -f "$SCRATCH/pg/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$SCRATCH/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
port_open() { "$PY" -c "import socket,sys; s=socket.socket(); s.settimeout(1); sys.exit(s.connect_ex(('127.0.0.1', int(sys.argv[1]))))" "$1"; }
free_port() { "$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }

if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  if port_open 5432 && "$PY" -c "import psycopg; psycopg.connect('postgresql://postgres@127.0.0.1:5432/postgres', connect_timeout=3).close()" 2>/dev/null; then
    BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:5432/hyteopas_bench"
  else
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$PG_BIN" ]; then
      if is_root && command -v apt-get >/dev/null; then
        echo "Installing Debian packages: postgresql"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
      else
        echo "No PostgreSQL: set BENCH_DATABASE_URL or install it (sudo apt-get install postgresql)." >&2
        exit 1
      fi
    fi
    PG_PORT=$(free_port)
    mkdir -p "$SCRATCH/pg"
    if is_root; then chown postgres "$SCRATCH/pg"; fi
    as_pg "$PG_BIN/initdb" -D "$SCRATCH/pg" -U postgres --auth=trust -E UTF8 >/dev/null
    # Durable settings (fsync on) so the figures resemble a real server's.
    as_pg "$PG_BIN/pg_ctl" -D "$SCRATCH/pg" -l "$SCRATCH/pg/log" -w \
      -o "-p $PG_PORT -k $SCRATCH -c listen_addresses=127.0.0.1" start >/dev/null
    BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hyteopas_bench"
    echo "Started a throwaway PostgreSQL on port $PG_PORT"
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
  *)
    "$PY" bench/hr_import.py "$@"
    "$PY" bench/learning.py
    "$PY" bench/reminders.py
    ;;
esac
