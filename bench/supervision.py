"""Benchmark of the team dashboard, the county report and the 300,000-row XLSX export.

    scripts/bench.sh supervision               # this one only
    # or, against a PostgreSQL server of your choice (the database is dropped and recreated;
    # its name must contain "bench"):
    DJANGO_SETTINGS_MODULE=learning.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/supervision.py --employees 30000

The synthetic county, built with set-based INSERT … SELECT (not through the services):
1 county, 5 sectors, 4 areas each, 10 units per area (200 units), 10 job roles,
--employees people spread over the units; 12 published mandatory courses (3 of them
with a 12-month validity); every person enrolled in every course (due dates from 60
days ago to 140 days ahead) and about 5 of 6 person–course pairs completed (dates over
the last year) — 300,000 completions at 30,000 people; self-ratings before (2 in 3
people) and after (1 in 2) on the first course. One supervisor has --team direct
reports (500).

Scenarios, each in its own child process:
1. dashboard: GET /tiimi/ as the supervisor of 500 (500 × 12 cells computed, overdue
   first, a page of 50 shown), against a bare Django view that returns the same first
   page from one raw SQL statement (state per cell, worst state per person, ordered,
   LIMIT 50), rendered by a minimal template, through the same client and middleware.
   The bare view ignores course audiences and checklist counts (every course in the
   bench is for everyone; nobody has a checklist), so it is the cheaper of the two.
2. county: GET /seuranta/alue/ as an HR admin (completion by sector from the
   precomputed totals, self-ratings by sector and by job role), against a bare view
   reading the same figures with raw SQL. Also timed: refreshing the totals (the beat
   task) and the same completion figures counted live from the enrolments with raw
   SQL, which is what the totals save each request.
4. export_worker: the same export queued to a real Celery worker (bench/export_worker.py's
   scenario; CELERY_BROKER_URL set to a Redis), timed from queueing to done.
3. export: an XLSX of every completion in the county (300,000 rows) built by the
   export task (run in-process, as a worker runs it): wall time, rows per second, peak
   RSS growth (VmHWM reset before) and ru_maxrss; then in a second child the
   tracemalloc peak.

Results: a table on stdout and bench/results/supervision.json.
"""

from __future__ import annotations

import datetime
import gc
import importlib.util
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc

import harness
from harness import run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
BARE_URLCONF = "bench_supervision_urls"
HOST = "localhost"
SECTORS, AREAS_PER_SECTOR, UNITS_PER_AREA, COURSES, VALID_COURSES = 5, 4, 10, 12, 3
TARGETS = {
    "dashboard_queries_max": 3,
    "dashboard_p95_ms": 100,
    "dashboard_ratio_max": 2.0,
    "county_p95_ms": 1000,
    "export_s": 60,
    "export_mb": 200,
}


# --- the synthetic county -----------------------------------------------------------------


