"""Benchmark of the HR import on a synthetic county.

    make bench
    # or, against a PostgreSQL server of your choice (the database is dropped and recreated;
    # its name must contain "bench"):
    DJANGO_SETTINGS_MODULE=learning.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/hr_import.py --rows 30000
    # only the first import, staging tables against the ORM path, in alternating rounds:
    .venv/bin/python bench/hr_import.py --rows 30000 --first-only --repeat 3
    # ... or against an earlier commit's import (a throwaway checkout), same rounds:
    .venv/bin/python bench/hr_import.py --rows 30000 --first-only --baseline main
    # ... the 1 % changed file after an untimed first import, against that commit:
    .venv/bin/python bench/hr_import.py --rows 30000 --first-only --baseline main \\
        --scenario changed

What it does:

1. Drops and recreates the bench database, migrates it and builds a county with treebeard:
   1 county, 5 sectors, 20 areas, 200 units, 40 job roles.
2. Generates the HR file in memory (the real column headers, `;`, dates dd.mm.yyyy): a
   director, 5 sector heads, 20 area heads, 200 unit managers and staff under them, so the
   supervisor numbers form a shallow tree with no loops; ~7 % fixed-term contracts, a
   mix of fi/sv/en.
3. Times three scenarios through the public services (`employee_import_preview` then
   `employee_import_apply`, as the admin does): (a) first import into an empty staff
   table, (b) the same file again (must change nothing), (c) the file with 1 % of rows
   changed (surname, unit, job role, or an end date in the past, in turn).
4. Runs the same at 3,000 rows, to show the number of SQL queries does not grow with rows.
5. Runs the full-size import again with the staging tables off
   (`people.hr_import.applying.STAGED = False`): the ORM's `bulk_create` upserts that
   wrote users and employees before COPY, as a baseline in the same run; the report
   gives the ratio per scenario.
6. Runs a naive baseline on the same 3,000 rows: a per-row `update_or_create` loop
   (user, employee, group, then supervisors in a second pass) and extrapolates it
   linearly to the full size. It validates nothing and does not maintain the supervisor
   group or deactivate leavers, so it is a lower bound of what naive code costs.

How it measures: every scenario runs in its own Python process, started by a parent that
never imports Django (a child's ru_maxrss starts from its parent's peak), twice from a
freshly emptied staff table: a timed pass (time.perf_counter, queries counted with
CaptureQueriesContext, resource.getrusage ru_maxrss, and the growth of RSS during the
scenario from /proc/self/status VmHWM reset at its start) and a memory pass under
tracemalloc (its peak; tracemalloc slows Python down, so times come only from the timed
pass). The timed pass keeps every SQL text in memory for the query count; its size is
in the JSON (captured_sql_mb). The staff tables are ANALYZEd before each scenario (a
steady state; autovacuum would do it within a minute of a big import).
The import writes its welcome emails as outbox rows and its follow-up work as task
intents, in its own transaction (both counted in the queries); handing the intents to
Celery after the commit (`intents.services._kick`) is replaced by a no-op here, and the
welcome rows are counted.

Results: a table on stdout and bench/results/hr_import.json.
"""

from __future__ import annotations

import csv
import datetime
import gc
import io
import os
import random
import sys
import time
import tracemalloc
import unicodedata
from collections import deque
from contextlib import nullcontext

import harness
from harness import connect, run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
HEADER = [
    "henkilönumero",
    "etunimi",
    "sukunimi",
    "sähköposti",
    "yksikkö",
    "tehtävänimike",
    "esihenkilö",
    "aloituspäivä",
    "päättymispäivä",
    "kieli",
]
SCENARIOS = {
    "first": "(a) first import",
    "same": "(b) same file again",
    "changed": "(c) 1 % rows changed",
}
SECTORS = 5
AREAS_PER_SECTOR = 4
UNITS_PER_AREA = 10
STAFF_TABLES = ["people_employee", "people_importrun", "auth_user_groups", "auth_user"]

