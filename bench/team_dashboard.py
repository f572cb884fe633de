"""Benchmark of the team dashboard at 500 and 2,000 reports: the page cut in PostgreSQL
(`supervision.dashboard.team_page`, one statement) against the same page built in
Python from every cell (`team_dashboard`, what /tiimi/ did before), in the same run.

    scripts/bench.sh team_dashboard
    # or, against a PostgreSQL server of your choice (the database is dropped and
    # recreated; its name must contain "bench"):
    DJANGO_SETTINGS_MODULE=learning.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/team_dashboard.py --employees 6000

The synthetic county is bench/supervision.py's (12 mandatory courses, every person
enrolled in each, about 5 in 6 pairs completed); one supervisor has 500 direct reports
and another 2,000. The page sorts and pages people by their summaries
(`learning_summary`) and reads the cells of its 50 people only; what still grows with
the team is the completion-rate row and the months, one grouping of the filtered
people's rows. Each variant is a GET through the same client, middleware, view and
template: "sql" is /tiimi/ as it is; "python" is the same view with the page cut from
`team_dashboard` (every person × course cell built in Python, filtered, sorted and paged
in memory). Three requests per team: the default view (overdue first, page 1), a status
filter with a name sort, and page 5.

Results: a table on stdout and bench/results/team_dashboard.json. The figure to watch is
the ratio of the 2,000-report p95 to the 500-report p95 of each variant (flat is near 1).
"""

from __future__ import annotations

import datetime
import os
import sys

import harness  # bench/ is first on sys.path when a script runs
from harness import run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
URLCONF = "bench_team_dashboard_urls"
TEAMS = (500, 2000)
URLS = {
    "default": "tiimi/",
    "filtered": "tiimi/?tila=due_soon&jarjestys=-name",
    "page 5": "tiimi/?sivu=5",
}
TARGETS = {"sql_p95_ms_at_500": 100, "sql_p95_ratio_2000_to_500": 1.5, "own_queries": 3}


def setup(args) -> dict:
    from django.core.management import call_command

    from bench.supervision import build_county
    from people.models import Employee

    call_command("migrate", verbosity=0)
    data = build_county(args.employees, TEAMS[0])
    # A second supervisor for the 2,000: the people after the first team.
    second = Employee.objects.exclude(pk=data["lead"]).order_by("-pk").first()
    Employee.objects.filter(
        pk__in=Employee.objects.exclude(pk__in=[data["lead"], second.pk])
        .filter(supervisor__isnull=True)
        .order_by("pk")
        .values("pk")[: TEAMS[1]]
    ).update(supervisor=second)
    data["lead_2000_user"] = second.user_id
    data["lead_2000"] = second.pk
    return data


def install_urls() -> None:
    """/python/tiimi/: the dashboard view with the page built in Python."""
    import types
    from unittest import mock

    from django.test.utils import override_settings
    from django.urls import path

    import learning.urls
    from supervision import dashboard, views

    def in_python(*, supervisor, filters, page_number=1, page_size=dashboard.PAGE_SIZE):
        return dashboard._team_page_in_python(
            supervisor, filters, dashboard._page_number(page_number), page_size
        )

    def python_dashboard(request):
        with mock.patch.object(views, "team_page", in_python):
            return views.dashboard(request)

    def bare(request):
        """The floor: the same client, session, sign-in and middleware, no work."""
        from django.http import HttpResponse

        assert request.user.is_authenticated
        return HttpResponse("<!doctype html><title>bare</title>")

    module = types.ModuleType(URLCONF)
    module.urlpatterns = [
        path("bare/", bare),
        path("python/tiimi/", python_dashboard),
        *learning.urls.urlpatterns,
    ]
    sys.modules[URLCONF] = module
    override_settings(ROOT_URLCONF=URLCONF).enable()


