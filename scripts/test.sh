#!/usr/bin/env bash
# Run the whole test suite. Uses PostgreSQL and Redis from DATABASE_URL / REDIS_URL, or
# the ones listening on 127.0.0.1:5432 / :6379, or starts throwaway ones (installing
# Debian's packages first when running as root and they are missing). With CI=true the
# tests that need PostgreSQL, Redis or Chromium fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=.venv/bin/python
SCRATCH=$(mktemp -d -t hyteopas-test.XXXXXX)
chmod 755 "$SCRATCH"
cleanup() {
  if [ -f "$SCRATCH/redis.pid" ]; then kill "$(cat "$SCRATCH/redis.pid")" 2>/dev/null || true; fi
  if [ -f "$SCRATCH/pg/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$SCRATCH/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if is_root && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: $*"
    if [ ! -f "$SCRATCH/apt-updated" ]; then apt-get update -qq; touch "$SCRATCH/apt-updated"; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "Missing: $* (install with: sudo apt-get install $*)" >&2
    return 1
  fi
}
port_open() { "$PY" -c "import socket,sys; s=socket.socket(); s.settimeout(1); sys.exit(s.connect_ex(('127.0.0.1', int(sys.argv[1]))))" "$1"; }
free_port() { "$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# --- PostgreSQL -------------------------------------------------------------------------
if [ -z "${DATABASE_URL:-}" ]; then
  if port_open 5432 && "$PY" -c "import psycopg; psycopg.connect('postgresql://postgres@127.0.0.1:5432/postgres', connect_timeout=3).close()" 2>/dev/null; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/hyteopas"
  else
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$PG_BIN" ]; then apt_install postgresql && PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); fi
    if [ -n "$PG_BIN" ]; then
      PG_PORT=$(free_port)
      mkdir -p "$SCRATCH/pg"
      if is_root; then chown postgres "$SCRATCH/pg"; fi
      as_pg "$PG_BIN/initdb" -D "$SCRATCH/pg" -U postgres --auth=trust -E UTF8 >/dev/null
      as_pg "$PG_BIN/pg_ctl" -D "$SCRATCH/pg" -l "$SCRATCH/pg/log" -w \
        -o "-p $PG_PORT -k $SCRATCH -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
      export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hyteopas"
      echo "Started a throwaway PostgreSQL on port $PG_PORT"
    fi
  fi
fi

# --- Redis ------------------------------------------------------------------------------
if [ -z "${REDIS_URL:-}" ]; then
  if port_open 6379; then
    export REDIS_URL="redis://127.0.0.1:6379/15"
  else
    command -v redis-server >/dev/null || apt_install redis-server || true
    if command -v redis-server >/dev/null; then
      REDIS_PORT=$(free_port)
      redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
        --pidfile "$SCRATCH/redis.pid" --dir "$SCRATCH" --logfile "$SCRATCH/redis.log"
      for _ in $(seq 50); do port_open "$REDIS_PORT" && break; sleep 0.1; done
      export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/15"
      echo "Started a throwaway Redis on port $REDIS_PORT"
    fi
  fi
fi
export CELERY_BROKER_URL="$REDIS_URL"

# --- Chromium for the browser tests, gettext for the catalogue check --------------------
if [ ! -x /usr/bin/chromium ]; then apt_install chromium chromium-driver fonts-dejavu-core || true; fi
command -v xgettext >/dev/null || apt_install gettext || true
# Compose checks docker/compose.yml without an engine: the v2 plugin, else Debian's v1.
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || apt_install docker-compose || true

# --- Lint, catalogues, tests ------------------------------------------------------------
echo "ruff check / format"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
export HYTEOPAS_VAR_DIR="$SCRATCH/var"
echo "DATABASE_URL=${DATABASE_URL:-(SQLite)} REDIS_URL=${REDIS_URL:-(none)} CI=${CI:-false}"
cd "$ROOT"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
exit $status