JOB_ROLES = [
    "Johtaja", "Toimialajohtaja", "Palvelualuepäällikkö", "Osastonhoitaja", "Apulaisosastonhoitaja",
    "Sairaanhoitaja", "Lähihoitaja", "Terveydenhoitaja", "Kätilö", "Ensihoitaja",
    "Fysioterapeutti", "Toimintaterapeutti", "Puheterapeutti", "Ravitsemusterapeutti",
    "Sosiaalityöntekijä", "Sosiaaliohjaaja", "Palveluohjaaja", "Perhetyöntekijä",
    "Psykologi", "Psykiatrinen sairaanhoitaja", "Päihdetyöntekijä", "Kuntoutusohjaaja",
    "Lääkäri", "Erikoislääkäri", "Hammaslääkäri", "Suuhygienisti", "Hammashoitaja",
    "Laboratoriohoitaja", "Röntgenhoitaja", "Farmaseutti", "Lääkintävahtimestari",
    "Osastosihteeri", "Toimistosihteeri", "Laitoshuoltaja", "Ravitsemistyöntekijä",
    "Kotihoidon ohjaaja", "Muistihoitaja", "Hyte-koordinaattori", "HR-asiantuntija",
    "Vammaispalveluohjaaja",
]  # fmt: skip
FIRST_NAMES = [
    "Aino", "Eero", "Helmi", "Onni", "Sanni", "Veikko", "Kerttu", "Lauri", "Iida", "Tuomas",
    "Milla", "Joonas", "Elsa", "Aleksi", "Venla", "Ville", "Siiri", "Matias", "Pihla", "Olli",
    "Noora", "Henrik", "Lotta", "Jaakko", "Emmi", "Santeri", "Inkeri", "Petteri", "Oona", "Kalle",
]  # fmt: skip
LAST_NAMES = [
    "Aaltonen", "Heinonen", "Järvinen", "Kallio", "Koskinen", "Laaksonen", "Lehtinen", "Mäkinen",
    "Niemi", "Ojala", "Peltola", "Rantanen", "Saarinen", "Toivonen", "Vainio", "Hakala",
    "Lindqvist", "Mattila", "Nurmi", "Pesonen", "Rautio", "Salonen", "Tuominen", "Virtanen",
    "Nyström", "Wikström", "Forsman", "Grönroos", "Kivelä", "Sillanpää",
]  # fmt: skip


# --- synthetic county and HR file ---------------------------------------------------------


def unit_codes() -> dict[str, list[str]]:
    """{"county": [...], "sector": [...], "area": [...], "unit": [...]} in tree order."""
    codes: dict[str, list[str]] = {"county": ["HVA"], "sector": [], "area": [], "unit": []}
    for s in range(1, SECTORS + 1):
        codes["sector"].append(f"S{s}")
        for a in range(1, AREAS_PER_SECTOR + 1):
            codes["area"].append(f"S{s}-A{a}")
            for u in range(1, UNITS_PER_AREA + 1):
                codes["unit"].append(f"S{s}-A{a}-U{u:02d}")
    return codes


def build_county() -> None:
    from people.models import JobRole, OrgUnit

    root = OrgUnit.add_root(code="HVA", name_fi="Penkkilän hyvinvointialue", kind="county")
    for s in range(1, SECTORS + 1):
        sector = root.add_child(code=f"S{s}", name_fi=f"Toimiala {s}", kind="sector")
        for a in range(1, AREAS_PER_SECTOR + 1):
            area = sector.add_child(code=f"S{s}-A{a}", name_fi=f"Palvelualue {s}.{a}", kind="area")
            for u in range(1, UNITS_PER_AREA + 1):
                area.add_child(
                    code=f"S{s}-A{a}-U{u:02d}", name_fi=f"Yksikkö {s}.{a}.{u}", kind="unit"
                )
    JobRole.objects.bulk_create(
        JobRole(code=f"R{index:02d}", name_fi=name) for index, name in enumerate(JOB_ROLES, 1)
    )


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _finnish(date: datetime.date | None) -> str:
    return f"{date.day}.{date.month}.{date.year}" if date else ""