def build_county(employees: int, team: int) -> dict:
    from django.contrib.auth.models import Group
    from django.db import connection

    from cms.models import HomePage
    from courses.models import CourseIndexPage, CoursePage
    from people.models import Employee, JobRole, OrgUnit

    started = time.perf_counter()
    root = OrgUnit.add_root(code="HVA", name_fi="Penkkilän hyvinvointialue", kind="county")
    unit_ids = []
    for s in range(1, SECTORS + 1):
        sector = root.add_child(code=f"S{s}", name_fi=f"Toimiala {s}", kind="sector")
        for a in range(1, AREAS_PER_SECTOR + 1):
            area = sector.add_child(code=f"S{s}-A{a}", name_fi=f"Alue {s}.{a}", kind="area")
            for u in range(1, UNITS_PER_AREA + 1):
                unit = area.add_child(code=f"S{s}-A{a}-U{u:02d}", name_fi=f"Yksikkö {u}")
                unit_ids.append(unit.pk)
    role_ids = [
        role.pk
        for role in JobRole.objects.bulk_create(
            JobRole(code=f"R{n}", name_fi=f"Nimike {n}") for n in range(1, 11)
        )
    ]
    home = HomePage.objects.get(locale__language_code="fi")
    index = home.add_child(instance=CourseIndexPage(title="Koulutukset", slug="koulutukset"))
    index.save_revision().publish()
    course_ids = []
    for n in range(1, COURSES + 1):
        course = index.add_child(
            instance=CoursePage(
                title=f"Hyte-koulutus {n}",
                slug=f"hyte-{n}",
                summary="Tiivistelmä.",
                mandatory=True,
                validity_months=12 if n <= VALID_COURSES else None,
            )
        )
        course.save_revision().publish()
        course_ids.append(course.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,
                email, is_staff, is_active, date_joined)
            SELECT '!', false, (100000 + g)::text,
                (ARRAY['Aino','Eero','Helmi','Onni','Åsa','Noora'])[1 + g %% 6],
                (ARRAY['Aaltonen','Niemi','Lindqvist','Mäkinen','Ojala','=SUM(A1)'])[1 + g %% 6]
                    || g::text,
                '', false, true, now()
            FROM generate_series(1, %s) AS g
            """,
            [employees],
        )
        cursor.execute(
            """
            INSERT INTO people_employee (user_id, employee_number, unit_id, job_role_id,
                start_date, language, preferred_language, active, created_at, updated_at)
            SELECT u.id, u.username, (%s::bigint[])[1 + u.id %% %s],
                (%s::bigint[])[1 + (u.id / 7) %% 10], DATE '2020-01-01', 'fi', '', true,
                now(), now()
            FROM auth_user u
            """,
            [unit_ids, len(unit_ids), role_ids],
        )
        cursor.execute(
            """
            INSERT INTO courses_enrolment (employee_id, course_id, source, due_date, enrolled_at)
            SELECT e.id, c, 'mandatory', current_date + ((e.id * 7 + c * 13) %% 200 - 60)::int,
                now()
            FROM people_employee e CROSS JOIN unnest(%s::bigint[]) AS c
            """,
            [course_ids],
        )
        cursor.execute(
            """
            INSERT INTO courses_coursecompletion (employee_id, course_id, cycle, course_title,
                completed_at, score, expires_at, verification_code)
            SELECT e.id, p.page_ptr_id, 1, w.title, done.at, 60 + (e.id + p.page_ptr_id) %% 41,
                CASE WHEN p.validity_months IS NULL THEN NULL
                     ELSE done.at + make_interval(months => p.validity_months) END,
                md5(e.id::text || '-' || p.page_ptr_id::text)
            FROM people_employee e
            CROSS JOIN courses_coursepage p
            JOIN wagtailcore_page w ON w.id = p.page_ptr_id
            CROSS JOIN LATERAL (
                SELECT now() - ((e.id * 31 + p.page_ptr_id * 17) %% 365) * interval '1 day' AS at
            ) AS done
            WHERE (e.id + p.page_ptr_id) %% 6 <> 0
            """,
            [],
        )
        for phase, share in (("before", 3), ("after", 2)):
            cursor.execute(
                f"""
                INSERT INTO quizzes_selfassessmentanswer (employee_id, course_id, block_id, phase,
                    question, value, answered_at)
                SELECT e.id, %s, md5(e.id::text || %s)::uuid, %s,
                    'Kuinka hyvin tunnet hyte-toiminnan?',
                    CASE WHEN %s = 'before' THEN 1 + e.id %% 4 ELSE 2 + e.id %% 4 END, now()
                FROM people_employee e WHERE e.id %% {share} <> 0
                """,
                [course_ids[0], phase, phase, phase],
            )
        cursor.execute("SELECT count(*) FROM courses_coursecompletion")
        completions = cursor.fetchone()[0]
    first, *_ = Employee.objects.order_by("pk").values_list("pk", flat=True)[:1]
    lead = Employee.objects.get(pk=first)
    Employee.objects.filter(
        pk__in=Employee.objects.exclude(pk=lead.pk).order_by("pk").values("pk")[:team]
    ).update(supervisor=lead)
    hr = Employee.objects.order_by("-pk").first()
    hr.user.groups.add(Group.objects.get(name="hr_admin"))
    # The rows above were written past the services: build the status table as
    # `manage.py learning_status_rebuild` does.
    from courses.status import learning_status_refresh

    status_started = time.perf_counter()
    status_rows = learning_status_refresh()
    status_s = time.perf_counter() - status_started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE learning_status")
        cursor.execute("ANALYZE")
    return {
        "employees": employees,
        "team": team,
        "courses": COURSES,
        "completions": completions,
        "lead_user": lead.user_id,
        "lead": lead.pk,
        "hr_user": hr.user_id,
        "build_s": time.perf_counter() - started,
        "learning_status_rows": status_rows,
        "learning_status_build_s": status_s,
    }


# --- bare views ---------------------------------------------------------------------------

TEAM_SQL = """
SELECT e.id FROM people_employee e
WHERE e.active AND e.id <> %(lead)s AND (
    e.supervisor_id = %(lead)s OR e.unit_id IN (
        SELECT u.id FROM people_orgunit u WHERE EXISTS (
            SELECT 1 FROM people_orgunit_managers m
            JOIN people_orgunit mu ON mu.id = m.orgunit_id
            WHERE m.employee_id = %(lead)s AND u.path LIKE mu.path || '%%')))
