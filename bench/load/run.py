"""Load test of the morning rush: Locust against gunicorn on PostgreSQL, sync and gthread.

    # against the bench database (dropped and recreated; its name must contain "bench"):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_load_bench \\
        .venv/bin/python bench/load/run.py [--people 8000] [--users 8,32,64] [--seconds 60]
        [--workers 2] [--threads 4] [--kinds sync,gthread]

What it does:

1. Drops and recreates the bench database (its name must contain "bench"), migrates it
   and builds a county of --people with the supervision bench's set-based builder
   (bench/supervision.py: 200 units, 12 mandatory courses, everyone enrolled, about 5 in
   6 person–course pairs completed), then: three lessons in the first course (the
   learning bench's 18-block lesson with a quiz of 10 questions), a supervisor for every
   200 people (one supervisor in ten signed-in users is a supervisor), 2,000 phrases
   (the phrase-search bench's synthetic library) and a server session for each of 80
   employees, 10 supervisors and 10 phrase users, written to a JSON file for Locust.
2. For each worker kind: starts gunicorn (learning.wsgi, the production settings with
   SECURE_SSL_REDIRECT off and X-Forwarded-Proto sent, as behind the county's load
   balancer; --workers, and --threads for gthread) on 127.0.0.1, then runs Locust headless
   (bench/load/locustfile.py: employees, supervisors and phrase users 8 : 1 : 1, think
   time 0.5–1.5 s) at each --users for --seconds, and stops gunicorn.
3. Reports requests/s, p50 and p95 per page and step, failures, and the load average.

Only 127.0.0.1 is ever sent a request. The client, the server and PostgreSQL share the
machine's cores, so the figures are a floor of what a web node alone would do.

Results: a table on stdout and bench/results/load.json (Locust's CSV files beside it in
bench/results/load/).
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import harness  # noqa: E402

RESULTS = harness.prepare(__file__).with_name("load.json")
ROOT = harness.ROOT
BENCH = ROOT / "bench"
CSV_FOLDER = BENCH / "results" / "load"
SESSIONS = BENCH / "results" / "load-sessions.json"
BIN = Path(sys.executable).parent
PEOPLE_PER_SUPERVISOR = 200
SIGNED_IN = {"employee": 80, "supervisor": 10, "phrase": 10}
PHRASES = 2000
# The morning peak this bench sizes a county for (see the report): staff who open the
# site in the busiest quarter hour, and the pages each opens in it.
PEAK_SHARE, PEAK_MINUTES, PAGES_EACH = 0.25, 15, 8


def _bench_module(name: str):
    """Another bench script as a module (its scenarios' builders), by path: bench/ is off
    sys.path, since bench/learning.py would hide the project's package of that name."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the data (in a child process) -------------------------------------------------------


def set_up(people: int) -> dict:  # long: the county, lessons, supervisors, phrases, sessions
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale

    from courses.models import CoursePage
    from people.models import Employee
    from phrases.models import Phrase, PhraseSearchTerm
    from tests.courses.builders import make_quiz

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    supervision = _bench_module("supervision")
    learning = _bench_module("learning")
    phrase_search = _bench_module("phrase_search")
    county = supervision.build_county(people, team=0)

    course = CoursePage.objects.order_by("pk").first()
    quiz = make_quiz(questions=10, pass_mark=70, max_attempts=0)
    lessons = [learning._lesson(course, n, learning.lesson_body(quiz)) for n in (1, 2, 3)]

    # A supervisor for every PEOPLE_PER_SUPERVISOR people, the rest their direct reports.
    ids = list(Employee.objects.order_by("pk").values_list("pk", flat=True))
    leads = ids[::PEOPLE_PER_SUPERVISOR]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE people_employee e SET supervisor_id = (%s::bigint[])[1 + (e.id %% %s)] "
            "WHERE NOT (e.id = ANY(%s))",
            [leads, len(leads), leads],
        )
    group = Group.objects.get(name="supervisor")
    group.user_set.add(*Employee.objects.filter(pk__in=leads).values_list("user_id", flat=True))

    finnish = Locale.objects.get(language_code="fi")
    rows = [
        Phrase(locale=finnish, live=True, **data)
        for data in phrase_search.synthetic_phrases(PHRASES)
    ]
    for phrase in rows:
        phrase.set_search_terms()
    Phrase.objects.bulk_create(rows, batch_size=1000)
    PhraseSearchTerm.remember(term for phrase in rows for term in phrase.search_terms())

    def session_of(employee: Employee) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(employee.user_id)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        store[HASH_SESSION_KEY] = employee.user.get_session_auth_hash()
        store.create()
        return store.session_key

    staff = Employee.objects.select_related("user").exclude(pk__in=leads).order_by("pk")
    chosen = list(staff[: SIGNED_IN["employee"] + SIGNED_IN["phrase"]])
    signed: dict[str, list[dict]] = {
        "employee": [{"session": session_of(e)} for e in chosen[: SIGNED_IN["employee"]]],
        "phrase": [{"session": session_of(e)} for e in chosen[SIGNED_IN["employee"] :]],
        "supervisor": [],
    }
    for lead in Employee.objects.select_related("user").filter(
        pk__in=leads[: SIGNED_IN["supervisor"]]
    ):
        reports = list(
            lead.direct_reports.order_by("pk").values_list("employee_number", flat=True)[:20]
        )
        signed["supervisor"].append({"session": session_of(lead), "reports": reports})
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    SESSIONS.parent.mkdir(parents=True, exist_ok=True)
    SESSIONS.write_text(
        json.dumps(
            {
                "key": settings.SECRET_KEY,
                "cookie": settings.SESSION_COOKIE_NAME,
                "people": signed,
                "lessons": [lesson.url for lesson in lessons],
                "course": course.url,
                "phrases": list(Phrase.objects.order_by("pk").values_list("code", flat=True)[:200]),
            }
        )
    )
    return {
        **county,
        "supervisors": len(leads),
        "phrases": PHRASES,
        "setup_s": time.perf_counter() - started,
    }