def generate_rows(count: int, seed: int = 2024) -> list[dict]:
    """The staff list, supervisors before their reports (employee numbers in tree order)."""
    rng = random.Random(seed)
    codes = unit_codes()
    today = datetime.date.today()
    rows: list[dict] = []

    def person(unit: str, role: str, supervisor: str) -> str:
        number = str(100001 + len(rows))
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        start = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
        end = None
        if rng.random() < 0.07:  # fixed-term contract ending in the future
            end = today + datetime.timedelta(days=rng.randrange(30, 900))
        language = (
            "sv" if last in {"Lindqvist", "Nyström", "Wikström", "Forsman", "Grönroos"} else "fi"
        )
        if rng.random() < 0.02:
            language = "en"
        rows.append(
            {
                "number": number,
                "first": first,
                "last": last,
                "email": f"{_ascii(first)}.{_ascii(last)}.{number}@penkkila.example",
                "unit": unit,
                "role": role,
                "supervisor": supervisor,
                "start": start,
                "end": end,
                "language": language,
            }
        )
        return number

    director = person("HVA", "Johtaja", "")
    heads: dict[str, str] = {}
    for sector in codes["sector"]:
        heads[sector] = person(sector, "Toimialajohtaja", director)
    for area in codes["area"]:
        heads[area] = person(area, "Palvelualuepäällikkö", heads[area.rsplit("-", 1)[0]])
    for unit in codes["unit"]:
        heads[unit] = person(unit, "Osastonhoitaja", heads[unit.rsplit("-", 1)[0]])
    staff_roles = JOB_ROLES[4:]
    index = 0
    while len(rows) < count:
        unit = codes["unit"][index % len(codes["unit"])]
        person(unit, staff_roles[rng.randrange(len(staff_roles))], heads[unit])
        index += 1
    return rows[:count]


def change_rows(
    rows: list[dict], fraction: float = 0.01, seed: int = 7
) -> tuple[list[dict], dict[str, int]]:
    """A copy of the staff list with `fraction` of the staff rows changed, four kinds in
    turn; returns it and how many rows got each kind of change."""
    rng = random.Random(seed)
    managers = (
        1 + SECTORS + SECTORS * AREAS_PER_SECTOR + SECTORS * AREAS_PER_SECTOR * UNITS_PER_AREA
    )
    chosen = sorted(rng.sample(range(managers, len(rows)), max(1, round(len(rows) * fraction))))
    codes = unit_codes()["unit"]
    changed = [dict(row) for row in rows]
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    kinds = ["surname", "unit", "job_role", "end_date_passed"]
    counts = dict.fromkeys(kinds, 0)
    for turn, index in enumerate(chosen):
        row = changed[index]
        kind = turn % 4
        counts[kinds[kind]] += 1
        if kind == 0:
            row["last"] = row["last"] + "-Korhonen"
        elif kind == 1:
            row["unit"] = codes[(codes.index(row["unit"]) + 1) % len(codes)]
        elif kind == 2:
            row["role"] = (
                "Kotihoidon ohjaaja" if row["role"] != "Kotihoidon ohjaaja" else "Lähihoitaja"
            )
        else:
            row["end"] = max(yesterday, row["start"])
    return changed, counts


def to_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(
            [
                row["number"],
                row["first"],
                row["last"],
                row["email"],
                row["unit"],
                row["role"],
                row["supervisor"],
                _finnish(row["start"]),
                _finnish(row["end"]),
                row["language"],
            ]
        )
    return out.getvalue().encode("utf-8")


# --- the naive baseline -------------------------------------------------------------------