def measure(spec: dict, args) -> dict:
    from bench.supervision import _client, _get, _queries, timed
    from people.models import Employee
    from supervision.dashboard import DashboardFilters, team_page

    install_urls()
    data = spec["data"]
    out = {}
    for size, user_key, lead_key in (
        (500, "lead_user", "lead"),
        (2000, "lead_2000_user", "lead_2000"),
    ):
        client = _client(data[user_key])
        lead = Employee.objects.get(pk=data[lead_key])
        team_page(supervisor=lead, filters=DashboardFilters())
        own = _queries(lambda lead=lead: team_page(supervisor=lead, filters=DashboardFilters()))
        actions = {"bare": _get(client, "/bare/")}
        for name, url in URLS.items():
            actions[f"sql {name}"] = _get(client, "/" + url)
            if "python" in args.variants:
                actions[f"python {name}"] = _get(client, "/python/" + url)
        out[str(size)] = {"own_queries": own, **timed(actions, args.warmup, args.requests)}
    return out


def report(data: dict) -> str:
    m = data["measure"]
    lines = [
        f"Team dashboard bench: {data['setup']['employees']:,} employees, teams of "
        f"{TEAMS[0]} and {TEAMS[1]} × 12 courses; {data['requests']} timed GETs per row",
        "",
        f"{'request':<22}{'team':>6}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}",
    ]
    variants = [v for v in ("sql", "python") if f"{v} default" in m["500"]]
    for variant in variants:
        for name in URLS:
            for size in TEAMS:
                row = m[str(size)][f"{variant} {name}"]
                lines.append(
                    f"{variant + ' ' + name:<22}{size:>6}{row['p50_ms']:>9.1f}"
                    f"{row['p95_ms']:>9.1f}{row['queries']:>9}"
                )
    for size in TEAMS:
        row = m[str(size)]["bare"]
        lines.append(
            f"{'bare view':<22}{size:>6}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
            f"{row['queries']:>9}"
        )
    lines.append("")
    for size in TEAMS:
        bare = m[str(size)]["bare"]
        lines.append(
            f"sql / bare at {size}: "
            + ", ".join(
                f"{name} p50 {m[str(size)][f'sql {name}']['p50_ms'] / bare['p50_ms']:.1f}× "
                f"p95 {m[str(size)][f'sql {name}']['p95_ms'] / bare['p95_ms']:.1f}×"
                for name in URLS
            )
        )
    for variant in variants:
        ratios = [
            m["2000"][f"{variant} {name}"]["p95_ms"] / m["500"][f"{variant} {name}"]["p95_ms"]
            for name in URLS
        ]
        lines.append(
            f"{variant}: p95 at 2,000 / p95 at 500 = "
            + ", ".join(f"{name} {ratio:.2f}" for name, ratio in zip(URLS, ratios, strict=True))
        )
    for name in URLS if "python" in variants else ():
        for size in TEAMS:
            sql = m[str(size)][f"sql {name}"]["p95_ms"]
            python = m[str(size)][f"python {name}"]["p95_ms"]
            lines.append(f"python/sql p95 at {size}, {name}: {python / sql:.1f}×")
    lines.append(
        f"own data queries (team_page): {m['500']['own_queries']} at 500, "
        f"{m['2000']['own_queries']} at 2,000"
    )
    load = ", ".join(f"{value:.2f}" for value in data["load_average"])
    lines.append(f"load average when measured (1, 5, 15 min): {load} on {data['cpu_count']} CPUs")
    return "\n".join(lines)


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--employees", type=int, default=6000)
    parser.add_argument("--requests", type=int, default=30, help="timed GETs per row")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--variants",
        default="sql,python",
        help="sql (the page as it is) and python (every cell built in Python, the old way)",
    )
    args, _rest = parser.parse_known_args()
    if args.child:
        import django

        django.setup()
    if harness.answer_child(
        args, lambda spec: setup(args) if spec["kind"] == "setup" else measure(spec, args)
    ):
        return
    passed = (
        f"--employees={args.employees}",
        f"--requests={args.requests}",
        f"--warmup={args.warmup}",
        f"--variants={args.variants}",
    )
    harness.fresh_database(f"Migrating and building a county of {args.employees:,}…")
    built = run_in_child(__file__, {"kind": "setup"}, passed)
    print("  measuring…", flush=True)
    measured = run_in_child(__file__, {"kind": "measure", "data": built}, passed)
    data = {
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "load_average": os.getloadavg(),
        "requests": args.requests,
        "targets": TARGETS,
        "setup": built,
        "measure": measured,
    }
    harness.write_results(RESULTS, data)
    print()
    print(report(data))
    print(f"\nResults: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
