"""Benchmark of going live: a county's org tree and whole staff arrive by import on a
fresh database, then the reminder sweep runs.

    scripts/bench.sh golive
    # or, against a PostgreSQL server of your choice (the database is dropped and recreated;
    # its name must contain "bench"):
    DJANGO_SETTINGS_MODULE=learning.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/golive.py --units 1500 --people 30000

What it does (each step through the public services, as the admin does):

1. Drops and recreates the bench database, migrates it, adds 40 job roles, one active
   onboarding template for everyone (three tasks and a course item) and two live
   mandatory courses.
2. The org tree: a file of `--units` units (county, 5 sectors, 30 areas, the rest units
   under the areas) through `org_import_preview` + `org_import_apply`.
3. The staff: a file of `--people` people whose start dates spread over ten years, 1 %
   starting next month; `employee_import_preview` + `employee_import_apply`, with the
   checklist and enrolment task run on commit (eager). Welcome messages are not sent
   (`send_welcome_messages.delay` is a no-op).
4. The sweep right after the import, with `REMINDERS_START_ON` a week ahead: it must
   send nothing. Then, with reminders on, sweeps an hour later (nothing: every stage
   already begun is skipped) and on the next days (only stages that begin that day).

How it measures: the whole run is one child process (the parent never imports Django);
each step's wall time (time.perf_counter), SQL queries (CaptureQueriesContext) and the
growth of the peak RSS (/proc/self/status VmHWM, reset before each step where Linux
allows it; else ru_maxrss).

Results: a table on stdout and bench/results/golive.json.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import time
from collections import deque
from unittest import mock

import harness
from harness import run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
STAFF_HEADER = (
    "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;"
    "aloituspäivä;päättymispäivä;kieli"
)
TREE_HEADER = "koodi;nimi suomeksi;nimi ruotsiksi;nimi englanniksi;yläyksikkö;taso;esihenkilöt"


def measure(name: str, results: dict, function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Django keeps at most `queries_limit` (9,000) queries in its log: lift it, and start
    # each step from an empty log, so a big step is counted in full.
    connection.ensure_connection()
    connection.queries_log = deque(maxlen=10_000_000)
    harness.reset_peak_rss()
    before = harness.peak_rss_mb()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        value = function()
    results[name] = {
        "seconds": round(time.perf_counter() - started, 2),
        "queries": len(queries),
        "peak_rss_mb": round(harness.peak_rss_mb(), 1),
        "peak_growth_mb": round(harness.peak_rss_mb() - before, 1),
    }
    print(f"{name:<32} {results[name]}", flush=True)
    return value


def tree_file(units: int) -> bytes:
    rows = ["HVA;Hyvinvointialue;Välfärdsområdet;County;;hyvinvointialue;"]
    for sector in range(1, 6):
        rows.append(f"S{sector};Toimiala {sector};Sektor {sector};Sector {sector};HVA;toimiala;")
    for area in range(1, 31):
        rows.append(f"A{area};Alue {area};Område {area};Area {area};S{area % 5 + 1};palvelualue;")
    number = 0
    while len(rows) < units:
        number += 1
        rows.append(
            f"U{number};Yksikkö {number};Enhet {number};Unit {number};A{number % 30 + 1};yksikkö;"
        )
    return "\n".join([TREE_HEADER, *rows]).encode()


def staff_file(people: int, unit_count: int, today: datetime.date) -> tuple[bytes, int]:
    rng = random.Random(2026)
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=3)
    starting = max(1, people // 100)
    rows = []
    for index in range(1, people + 1):
        if index > people - starting:
            start = next_month
        else:
            start = today - datetime.timedelta(days=rng.randint(0, 3650))
        supervisor = "" if index == 1 else str(max(1, index // 20))
        language = ("fi", "sv", "en")[index % 10 // 8]
        rows.append(
            f"{index};Etu{index};Suku{index};p{index}@hva.example;U{index % unit_count + 1};"
            f"R{index % 40};{supervisor};{start:%d.%m.%Y};;{language}"
        )
    return "\n".join([STAFF_HEADER, *rows]).encode(), starting


def setup_county() -> None:
    from cms.models import HomePage
    from courses.models import CourseIndexPage, CoursePage
    from onboarding.models import ChecklistTemplate, ItemKind, TemplateItem
    from people.models import JobRole

    JobRole.objects.bulk_create([JobRole(code=f"R{n}", name_fi=f"Nimike {n}") for n in range(40)])
    home = HomePage.objects.get(locale__language_code="fi")
    index = home.add_child(instance=CourseIndexPage(title="Koulutukset", slug="koulutukset"))
    index.save_revision().publish()
    courses = []
    for n in (1, 2):
        course = index.add_child(
            instance=CoursePage(
                title=f"Hyte {n}", slug=f"hyte-{n}", summary="Tiivistelmä.", mandatory=True
            )
        )
        course.save_revision().publish()
        courses.append(CoursePage.objects.get(pk=course.pk))
    template = ChecklistTemplate(name="Kaikille")
    for order, days in enumerate((0, 7, 30)):
        template.items.add(
            TemplateItem(
                kind=ItemKind.TASK, title=f"Tehtävä {days}", due_days=days, sort_order=order
            )
        )
    template.items.add(
        TemplateItem(
            kind=ItemKind.COURSE, title="Hyte", course=courses[0], due_days=14, sort_order=9
        )
    )
    template.save()


def run_child(spec: dict) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command
    from django.test.utils import override_settings
    from django.utils import timezone

    import tasks.people
    from courses.models import Enrolment
    from notifications import services as reminders
    from notifications.models import ReminderOutbox
    from onboarding.models import Checklist, ChecklistItem
    from people import services

    results: dict = {"steps": {}}
    steps = results["steps"]
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    results["migrate_s"] = round(time.perf_counter() - started, 1)
    setup_county()
    today = timezone.localdate()
    tree = tree_file(spec["units"])
    staff, starting = staff_file(spec["people"], spec["units"] - 36, today)

    def org_import():
        preview = services.org_import_preview(name="puu.csv", content=tree)
        assert preview.ok, preview.problems[:3]
        assert services.org_import_apply(run=preview.run).ok

    measure("org tree import", steps, org_import)
    forecast = {}

    def staff_preview():
        preview = services.employee_import_preview(name="henkilosto.csv", content=staff)
        assert preview.ok, preview.problems[:3]
        found = preview.forecast
        forecast.update(
            checklists=found.checklists,
            enrolments=found.enrolments,
            first_reminder=str(found.first_reminder),
        )
        return preview

    preview = measure("staff preview (with forecast)", steps, staff_preview)

    def staff_apply():
        with mock.patch.object(tasks.people.send_welcome_messages, "delay"):
            assert services.employee_import_apply(run=preview.run).ok

    measure("staff apply + onboarding task", steps, staff_apply)
    results["forecast"] = forecast
    results["created"] = {
        "checklists": Checklist.objects.count(),
        "checklist_items": ChecklistItem.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "people_starting_next_month": starting,
    }

    def sweep(hours: float):
        now = timezone.now() + datetime.timedelta(hours=hours)
        mail.outbox = []
        result = reminders.reminders_sweep(now=now)
        return {
            "emails": len(mail.outbox),
            "outbox_rows": ReminderOutbox.objects.count(),
            "sent": result.delivery.sent,
        }

    with override_settings(REMINDERS_START_ON=today + datetime.timedelta(days=7)):
        results["sweep_start_on_ahead"] = measure(
            "sweep, REMINDERS_START_ON ahead", steps, lambda: sweep(0.1)
        )
    assert settings.REMINDERS_START_ON is None
    results["sweep_one_hour_later"] = measure("sweep one hour later", steps, lambda: sweep(1))
    results["later_days"] = {}
    for day in (1, 2, 7, 14):
        results["later_days"][day] = measure(
            f"sweep on day {day}", steps, lambda day=day: sweep(24 * day)
        )
    return results


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--people", type=int, default=30000)
    args = parser.parse_args()
    if harness.answer_child(args, run_child):
        return
    harness.fresh_database()
    spec = {"units": args.units, "people": args.people}
    data = {
        "spec": spec,
        "cpu_count": os.cpu_count(),
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        **run_in_child(__file__, spec),
    }
    harness.write_results(RESULTS, data)
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    print(f"\nJSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
