"""Mutation testing of the critical modules with mutmut: how many of the small
changes mutmut makes to each module (a `>=` turned into `>`, a `True` into `False`, an
argument dropped) the module's own tests notice. Not part of `make test`: a whole run
takes tens of minutes.

    make mutation                               every module, one after the other
    .venv/bin/python bench/mutation.py grading reminders    some of them
    .venv/bin/python bench/mutation.py --list   the modules and their tests

For each module the working tree (tracked and new files) is copied to a scratch
folder and mutmut runs there with the module's files to mutate and only the module's
tests; mutmut itself runs, for each mutant, only the tests that reach the mutated
function. The tests run against PostgreSQL: DATABASE_URL names the server and a base
name (default postgres://postgres@127.0.0.1:5432/hyteopas_mutation); a template
database is migrated once per run, and each pytest session gets a copy of it
(bench/mutation_db.py says why). Nothing outside the scratch folder and those
databases is touched.

Prints killed / checked per module (a mutant that times out counts as killed, one no
test reaches as surviving). With --minutes M each module stops after M minutes and the
mutants checked by then are the sample scored (mutmut checks those with the fastest
tests first); "checked of generated" says how large the sample was. The survivors go
to bench/results/mutation.json; the goal is 90 % killed. `.venv/bin/python -m mutmut
show NAME` in the scratch folder (kept with --keep) shows a survivor's diff.
"""

import argparse
import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness  # bench/ is first on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "mutation.json"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/hyteopas_mutation"

# name: (files to mutate, the tests that guard them)
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "grading": (
        ["quizzes/services.py"],
        [
            "tests/courses/test_quiz_grading.py",
            "tests/quizzes/test_quiz_validation.py",
            "tests/quizzes/test_mutation_survivors.py",
            "tests/quizzes/test_pending_quizzes.py",
        ],
    ),
    "four-eyes": (
        ["cms/models.py", "cms/workflows.py"],
        [
            "tests/quizzes/test_quiz_four_eyes.py",
            "tests/quizzes/test_mutation_survivors.py",
            "tests/courses/test_course_workflow.py",
            "tests/courses/test_published_by_approver.py",
            "tests/phrases/test_workflow.py",
        ],
    ),
    "supervisor-permissions": (
        ["supervision/permissions.py", "people/selectors.py", "people/permissions.py"],
        [
            "tests/supervision/test_access.py",
            "tests/supervision/test_mutation_survivors.py",
            "tests/people/test_team_and_access.py",
        ],
    ),
    "spreadsheet-escaping": (
        ["reporting/spreadsheets.py"],
        [
            "tests/reporting",
            "tests/supervision/test_exports.py",
            "tests/supervision/test_county_export.py",
        ],
    ),
    "reminders": (
        ["notifications/selectors.py", "notifications/delivery.py", "notifications/responsible.py"],
        ["tests/notifications"],
    ),
    "staff-import": (
        ["people/hr_import/applying.py", "people/hr_import/validation.py"],
        [
            "tests/people/test_hr_import.py",
            "tests/people/test_import_guards.py",
            "tests/people/test_hr_file_properties.py",
        ],
    ),
}

# Where a module's files hold more than its rule, the mutants scored are those of these
# functions and classes only (mutmut's keys: module.x_function, module.xǁClassǁmethod).
# cms/models.py is mostly the home page's routing: the four eyes are its approval task.
SCORED: dict[str, tuple[str, ...]] = {
    "four-eyes": ("cms.models.xǁFourEyesApprovalTaskǁ", "cms.workflows."),
}

KILLED = {"killed", "timeout", "caught by type check"}


