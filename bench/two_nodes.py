"""Two gunicorn nodes behind haproxy against one node, in the same run, plus the first
phrase search after a node starts with and without the lemma data warmed. The processes
are those of tests/integration/test_two_nodes.py (two nodes, two workers, two beats, the
test's own Redis, PostgreSQL from DATABASE_URL); this runs that test and prints its
figures.

    DATABASE_URL=postgres://... .venv/bin/python bench/two_nodes.py
"""

import json
import os
import subprocess
import sys

import harness  # bench/ is first on sys.path when a script runs

ROOT = harness.ROOT
RESULTS = harness.results_path(__file__)  # the test writes it; the settings are the test's


def main() -> None:
    harness.parser(__doc__).parse_args()  # --help only: it says what the run does
    out = RESULTS
    out.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HYTEOPAS_BENCH_OUT": str(out)}
    env.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/integration/test_two_nodes.py",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    figures = json.loads(out.read_text())
    for name, value in figures.items():
        print(f"{name:>28}  {value}")


if __name__ == "__main__":
    main()
