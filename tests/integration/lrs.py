"""A real learning record store for the xAPI tests: Ralph (`ralph-malph` from PyPI,
its `lrs` extra) with its file-system backend, run by uvicorn in a process of the
test's own on a fixed free port, so the test may stop it and start it again at the
same address. The statements it stores are one JSON line each in `fs_lrs.jsonl`,
which the tests count (every stored copy, so a statement stored twice would show).

Ralph's own `ralph runserver` is its `cli` extra, which pins click below what Celery
needs; uvicorn runs the same application (`ralph.api:app`, through `ralph_app.py`,
which makes its file backend append: see there) with the same settings."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path

from tests.integration.processes import free_port, port_open, wait_port

USERNAME = "hyteopas"
PASSWORD = "lrs-test-secret"  # noqa: S105 (a throwaway LRS of the test's own)


def ralph_available() -> bool:
    """Whether Ralph's LRS can run here (looked up, not imported: importing the app
    reads its settings from the environment)."""
    import importlib.util

    return all(importlib.util.find_spec(name) for name in ("ralph", "uvicorn", "fastapi", "bcrypt"))


class RalphLRS:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = folder / "ralph.log"

    @property
    def url(self) -> str:
        """XAPI_LRS_URL: Ralph's statements live under /xAPI/statements."""
        return f"http://127.0.0.1:{self.port}/xAPI"

    @property
    def store(self) -> Path:
        return self.folder / "fs_lrs.jsonl"

    def _write_auth_file(self) -> Path:
        import bcrypt

        path = self.folder / "auth.json"
        path.write_text(
            json.dumps(
                [
                    {
                        "agent": {"mbox": "mailto:lrs-client@hyteopas.example"},
                        "scopes": ["all"],
                        "hash": bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt()).decode(),
                        "username": USERNAME,
                    }
                ]
            )
        )
        return path

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        auth_file = self.folder / "auth.json"
        if not auth_file.exists():
            self._write_auth_file()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "RALPH_APP_DIR": str(self.folder / "app"),
            "RALPH_AUTH_FILE": str(auth_file),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.folder),
            "RALPH_SENTRY_DSN": "",
        }
        log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--app-dir",
                str(Path(__file__).parent),
                "ralph_app:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            cwd=self.folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.process.log_file = log
        wait_port(self.port, timeout=60)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self.process is not None:
            self.process.log_file.close()
        self.process = None
        while port_open(self.port):
            pass

    def stored_ids(self) -> Counter:
        """How many times each statement id is stored."""
        if not self.store.exists():
            return Counter()
        return Counter(
            json.loads(line)["id"] for line in self.store.read_text().splitlines() if line.strip()
        )

    def stored(self) -> list[dict]:
        if not self.store.exists():
            return []
        return [json.loads(line) for line in self.store.read_text().splitlines() if line.strip()]

    def get_statement(self, statement_id: str) -> dict:
        """One statement read back through the LRS's own API."""
        request = urllib.request.Request(  # noqa: S310
            f"{self.url}/statements?statementId={statement_id}",
            headers={
                "X-Experience-API-Version": "1.0.3",
                "Authorization": "Basic "
                + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode(),
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            answer = json.loads(response.read())
        # The file backend answers with a list of statements: pick the one asked for.
        if "statements" in answer:
            (answer,) = [s for s in answer["statements"] if s["id"] == statement_id]
        return answer


def point_settings_at(settings, lrs: RalphLRS, *, batch: int, retry_first: int, **more):
    """Point the xAPI settings at `lrs` with the test's batch size and first retry wait
    (and any further XAPI_* setting, e.g. XAPI_RETRY_MAX_SECONDS=3600)."""
    settings.XAPI_LRS_URL = lrs.url
    settings.XAPI_LRS_USERNAME = USERNAME
    settings.XAPI_LRS_PASSWORD = PASSWORD
    settings.XAPI_BATCH_SIZE = batch
    settings.XAPI_RETRY_FIRST_SECONDS = retry_first
    for name, value in more.items():
        setattr(settings, name, value)
    return settings
