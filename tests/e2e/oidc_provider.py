"""Starts the real OpenID Provider of tests/oidc_provider/ (the certified `oidc-provider`
package on Node) on 127.0.0.1 for the browser sign-in tests."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import need

PROVIDER_DIR = Path(__file__).resolve().parent.parent / "oidc_provider"
CALLBACK_PATH = "/kirjaudu/organisaatio/paluu/"
SIGN_IN_PATH = "/kirjaudu/"


@dataclass
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_provider(*, site_url: str, accounts: dict[str, dict]) -> RunningProvider:
    node = shutil.which("node")
    need(node is not None, "Node.js (node)")
    need(
        (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir(),
        "the test OpenID Provider's packages (npm ci in tests/oidc_provider; scripts/test.sh does it)",
    )
    port = _free_port()
    config = {
        "port": port,
        "client_id": "hyteopas-test",
        "client_secret": "test-only-client-secret",
        "redirect_uris": [f"{site_url}{CALLBACK_PATH}"],
        "post_logout_redirect_uris": [f"{site_url}{SIGN_IN_PATH}"],
        "accounts": accounts,
    }
    process = subprocess.Popen(
        [node, "provider.mjs", json.dumps(config)],
        cwd=PROVIDER_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("ready "):
            # Keep reading what it prints, so a full pipe never stalls it.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return RunningProvider(
                issuer=line.split()[1],
                client_id=config["client_id"],
                client_secret=config["client_secret"],
                process=process,
            )
        if not line and process.poll() is not None:
            break
    process.kill()
    raise RuntimeError("The test OpenID Provider did not start")