"""

DASHBOARD_SQL = """
WITH course AS (
    SELECT p.page_ptr_id AS id FROM courses_coursepage p
    JOIN wagtailcore_page w ON w.id = p.page_ptr_id
    WHERE p.mandatory AND w.live
),
latest AS (
    SELECT DISTINCT ON (cc.employee_id, cc.course_id) cc.employee_id, cc.course_id,
        cc.completed_at, cc.expires_at
    FROM courses_coursecompletion cc
    WHERE cc.employee_id = ANY(%(team)s)
    ORDER BY cc.employee_id, cc.course_id, cc.cycle DESC
),
cell AS (
    SELECT t.id AS employee_id, c.id AS course_id, en.due_date, lc.completed_at,
        CASE WHEN lc.completed_at IS NOT NULL AND (lc.expires_at IS NULL OR lc.expires_at > now())
                THEN 4
             WHEN lc.completed_at IS NOT NULL THEN 1
             WHEN en.due_date < current_date THEN 0
             WHEN en.due_date <= current_date + 14 THEN 2
             ELSE 3 END AS rank
    FROM unnest(%(team)s::bigint[]) AS t(id) CROSS JOIN course c
    LEFT JOIN courses_enrolment en ON en.employee_id = t.id AND en.course_id = c.id
    LEFT JOIN latest lc ON lc.employee_id = t.id AND lc.course_id = c.id
),
person AS (
    SELECT cl.employee_id, min(cl.rank) AS worst,
        min(cl.due_date) FILTER (WHERE cl.rank < 4) AS due,
        array_agg(cl.rank ORDER BY cl.course_id) AS ranks,
        array_agg(cl.due_date ORDER BY cl.course_id) AS dues,
        array_agg(cl.completed_at ORDER BY cl.course_id) AS done
    FROM cell cl GROUP BY cl.employee_id
)
SELECT u.first_name, u.last_name, ou.name_fi, jr.name_fi, p.worst, p.ranks, p.dues, p.done
FROM person p
JOIN people_employee e ON e.id = p.employee_id
JOIN auth_user u ON u.id = e.user_id
JOIN people_orgunit ou ON ou.id = e.unit_id
JOIN people_jobrole jr ON jr.id = e.job_role_id
ORDER BY p.worst, p.due NULLS LAST, u.last_name, u.first_name
LIMIT 50
"""

BARE_TEMPLATE = """<!DOCTYPE html><html lang="fi"><body><table>{% for row in rows %}
<tr><th scope="row">{{ row.0 }} {{ row.1 }}</th><td>{{ row.2 }}</td><td>{{ row.3 }}</td>
<td>{{ row.4 }}</td>{% for cell in row.cells %}<td>{{ cell.0 }} {{ cell.1|date:"j.n.Y" }}
{{ cell.2|date:"j.n.Y" }}</td>{% endfor %}</tr>{% endfor %}</table></body></html>"""

COUNTY_SQL = """
SELECT substr(ou.path, 1, %(length)s) AS branch, sum(t.required), sum(t.completed),
    sum(t.overdue)
