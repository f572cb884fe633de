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
