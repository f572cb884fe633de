"""What the benches share: their own PostgreSQL database (checked by name, dropped and
created anew) and running one scenario in a fresh child process, so each measures its
own memory."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


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
    script: str,
    spec: dict,
    extra_args: tuple[str, ...] = (),
    env: dict | None = None,
    cwd: str | None = None,
) -> dict:
    """Run `script --child SPEC --out FILE [extra_args]` and return what it wrote (in
    `cwd`: Celery's Django fixup puts the working folder first on the import path)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        subprocess.run(
            [sys.executable, script, "--child", json.dumps(spec), "--out", out.name, *extra_args],
            check=True,
            env=env,
            cwd=cwd,
        )
        return json.load(open(out.name))


@contextlib.contextmanager
def baseline_checkout(ref: str):
    """A throwaway checkout of `ref` (a commit before a change, to measure against in
    the same run) sharing this checkout's virtual environment; removed afterwards."""
    root = Path(__file__).resolve().parent.parent
    folder = Path(tempfile.mkdtemp(prefix="hyteopas-baseline-"))
    checkout = folder / "checkout"
    subprocess.run(
        ["git", "-C", str(root), "worktree", "add", "--detach", "-q", str(checkout), ref],
        check=True,
    )
    try:
        (checkout / ".venv").symlink_to(root / ".venv")
        yield checkout
    finally:
        subprocess.run(
            ["git", "-C", str(root), "worktree", "remove", "--force", str(checkout)], check=False
        )
        shutil.rmtree(folder, ignore_errors=True)
