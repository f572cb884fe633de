# Shared by scripts/test.sh and scripts/bench.sh (sourced, not run): Debian packages,
# ports, and a throwaway PostgreSQL in a scratch folder. Callers set PY and SCRATCH and
# call stop_services on exit.

is_root() { [ "$(id -u)" = 0 ]; }
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
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

# True when the PostgreSQL on 127.0.0.1:5432 takes the postgres user without a password.
local_postgres_answers() {
  port_open 5432 && "$PY" -c "import psycopg; psycopg.connect('postgresql://postgres@127.0.0.1:5432/postgres', connect_timeout=3).close()" 2>/dev/null
}

# start_postgres [server options...]: a new cluster in $SCRATCH/pg on a free port; sets
# PG_PORT. Installs Debian's postgresql first when it is missing and we are root.
start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$PG_BIN" ]; then apt_install postgresql || return 1; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); fi
  PG_PORT=$(free_port)
  # The server writes its data and its socket lock file: both folders must be its own.
  mkdir -p "$SCRATCH/pg" "$SCRATCH/pg-socket"
  if is_root; then chown postgres "$SCRATCH/pg" "$SCRATCH/pg-socket"; fi
  as_pg "$PG_BIN/initdb" -D "$SCRATCH/pg" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
  as_pg "$PG_BIN/pg_ctl" -D "$SCRATCH/pg" -l "$SCRATCH/pg/log" -w \
    -o "-p $PG_PORT -k $SCRATCH/pg-socket -c listen_addresses=127.0.0.1 $*" start >/dev/null || return 1
  echo "Started a throwaway PostgreSQL on port $PG_PORT"
}

stop_services() {
  if [ -f "$SCRATCH/redis.pid" ]; then kill "$(cat "$SCRATCH/redis.pid")" 2>/dev/null || true; fi
  if [ -f "$SCRATCH/pg/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$SCRATCH/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SCRATCH"
}