def naive_import(content: bytes) -> dict:
    """What an import without bulk writes looks like: a row at a time."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction

    from people import roles
    from people.models import Employee, JobRole, OrgUnit

    user_model = get_user_model()
    today = datetime.date.today()
    units = dict(OrgUnit.objects.values_list("code", "id"))
    job_roles = {name.casefold(): pk for name, pk in JobRole.objects.values_list("name_fi", "id")}
    employee_group = Group.objects.get(name=roles.EMPLOYEE)

    def date(text: str) -> datetime.date | None:
        if not text:
            return None
        day, month, year = (int(part) for part in text.split("."))
        return datetime.date(year, month, day)

    reader = csv.DictReader(io.StringIO(content.decode("utf-8")), delimiter=";")
    employee_ids: dict[str, int] = {}
    created = 0
    with transaction.atomic():
        rows = list(reader)
        for row in rows:
            end = date(row["päättymispäivä"])
            active = end is None or end >= today
            user, user_created = user_model.objects.update_or_create(
                username=row["henkilönumero"],
                defaults={
                    "first_name": row["etunimi"],
                    "last_name": row["sukunimi"],
                    "email": row["sähköposti"],
                    "is_active": active,
                },
                create_defaults={
                    "first_name": row["etunimi"],
                    "last_name": row["sukunimi"],
                    "email": row["sähköposti"],
                    "is_active": active,
                    "password": make_password(None),
                },
            )
            if user_created:
                user.groups.add(employee_group)
                created += 1
            employee, _ = Employee.objects.update_or_create(
                employee_number=row["henkilönumero"],
                defaults={
                    "user": user,
                    "unit_id": units[row["yksikkö"]],
                    "job_role_id": job_roles[row["tehtävänimike"].casefold()],
                    "start_date": date(row["aloituspäivä"]),
                    "end_date": end,
                    "language": row["kieli"] or "fi",
                    "active": active,
                },
            )
            employee_ids[row["henkilönumero"]] = employee.pk
        for row in rows:
            supervisor = row["esihenkilö"]
            Employee.objects.filter(pk=employee_ids[row["henkilönumero"]]).update(
                supervisor_id=employee_ids[supervisor] if supervisor else None
            )
    return {"created": created, "rows": len(rows)}


# --- one scenario, in its own process -----------------------------------------------------


def run_scenario(spec: dict) -> dict:
    """spec: kind (import|naive), rows, scenario (first|same|changed), mode (time|memory)."""
    import django

    django.setup()
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.models import ReminderOutbox, SubjectKind
    from people import services
    from people.models import Employee

    if spec["kind"] == "import_orm":
        from people.hr_import import applying

        applying.STAGED = False
    rows = generate_rows(spec["rows"])
    changes: dict[str, int] = {}
    if spec["scenario"] == "changed":
        rows, changes = change_rows(rows)
    content = to_csv(rows)
    del rows
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(STAFF_TABLES))
    # Room for every query of the naive loop (Django keeps only the last 9,000).
    connection.queries_log = deque(maxlen=None)

    timed = spec["mode"] == "time"
    from django.utils import timezone

    scenario_started_at = timezone.now()
    gc.collect()
    rss_before = harness.status_mb("VmRSS")
    hwm_reset = harness.reset_peak_rss()
    result: dict = {
        **spec,
        "file_bytes": len(content),
        "changed_rows": sum(changes.values()),
        "changes": changes,
    }
    capture_preview = CaptureQueriesContext(connection) if timed else nullcontext()
    capture_apply = CaptureQueriesContext(connection) if timed else nullcontext()
    # The follow-up work (onboarding checklists, sending the welcomes) is measured
    # elsewhere: the intents stay in the database, unhanded.
    welcomes_before = ReminderOutbox.objects.filter(subject_kind=SubjectKind.WELCOME).count()
    with mock.patch("intents.services._kick"):
        if not timed:
            tracemalloc.start()
        if spec["kind"] in ("import", "import_orm"):
            started = time.perf_counter()
            with capture_preview:
                preview = services.employee_import_preview(name="henkilosto.csv", content=content)
            previewed = time.perf_counter()
            if not preview.ok:
                raise SystemExit(
                    f"the bench file was refused: {[str(p) for p in preview.problems[:5]]}"
                )
            plan = preview.plan
            result["plan"] = {
                "create": len(plan.to_create),
                "update": len(plan.to_update),
                "unchanged": plan.unchanged_count,
                "deactivate": len(plan.to_deactivate),
                "leaving_by_end_date": len(plan.leaving),
            }
            # In the admin, preview and apply are separate requests: the preview's plan is
            # gone before the apply builds its own, so drop it here too (as the peak would).
            run = preview.run
            del preview, plan
            with capture_apply:
                applied = services.employee_import_apply(run=run)
            finished = time.perf_counter()
            run = applied.run
            result["applied"] = {
                "created": run.created_count,
                "updated": run.updated_count,
                "deactivated": run.deactivated_count,
                "status": run.status,
            }
            result["preview_s"] = previewed - started
            result["apply_s"] = finished - previewed
        else:
            started = time.perf_counter()
            with capture_apply:
                result["applied"] = naive_import(content)
            finished = time.perf_counter()
        if not timed:
            result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
            tracemalloc.stop()
    result["welcome_rows"] = (
        ReminderOutbox.objects.filter(subject_kind=SubjectKind.WELCOME).count() - welcomes_before
    )
    result["wall_s"] = finished - started
    result["rss_before_mb"] = rss_before
    result["maxrss_mb"] = harness.maxrss_mb()
    result["peak_rss_during_mb"] = harness.status_mb("VmHWM") if hwm_reset else None
    if timed:
        queries = [
            *(capture_preview.captured_queries if spec["kind"] != "naive" else []),
            *capture_apply.captured_queries,
        ]
        result["queries_preview"] = len(capture_preview) if spec["kind"] != "naive" else 0
        result["queries_apply"] = len(capture_apply)
        result["queries"] = len(queries)
        result["captured_sql_mb"] = sum(len(q["sql"]) for q in queries) / 1024 / 1024
        slowest = sorted(queries, key=lambda q: float(q["time"]), reverse=True)[:5]
        result["slowest_queries"] = [
            {"s": float(q["time"]), "sql": q["sql"][:160] + ("…" if len(q["sql"]) > 160 else "")}
            for q in slowest
        ]
    result["employees_touched"] = Employee.objects.filter(
        updated_at__gte=scenario_started_at
    ).count()
    result["employees_after"] = Employee.objects.count()
    result["active_after"] = Employee.objects.filter(active=True).count()
    return result


# --- the orchestration --------------------------------------------------------------------


def empty_staff_tables(config: dict) -> None:
    with connect(config, config["NAME"]) as bench:
        bench.execute("TRUNCATE " + ", ".join(STAFF_TABLES) + " RESTART IDENTITY CASCADE")
        bench.execute("VACUUM ANALYZE " + ", ".join(STAFF_TABLES))


def set_up_database() -> dict:
    """In a child process: migrate the new database and build the county."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    build_county()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {"postgres_version": version, "migrate_s": migrated}


