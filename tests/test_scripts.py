"""The test and bench commands start their own PostgreSQL on a machine without one
(a newcomer's fresh machine): that path must work, as root too."""

import glob
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import need

ROOT = Path(__file__).resolve().parent.parent


def test_a_throwaway_postgresql_starts_answers_and_is_removed():
    need(bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")), "Debian's PostgreSQL server binaries")
    # As the scripts do: a folder of our own under /tmp that the postgres user can enter.
    scratch = Path(tempfile.mkdtemp(prefix="hyteopas-test-"))
    scratch.chmod(0o755)
    script = """
set -euo pipefail
. scripts/services.sh
trap stop_services EXIT
start_postgres -c fsync=off
"$PY" -c "import psycopg, sys; psycopg.connect(f'postgresql://postgres@127.0.0.1:{sys.argv[1]}/postgres').close(); print('answered')" "$PG_PORT"
"""
    result = subprocess.run(
        ["bash", "-c", script],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
            "PY": str(ROOT / ".venv/bin/python"),
            "SCRATCH": str(scratch),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "answered" in result.stdout, result.stdout + result.stderr
    assert not scratch.exists()
