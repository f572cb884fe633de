"""What the benches share: their own PostgreSQL database (checked by name, dropped and
created anew) and running one scenario in a fresh child process, so each measures its
own memory."""

import json
import os
import subprocess
import sys
import tempfile


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


def recreate_database(config: dict) -> None:
    import psycopg

    with connect(config, "postgres") as admin:
        name = psycopg.sql.Identifier(config["NAME"])
        admin.execute(psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(
            psycopg.sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(name)
        )


def run_in_child(
    script: str, spec: dict, extra_args: tuple[str, ...] = (), env: dict | None = None
) -> dict:
    """Run `script --child SPEC --out FILE [extra_args]` and return what it wrote."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        subprocess.run(
            [sys.executable, script, "--child", json.dumps(spec), "--out", out.name, *extra_args],
            check=True,
            env=env,
        )
        return json.load(open(out.name))