def child(spec: dict) -> dict:
    return run_in_child(__file__, spec)


def series(config: dict, kind: str, rows: int, mode: str) -> dict[str, dict]:
    empty_staff_tables(config)
    results = {}
    for scenario in SCENARIOS:
        print(f"  {kind:6} {rows:>6} rows  {mode:6}  {SCENARIOS[scenario]} …", flush=True)
        results[scenario] = child({"kind": kind, "rows": rows, "scenario": scenario, "mode": mode})
    return results


def merged(config: dict, kind: str, rows: int) -> dict[str, dict]:
    """Timed pass and memory pass of the three scenarios, merged per scenario."""
    timed = series(config, kind, rows, "time")
    memory = series(config, kind, rows, "memory")
    out = {}
    for scenario in SCENARIOS:
        entry = dict(timed[scenario])
        entry.pop("mode")
        entry["tracemalloc_peak_mb"] = memory[scenario]["tracemalloc_peak_mb"]
        entry["maxrss_under_tracemalloc_mb"] = memory[scenario]["maxrss_mb"]
        entry["wall_s_under_tracemalloc"] = memory[scenario]["wall_s"]
        out[scenario] = entry
    return out


def check(results: dict, rows: int, kind: str) -> list[str]:
    """What each scenario must have done; any miss is printed and stored as a finding."""
    problems = []
    first, same, changed = results["first"], results["same"], results["changed"]
    if kind in ("import", "import_orm"):
        if first["applied"]["created"] != rows:
            problems.append(
                f"{rows}: first import created {first['applied']['created']}, expected {rows}"
            )
        nothing = {"create": 0, "update": 0, "unchanged": rows, "deactivate": 0}
        nothing["leaving_by_end_date"] = 0
        if same["plan"] != nothing:
            problems.append(f"{rows}: re-import of the same file planned changes: {same['plan']}")
        if same["applied"]["updated"] or same["applied"]["created"]:
            problems.append(f"{rows}: re-import of the same file wrote: {same['applied']}")
        if same["employees_touched"]:
            problems.append(
                f"{rows}: re-import of the same file touched {same['employees_touched']}"
            )
        # A surname lives on the user: only the other changes rewrite the employee row.
        expected = changed["changed_rows"] - changed["changes"]["surname"]
        if changed["employees_touched"] != expected:
            problems.append(
                f"{rows}: 1 % file touched {changed['employees_touched']} employees, "
                f"expected {expected}"
            )
        if changed["plan"]["update"] != changed["changed_rows"]:
            problems.append(
                f"{rows}: 1 % file planned {changed['plan']['update']} updates for "
                f"{changed['changed_rows']} changed rows"
            )
        if (
            first["welcome_rows"] != first["applied"]["created"]
            or same["welcome_rows"]
            or changed["welcome_rows"]
        ):
            problems.append(f"{rows}: welcome emails queued for the wrong people")
    for name, result in results.items():
        if result["employees_after"] != rows:
            problems.append(
                f"{rows} {kind} {name}: {result['employees_after']} employees in the database"
            )
    leavers = changed["changes"]["end_date_passed"]
    if changed["active_after"] != first["active_after"] - leavers:
        problems.append(
            f"{rows} {kind}: {changed['active_after']} active after the 1 % file, expected "
            f"{first['active_after'] - leavers}"
        )
    return problems