def _scratch_copy(target: Path) -> None:
    """The working tree as git sees it (tracked and new files, ignored ones left out)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in listed:
        if not raw:
            continue
        name = raw.decode()
        source = ROOT / name
        if not source.is_file() or "node_modules/" in name:
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)


def _undecorate(path: Path) -> None:
    """mutmut leaves decorated functions alone (its trampoline replaces the function),
    and `quiz_submit` is `@transaction.atomic`. In the scratch copy only, a module-level
    function's decorators are applied after its definition instead (`f = d(f)`), which
    means the same and lets mutmut mutate it."""
    source = path.read_text()
    lines = source.splitlines(keepends=True)
    functions = [
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.decorator_list
    ]
    for node in reversed(functions):
        decorators = [ast.get_source_segment(source, d) for d in node.decorator_list]
        applied = node.name
        for decorator in reversed(decorators):
            applied = f"({decorator})({applied})"
        lines.insert(node.end_lineno, f"\n\n{node.name} = {applied}\n")
        first = node.decorator_list[0].lineno - 1
        del lines[first : node.lineno - 1]
    path.write_text("".join(lines))


def _mutmut_config(files: list[str], tests: list[str], top_level: list[str]) -> str:
    source_dirs = sorted({str(Path(f).parent) + "/" for f in files})
    also_copy = [name for name in top_level if name + "/" not in source_dirs]
    return (
        "\n[tool.mutmut]\n"
        f"source_paths = {json.dumps(source_dirs)}\n"
        f"only_mutate = {json.dumps(files)}\n"
        f"also_copy = {json.dumps(also_copy)}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:xdist", "-p", "no:cacheprovider", '
        '"-p", "mutation_db", "-q"]\n'
    )


def _migrate_template(env: dict) -> None:
    """The migrated database every pytest session copies (bench/mutation_db.py)."""
    import environ
    import mutation_db

    config = environ.Env.db_url_config(env["DATABASE_URL"])
    template = mutation_db.template_name(config)
    harness.recreate_database({**config, "NAME": template})
    template_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + template
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": template_url},
        check=True,
    )


def _drop_session_databases(env: dict) -> None:
    """The copies of sessions that a time limit stopped before they dropped them."""
    import environ

    config = environ.Env.db_url_config(env["DATABASE_URL"])
    with harness.connect(config, "postgres") as admin:
        names = admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            [f"test_{config['NAME']}_%"],
        ).fetchall()
    for (name,) in names:
        harness.drop_database({**config, "NAME": name})


def _read_results(workdir: Path) -> dict[str, str]:
    from mutmut.stats import status_by_exit_code

    statuses = {}
    for meta in (workdir / "mutants").rglob("*.py.meta"):
        for key, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            statuses[key] = status_by_exit_code[code]
    return statuses


def run_module(name: str, *, env: dict, keep: bool, children: int, minutes: float) -> dict:
    files, tests = MODULES[name]
    workdir = Path(tempfile.mkdtemp(prefix=f"mutation-{name}-"))
    try:
        _scratch_copy(workdir)
        for name_of_file in files:
            _undecorate(workdir / name_of_file)
        top_level = sorted(p.name for p in workdir.iterdir() if not p.name.startswith("."))
        with open(workdir / "pyproject.toml", "a") as pyproject:
            pyproject.write(_mutmut_config(files, tests, top_level))
        started = time.monotonic()
        log = workdir / "mutmut.log"
        with open(log, "w") as output:
            run = subprocess.Popen(
                [sys.executable, "-m", "mutmut", "run", "--max-children", str(children)],
                cwd=workdir,
                env={**env, "PYTHONPATH": str(workdir / "bench")},
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                run.wait(timeout=minutes * 60 if minutes else None)
            except subprocess.TimeoutExpired:
                # A sample: what was checked within the time (mutmut saves as it goes).
                os.killpg(run.pid, signal.SIGTERM)
                run.wait()
        seconds = time.monotonic() - started
        _drop_session_databases(env)
        every = _read_results(workdir)
        if name in SCORED:
            every = {k: s for k, s in every.items() if k.startswith(SCORED[name])}
        statuses = {k: s for k, s in every.items() if s != "not checked"}
        if not statuses:
            print(log.read_text()[-3000:], file=sys.stderr)
        counts: dict[str, int] = {}
        for status in statuses.values():
            counts[status] = counts.get(status, 0) + 1
        killed = sum(n for status, n in counts.items() if status in KILLED)
        return {
            "module": name,
            "files": files,
            "generated": len(every),
            "mutants": len(statuses),
            "killed": killed,
            "score": round(100 * killed / len(statuses), 1) if statuses else None,
            "counts": counts,
            "seconds": round(seconds),
            "survivors": sorted(k for k, s in statuses.items() if s not in KILLED),
            "workdir": str(workdir) if keep else None,
        }
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", choices=[[], *MODULES], default=[])
    parser.add_argument("--list", action="store_true", help="the modules and their tests")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    parser.add_argument("--children", type=int, default=2, help="mutants run at once")
    parser.add_argument(
        "--minutes",
        type=float,
        default=0,
        help="time per module; then the mutants checked so far are the sample scored",
    )
    args = parser.parse_args()
    if args.list:
        for name, (files, tests) in MODULES.items():
            print(f"{name}: {' '.join(files)}\n    tests: {' '.join(tests)}")
        return
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("MUTATION_DATABASE_URL", DEFAULT_DATABASE_URL),
        "DJANGO_SETTINGS_MODULE": "learning.settings.test",
        "PYTHONUNBUFFERED": "1",
    }
    env["HYTEOPAS_VAR_DIR"] = tempfile.mkdtemp(prefix="mutation-var-")
    _migrate_template(env)
    results = []
    print(f"{'module':<24}{'checked':>8}{'of':>6}{'killed':>8}{'score':>8}{'seconds':>9}  other")
    for name in args.modules or list(MODULES):
        result = run_module(
            name, env=env, keep=args.keep, children=args.children, minutes=args.minutes
        )
        results.append(result)
        other = ", ".join(
            f"{k} {v}" for k, v in sorted(result["counts"].items()) if k not in KILLED
        )
        score = "-" if result["score"] is None else result["score"]
        print(
            f"{name:<24}{result['mutants']:>8}{result['generated']:>6}{result['killed']:>8}{score:>7}%"
            f"{result['seconds']:>9}  {other}",
            flush=True,
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    shutil.rmtree(env["HYTEOPAS_VAR_DIR"], ignore_errors=True)


if __name__ == "__main__":
    main()