FROM supervision_unitcompletiontotal t JOIN people_orgunit ou ON ou.id = t.unit_id
WHERE t.course_id IS NULL AND ou.path LIKE %(prefix)s
GROUP BY 1 ORDER BY 1
"""

RATINGS_SQL = """
SELECT {key}, a.phase, count(DISTINCT a.employee_id), avg(a.value)
FROM quizzes_selfassessmentanswer a
JOIN people_employee e ON e.id = a.employee_id
JOIN people_orgunit ou ON ou.id = e.unit_id
JOIN people_jobrole jr ON jr.id = e.job_role_id
GROUP BY 1, 2 ORDER BY 1, 2
"""

LIVE_COUNT_SQL = """
SELECT substr(ou.path, 1, 8), count(*),
    count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM courses_coursecompletion cc
        WHERE cc.employee_id = en.employee_id AND cc.course_id = en.course_id
          AND (cc.expires_at IS NULL OR cc.expires_at > now())))
FROM courses_enrolment en
JOIN people_employee e ON e.id = en.employee_id
JOIN people_orgunit ou ON ou.id = e.unit_id
WHERE e.active
GROUP BY 1
"""


def bare_dashboard(request):
    from django.db import connection
    from django.http import HttpResponse
    from django.template import Context, Engine

    with connection.cursor() as cursor:
        cursor.execute(TEAM_SQL, {"lead": request.user.employee.pk})
        team = [row[0] for row in cursor.fetchall()]
        cursor.execute(DASHBOARD_SQL, {"team": team})
        rows = [
            {**dict(enumerate(row[:5])), "cells": list(zip(*row[5:], strict=True))}
            for row in cursor.fetchall()
        ]
    template = Engine.get_default().from_string(BARE_TEMPLATE)
    return HttpResponse(template.render(Context({"rows": rows})))


def bare_county(request):
    from django.db import connection
    from django.http import HttpResponse

    from people.models import OrgUnit

    with connection.cursor() as cursor:
        cursor.execute("SELECT path, name_fi FROM people_orgunit WHERE depth = 2 ORDER BY path")
        names = dict(cursor.fetchall())
        root = OrgUnit.steplen
        cursor.execute(COUNTY_SQL, {"length": 2 * root, "prefix": "%"})
        branches = [(names.get(row[0], row[0]), *row[1:]) for row in cursor.fetchall()]
        cursor.execute(RATINGS_SQL.format(key="substr(ou.path, 1, 8)"))
        sectors = cursor.fetchall()
        cursor.execute(RATINGS_SQL.format(key="jr.name_fi"))
        professions = cursor.fetchall()
    cells = "".join(
        f"<tr><th>{row[0]}</th>" + "".join(f"<td>{value}</td>" for value in row[1:]) + "</tr>"
        for row in [*branches, *sectors, *professions]
    )
    return HttpResponse(
        f"<!DOCTYPE html><html lang='fi'><body><table>{cells}</table></body></html>"
    )


def install_bare_urls() -> None:
    import types

    from django.test.utils import override_settings
    from django.urls import path

    import learning.urls

    module = types.ModuleType(BARE_URLCONF)
    module.urlpatterns = [
        path("bench/bare/tiimi/", bare_dashboard),
        path("bench/bare/alue/", bare_county),
        *learning.urls.urlpatterns,
    ]
    sys.modules[BARE_URLCONF] = module
    override_settings(ROOT_URLCONF=BARE_URLCONF).enable()


# --- measuring ----------------------------------------------------------------------------


def _queries(action) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def timed(actions: dict, warmup: int, requests: int) -> dict:
    for _ in range(warmup):
        for action in actions.values():
            action()
    out = {name: {"queries": _queries(action)} for name, action in actions.items()}
    times: dict[str, list[float]] = {name: [] for name in actions}
    gc.collect()
    for _ in range(requests):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - started)
    for name in actions:
        out[name].update(harness.percentiles(times[name]))
    return out


def _client(user_id: int):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(pk=user_id))
    return client


def _get(client, url: str):
    def action():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return action


def scenario(spec: dict, args) -> dict:
    import django

    django.setup()
    import logging

    logging.getLogger("celery").setLevel(logging.WARNING)
    logging.getLogger("supervision").setLevel(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if spec["kind"] == "setup":
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        migrated = time.perf_counter() - started
        return {"migrate_s": migrated, **build_county(args.employees, args.team)}
    if settings.DEBUG:
        raise SystemExit("DEBUG must be off for the bench")
    data = spec["data"]
    install_bare_urls()
    if spec["kind"] == "dashboard":
        from people.models import Employee
        from supervision.dashboard import DashboardFilters, team_dashboard

        lead = Employee.objects.get(pk=data["lead"])
        # Once first: the default locale's id is looked up once per process.
        team_dashboard(supervisor=lead, filters=DashboardFilters())
        own = _queries(lambda: team_dashboard(supervisor=lead, filters=DashboardFilters()))
        client = _client(data["lead_user"])
        result = timed(
            {"page": _get(client, "/tiimi/"), "bare": _get(client, "/bench/bare/tiimi/")},
            args.warmup,
            args.requests,
        )
        result["own_data_queries"] = own
        dashboard = team_dashboard(supervisor=lead, filters=DashboardFilters())
        result["rows"] = len(dashboard.rows)
        result["cells"] = sum(len(row.cells) for row in dashboard.rows)
        return result
    if spec["kind"] == "county":
        from supervision.totals import unit_totals_refresh

        started = time.perf_counter()
        unit_totals_refresh()
        refresh_s = time.perf_counter() - started
        client = _client(data["hr_user"])
        result = timed(
            {"page": _get(client, "/seuranta/alue/"), "bare": _get(client, "/bench/bare/alue/")},
            args.warmup,
            args.requests,
        )
        live = []
        for _ in range(3):
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(LIVE_COUNT_SQL)
                cursor.fetchall()
            live.append(time.perf_counter() - started)
        result["refresh_totals_s"] = refresh_s
        result["live_count_sql_ms"] = statistics.median(live) * 1000
        return result
    if spec["kind"] == "export":
        from django.contrib.auth import get_user_model

        from supervision.models import ExportJob
        from tasks.supervision import build_export

        owner = get_user_model().objects.get(pk=data["hr_user"])
        job = ExportJob.objects.create(
            owner=owner, kind=ExportJob.Kind.COMPLETIONS, file_format="xlsx", parameters={}
        )
        traced = spec.get("tracemalloc", False)
        gc.collect()
        baseline_rss = harness.status_mb("VmRSS")
        reset = harness.reset_peak_rss()
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        build_export.apply(args=[job.pk]).get()
        seconds = time.perf_counter() - started
        result = {"seconds": seconds}
        if traced:
            result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        job.refresh_from_db()
        result.update(
            {
                "status": job.status,
                "rows": job.rows_done,
                "file_mb": job.path.stat().st_size / 2**20,
                "rows_per_s": job.rows_done / seconds,
                "rss_before_mb": baseline_rss,
                "peak_rss_mb": harness.status_mb("VmHWM") if reset else None,
                "peak_rss_growth_mb": (harness.status_mb("VmHWM") - baseline_rss)
                if reset
                else None,
                "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
        job.path.unlink()
        return result
    if spec["kind"] == "export_worker":
        return _export_in_worker(data)
    raise SystemExit(f"unknown scenario {spec['kind']}")


def _export_in_worker(data: dict) -> dict:
    """The same export queued to a real Celery worker: bench/export_worker.py's scenario
    (the worker started with eager tasks off in the sender, the job's progress sampled
    as its page reads it), so there is one copy of it."""
    spec = importlib.util.spec_from_file_location(
        "bench_export_worker", ROOT / "bench" / "export_worker.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._export_in_worker(data)


# --- the orchestration --------------------------------------------------------------------


def _ratio(result: dict) -> float:
    return result["page"]["p95_ms"] / result["bare"]["p95_ms"]


def report(data: dict) -> str:
    d, c = data["dashboard"], data["county"]
    e, t = data["export"], data["export_traced"]
    lines = [
        f"Supervision bench: {data['setup']['employees']:,} employees, "
        f"{data['setup']['completions']:,} completions, team of {data['setup']['team']} "
        f"× {data['setup']['courses']} courses (built in {data['setup']['build_s']:.0f} s)",
        "",
        f"{'scenario':<34}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}",
    ]
    for label, result in (("dashboard /tiimi/", d), ("county report /seuranta/alue/", c)):
        for variant in ("page", "bare"):
            row = result[variant]
            name = f"{label} ({'bare SQL' if variant == 'bare' else 'page'})"
            lines.append(f"{name:<34}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['queries']:>9}")
    lines += [
        "",
        f"dashboard: {d['rows']} people, {d['cells']} cells; own data "
        f"{d['own_data_queries']} queries; p95 ratio page/bare {_ratio(d):.2f}",
        f"county: p95 ratio page/bare {_ratio(c):.2f}; refreshing the totals "
        f"{c['refresh_totals_s']:.2f} s; counting live with raw SQL "
        f"{c['live_count_sql_ms']:.0f} ms",
        f"XLSX export of {e['rows']:,} rows as the task: {e['seconds']:.1f} s "
        f"({e['rows_per_s']:,.0f} rows/s, {e['file_mb']:.1f} MB file); peak RSS growth "
        f"{e['peak_rss_growth_mb']:.0f} MB (ru_maxrss {e['ru_maxrss_mb']:.0f} MB); "
        f"tracemalloc peak {t['tracemalloc_peak_mb']:.1f} MB ({t['seconds']:.1f} s traced)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--employees", type=int, default=30000)
    parser.add_argument("--team", type=int, default=500)
    parser.add_argument("--requests", type=int, default=40, help="timed GETs per variant")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--only", help="scenarios, e.g. export,export_worker")
    args, _rest = parser.parse_known_args()
    if harness.answer_child(args, lambda spec: scenario(spec, args)):
        return
    passed = [f"--employees={args.employees}", f"--team={args.team}"]
    passed += [f"--requests={args.requests}", f"--warmup={args.warmup}"]

    def child(spec: dict) -> dict:
        return run_in_child(__file__, spec, tuple(passed))

    harness.fresh_database()
    print(f"Migrating and building a county of {args.employees:,}…", flush=True)
    setup = child({"kind": "setup"})
    data = {
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "targets": TARGETS,
        "setup": setup,
    }
    kinds = ("dashboard", "county", "export", "export_worker")
    if args.only:
        kinds = tuple(args.only.split(","))
    for kind in kinds:
        print(f"  {kind}…", flush=True)
        data[kind] = child({"kind": kind, "data": setup})
    if "export" in kinds:
        print("  export with tracemalloc…", flush=True)
        data["export_traced"] = child({"kind": "export", "data": setup, "tracemalloc": True})
    data["load_average_at_end"] = os.getloadavg()
    if args.only:
        print(json.dumps({kind: data[kind] for kind in kinds}, indent=1, default=str))
        harness.write_results(RESULTS.with_name("supervision-only.json"), data)
        return
    data["ratios"] = {"dashboard": _ratio(data["dashboard"]), "county": _ratio(data["county"])}
    harness.write_results(RESULTS, data)
    print()
    print(report(data))
    print(f"\nResults: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