def _growth(result: dict) -> str:
    if result.get("peak_rss_during_mb") is None:
        return "–"
    return f"{result['peak_rss_during_mb'] - result['rss_before_mb']:.1f}"


def _row(label: str, result: dict, scale: float = 1.0) -> str:
    preview = f"{result['preview_s']:8.2f}" if "preview_s" in result else f"{'–':>8}"
    apply = f"{result['apply_s']:8.2f}" if "apply_s" in result else f"{'–':>8}"
    queries = result["queries"] * scale
    return (
        f"{label:34} {result['rows'] * scale:>7,.0f} {result['wall_s'] * scale:9.2f} "
        f"{preview} {apply} "
        f"{queries:>9,.0f} {result['tracemalloc_peak_mb']:9.1f} {result['maxrss_mb']:9.1f} "
        f"{_growth(result):>8}"
    )


def report(data: dict) -> str:
    rows = data["rows"]
    baseline_rows = data["baseline_rows"]
    scale = rows / baseline_rows
    size_mb = data["import"][str(rows)]["first"]["file_bytes"] / 1024 / 1024
    head = (
        f"{'scenario':34} {'rows':>7} {'wall s':>9} {'preview':>8} {'apply':>8} {'queries':>9} "
        f"{'trace MB':>9} {'maxrss MB':>9} {'+RSS MB':>8}"
    )
    lines = [
        "",
        f"HR import benchmark — PostgreSQL {data['postgres_version']}, Python {data['python']}, "
        f"{data['cpu_count']} CPUs",
        f"County: 1 county, {SECTORS} sectors, {SECTORS * AREAS_PER_SECTOR} areas, "
        f"{SECTORS * AREAS_PER_SECTOR * UNITS_PER_AREA} units, {len(JOB_ROLES)} job roles. "
        f"File: {size_mb:.1f} MB CSV, {rows:,} rows.",
        "Welcome emails are outbox rows, not sent; follow-up intents are not handed over.",
        "wall/preview/apply: timed pass; queries: CaptureQueriesContext over preview + apply;",
        "trace MB: tracemalloc peak (separate pass); maxrss MB: ru_maxrss of the scenario's own",
        "process, timed pass (whole process: interpreter, Django, the generated file, and the",
        "captured SQL text); +RSS MB: peak RSS during the scenario (VmHWM, reset at its start)",
        "minus RSS at its start.",
        "",
        head,
        "-" * len(head),
    ]
    for size in (rows, baseline_rows):
        for scenario, label in SCENARIOS.items():
            lines.append(_row(f"import  {label}", data["import"][str(size)][scenario]))
    for scenario, label in SCENARIOS.items():
        lines.append(_row(f"ORM     {label}", data["import_orm"][scenario]))
    for scenario, label in SCENARIOS.items():
        lines.append(_row(f"naive   {label}", data["naive"][scenario]))
    for scenario, label in SCENARIOS.items():
        lines.append(_row(f"naive ×{scale:g} {label}", data["naive"][scenario], scale))
    lines += [
        "",
        f"Naive ×{scale:g}: the naive loop measured at {baseline_rows:,} rows, times and queries",
        f"extrapolated linearly to {rows:,}; memory columns are the {baseline_rows:,}-row values.",
        "",
        f"Staging tables and COPY against the ORM's bulk upserts at {rows:,} rows, same run "
        "(ORM ÷ COPY):",
    ]
    for scenario, label in SCENARIOS.items():
        mine = data["import"][str(rows)][scenario]
        orm = data["import_orm"][scenario]
        lines.append(
            f"  {label:24} time ×{orm['wall_s'] / mine['wall_s']:6.2f}   "
            f"apply ×{orm['apply_s'] / mine['apply_s']:6.2f}   "
            f"({orm['wall_s']:.2f} s → {mine['wall_s']:.2f} s)"
        )
    lines += [
        "",
        f"Ratios at {rows:,} rows (naive extrapolated ÷ import measured):",
    ]
    for scenario, label in SCENARIOS.items():
        mine = data["import"][str(rows)][scenario]
        naive = data["naive"][scenario]
        lines.append(
            f"  {label:24} time ×{naive['wall_s'] * scale / mine['wall_s']:6.1f}   "
            f"queries ×{naive['queries'] * scale / mine['queries']:8.1f}"
        )
    lines.append("")
    lines.append(
        "Queries by size (import): "
        + "; ".join(
            f"{SCENARIOS[s]}: {data['import'][str(baseline_rows)][s]['queries']} at "
            f"{baseline_rows:,} vs {data['import'][str(rows)][s]['queries']} at {rows:,}"
            for s in SCENARIOS
        )
    )
    full = data["import"][str(rows)]
    lines.append(
        f"Employee rows written (updated_at moved) by (b) / (c): import "
        f"{full['same']['employees_touched']:,} / {full['changed']['employees_touched']:,} of "
        f"{rows:,}; naive {data['naive']['same']['employees_touched']:,} / "
        f"{data['naive']['changed']['employees_touched']:,} of {baseline_rows:,} "
        f"(a surname change is written to auth_user only)."
    )
    plan = full["changed"]["plan"]
    lines.append(
        f"Plan of (c) at {rows:,}: {plan['update']} to update ({plan['leaving_by_end_date']} of "
        f"them leavers by end date), {plan['deactivate']} to deactivate (absent from the file), "
        f"{plan['unchanged']:,} unchanged."
    )
    lines.append("")
    lines.append(f"Slowest queries, first import of {rows:,} rows:")
    for query in data["import"][str(rows)]["first"]["slowest_queries"]:
        lines.append(f"  {query['s']:7.3f} s  {query['sql'][:110]}")
    if data["problems"]:
        lines.append("")
        lines.append("PROBLEMS:")
        lines += [f"  {problem}" for problem in data["problems"]]
    else:
        lines.append("")
        lines.append(
            "Checks passed: first import created every row; the same file changed nothing;"
        )
        lines.append("the 1 % file updated exactly the changed rows and deactivated the leavers.")
    return "\n".join(lines)