# --- gunicorn and Locust ------------------------------------------------------------------


def _server_env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "HYTEOPAS_VAR_DIR": os.environ.get("HYTEOPAS_VAR_DIR", "/tmp/hyteopas-load-bench"),
    }


def _collect_static() -> None:
    """The production settings serve hashed static files (whitenoise's manifest)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=_server_env(),
        check=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_answers(port: int, timeout: float = 120) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/kirjaudu/", timeout=5)  # noqa: S310
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on {port} within {timeout} s")


def _gunicorn(kind: str, workers: int, threads: int, port: int, log: Path) -> subprocess.Popen:
    env = {**_server_env(), "SITE_URL": f"http://127.0.0.1:{port}"}
    command = [
        str(BIN / "gunicorn"),
        "learning.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        kind,
        "--timeout",
        "120",
        "--preload",
    ]
    if kind == "gthread":
        command += ["--threads", str(threads)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _locust(port: int, users: int, seconds: int, prefix: Path) -> dict:
    load_before = os.getloadavg()[0]
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(Path(__file__).with_name("locustfile.py")),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(4, users // 4)),
            "--run-time",
            f"{seconds}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--stop-timeout",
            "10",
        ],
        env={**os.environ, "LOAD_SESSIONS": str(SESSIONS)},
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    pages = {}
    with open(f"{prefix}_stats.csv") as stats:
        for row in csv.DictReader(stats):
            pages[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
                "max_ms": float(row["Max Response Time"] or 0),
            }
    return {"pages": pages, "load_before": load_before, "load_after": os.getloadavg()[0]}


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


# --- the report ---------------------------------------------------------------------------


def capacity(data: dict) -> list[str]:
    """Workers needed at the morning peak, from the best saturated throughput per
    worker process measured here."""
    people = data["setup"]["employees"]
    peak_rps = people * PEAK_SHARE * PAGES_EACH / (PEAK_MINUTES * 60)
    lines = [
        "",
        f"Morning peak assumed: {PEAK_SHARE:.0%} of {people:,} staff open the site in the "
        f"busiest {PEAK_MINUTES} minutes (a mandatory course just opened, shifts starting), "
        f"{PAGES_EACH} pages each: {peak_rps:.1f} requests/s.",
    ]
    for kind, steps in data["runs"].items():
        best = max(steps.values(), key=lambda step: step["pages"]["Aggregated"]["rps"])
        rps = best["pages"]["Aggregated"]["rps"]
        per_worker = rps / data["workers"]
        needed = max(1, -(-peak_rps * 1.5 // per_worker))  # 50 % headroom
        lines.append(
            f"  {kind:8} best {rps:6.1f} req/s with {data['workers']} workers "
            f"({per_worker:.1f} per worker on cores shared with PostgreSQL and Locust): "
            f"{int(needed)} {kind} workers for the peak with 50 % headroom"
        )
    return lines


def report(data: dict) -> str:
    lines = [
        f"Load test: {data['setup']['employees']:,} people, {data['setup']['supervisors']} "
        f"supervisors, {data['setup']['phrases']:,} phrases; gunicorn {data['workers']} "
        f"workers (gthread: {data['threads']} threads each); {data['seconds']} s per step; "
        f"{os.cpu_count()} cores shared by server, database and client",
    ]
    for kind, steps in data["runs"].items():
        for users, step in steps.items():
            lines += [
                "",
                f"{kind}, {users} users (load {step['load_before']:.1f} → "
                f"{step['load_after']:.1f}):",
                f"  {'page':<28}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'fail':>6}",
            ]
            for name, page in sorted(
                step["pages"].items(), key=lambda item: item[0] == "Aggregated"
            ):
                lines.append(
                    f"  {name:<28}{page['rps']:>8.1f}{page['p50_ms']:>9.0f}"
                    f"{page['p95_ms']:>9.0f}{page['failures']:>6}"
                )
    return "\n".join(lines + capacity(data))


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--people", type=int, default=8000)
    parser.add_argument("--users", default="8,32,64")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--kinds", default="sync,gthread")
    parser.add_argument("--reuse", action="store_true", help="keep the bench database as built")
    args = parser.parse_args()
    # One key for the sessions made at setup and the server that reads them (kept with
    # the sessions, so --reuse works), never a real one.
    if not args.child:
        previous = json.loads(SESSIONS.read_text()) if args.reuse and SESSIONS.exists() else {}
        os.environ["SECRET_KEY"] = previous.get("key") or secrets.token_urlsafe(40)
    if harness.answer_child(args, lambda spec: set_up(spec["people"])):
        return
    if args.reuse and SESSIONS.exists():
        setup = json.loads(RESULTS.read_text())["setup"] if RESULTS.exists() else {}
        setup = {
            "employees": args.people,
            "supervisors": -(-args.people // PEOPLE_PER_SUPERVISOR),
            "phrases": PHRASES,
            **setup,
        }
    else:
        harness.fresh_database()
        print(f"Migrating and building a county of {args.people:,}…", flush=True)
        setup = harness.run_in_child(__file__, {"people": args.people})
        harness.write_results(RESULTS, {"setup": setup})
    _collect_static()
    data: dict = {
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "setup": setup,
        "workers": args.workers,
        "threads": args.threads,
        "seconds": args.seconds,
        "runs": {},
    }
    CSV_FOLDER.mkdir(parents=True, exist_ok=True)
    for kind in args.kinds.split(","):
        port = _free_port()
        server = _gunicorn(kind, args.workers, args.threads, port, CSV_FOLDER / f"{kind}.log")
        try:
            _wait_answers(port)
            data["runs"][kind] = {}
            for users in (int(n) for n in args.users.split(",")):
                print(f"  {kind} {users} users for {args.seconds} s…", flush=True)
                data["runs"][kind][str(users)] = _locust(
                    port, users, args.seconds, CSV_FOLDER / f"{kind}-{users}"
                )
        finally:
            _stop(server)
    harness.write_results(RESULTS, data)
    print(report(data))


if __name__ == "__main__":
    main()