def _migrated(config: dict) -> bool:
    try:
        with connect(config, config["NAME"]) as bench:
            found = bench.execute("SELECT to_regclass('people_orgunit') IS NOT NULL").fetchone()
            return bool(found and found[0]) and bool(
                bench.execute("SELECT EXISTS (SELECT 1 FROM people_orgunit)").fetchone()[0]
            )
    except Exception:  # noqa: BLE001 - no such database yet
        return False


def first_only(
    config: dict, rows: int, repeat: int, baseline: str | None = None, scenario: str = "first"
) -> None:
    """The first import of `rows` (or, with `scenario`, the same file again or the 1 %
    changed file after an untimed first import) through the staging tables and through
    the ORM's bulk upserts (or, with `baseline`, through that commit's own import, from a
    throwaway checkout), alternating (before, now, before, now, …) so both see the same
    load; the ratio of the medians is the figure."""
    if not _migrated(config):
        harness.recreate_database(config)
        child({"kind": "setup"})
    before = "baseline" if baseline else "import_orm"
    runs: dict[str, list[dict]] = {before: [], "import": []}
    loads = [os.getloadavg()]
    with harness.baseline_checkout(baseline) if baseline else nullcontext() as checkout:
        for _round in range(repeat):
            for kind in runs:
                empty_staff_tables(config)
                steps = ["first"] if scenario == "first" else ["first", scenario]
                for step in steps:
                    print(f"  {kind:10} {rows:>6} rows  {SCENARIOS[step]} …", flush=True)
                    spec = {"kind": kind, "rows": rows, "scenario": step, "mode": "time"}
                    if kind == "baseline":
                        script = checkout / "bench" / "hr_import.py"
                        spec["kind"] = "import"
                        result = run_in_child(str(script), spec, cwd=str(checkout))
                    else:
                        result = child(spec)
                    if step == "first" and result["applied"]["created"] != rows:
                        raise SystemExit(
                            f"{kind}: created {result['applied']['created']} of {rows}"
                        )
                runs[kind].append(result)
                loads.append(os.getloadavg())

    def median(kind: str, key: str) -> float:
        values = sorted(run[key] for run in runs[kind])
        return values[len(values) // 2]

    load = os.getloadavg()
    one_minute = [f"{sample[0]:.1f}" for sample in loads]
    lines = [
        f"{SCENARIOS[scenario]} of {rows:,} rows, {repeat} rounds (median; s; load "
        f"{load[0]:.1f}; 1-minute load before and after each import: {', '.join(one_minute)}):"
    ]
    labels = {"import_orm": "ORM bulk upserts", "baseline": f"before ({baseline})"}
    for kind, label in ((before, labels[before]), ("import", "staging + COPY")):
        lines.append(
            f"  {label:18} wall {median(kind, 'wall_s'):7.2f}  preview "
            f"{median(kind, 'preview_s'):6.2f}  apply {median(kind, 'apply_s'):6.2f}  queries "
            f"{runs[kind][0]['queries']}"
        )
    wall = median(before, "wall_s") / median("import", "wall_s")
    apply = median(before, "apply_s") / median("import", "apply_s")
    lines.append(f"  {labels[before]} ÷ now: wall ×{wall:.2f}, apply ×{apply:.2f}")
    slowest = runs["import"][-1]["slowest_queries"]
    lines.append(
        "  slowest statements now: "
        + "; ".join(
            f"{q['s']:.2f} s {q['sql'][:40].split()[0] if q['sql'].strip() else ''}…"
            for q in slowest[:4]
        )
    )
    print("\n".join(lines))
    harness.write_results(
        RESULTS.with_name(f"hr_import_{scenario}.json"),
        {"baseline": baseline, "scenario": scenario, "load": load, "loads": loads, **runs},
    )


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--rows", type=int, default=30000, help="rows of the full-size file")
    parser.add_argument(
        "--baseline-rows",
        type=int,
        default=3000,
        help="rows for the small import and the naive loop",
    )
    parser.add_argument(
        "--first-only",
        action="store_true",
        help="only the timed first import at --rows, staging tables against the ORM path, "
        "alternating; reuses a bench database already migrated",
    )
    parser.add_argument("--repeat", type=int, default=2, help="rounds of --first-only")
    parser.add_argument(
        "--scenario",
        choices=list(SCENARIOS),
        default="first",
        help="with --first-only: the import timed (same, changed: after an untimed first)",
    )
    parser.add_argument(
        "--baseline",
        help="with --first-only: a commit whose import is timed against this one (instead "
        "of the ORM path), from a throwaway checkout",
    )
    args = parser.parse_args()

    if harness.answer_child(
        args, lambda spec: set_up_database() if spec["kind"] == "setup" else run_scenario(spec)
    ):
        return

    if args.first_only:
        first_only(harness.bench_database(), args.rows, args.repeat, args.baseline, args.scenario)
        return
    config = harness.fresh_database()

    # This process stays small and free of Django: each scenario runs in a child process,
    # and a child's ru_maxrss starts from its parent's peak at the time of the fork.
    print("Migrating and building the county…", flush=True)
    setup = child({"kind": "setup"})
    print(f"Migrated in {setup['migrate_s']:.1f} s.", flush=True)

    data: dict = {
        "rows": args.rows,
        "baseline_rows": args.baseline_rows,
        "postgres_version": setup["postgres_version"],
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "notes": [
            "welcome emails written as outbox rows, not sent; task intents not handed over",
            "naive baseline measured at baseline_rows and extrapolated linearly to rows",
            "wall/queries/maxrss from the timed pass; tracemalloc peak from a separate pass",
            "staff tables emptied before each series and ANALYZEd before each scenario",
        ],
        "import": {},
    }
    for size in dict.fromkeys([args.rows, args.baseline_rows]):
        data["import"][str(size)] = merged(config, "import", size)
    data["import_orm"] = merged(config, "import_orm", args.rows)
    data["naive"] = merged(config, "naive", args.baseline_rows)
    data["problems"] = [
        *[p for size in data["import"] for p in check(data["import"][size], int(size), "import")],
        *check(data["import_orm"], args.rows, "import_orm"),
        *check(data["naive"], args.baseline_rows, "naive"),
    ]
    data["parent_maxrss_mb"] = harness.maxrss_mb()

    harness.write_results(RESULTS, data)
    print(report(data))
    print(f"\nJSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
