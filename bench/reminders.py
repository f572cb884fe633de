"""Benchmark of the reminder sweep and of building onboarding checklists.

    scripts/bench.sh reminders                 # this one only
    # or, against a PostgreSQL server of your choice (the database is dropped and recreated;
    # its name must contain "bench"):
    DJANGO_SETTINGS_MODULE=learning.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/reminders.py --employees 30000

The synthetic county (bulk-created directly, not through the services): 1 county, 5
sectors, 20 areas, 200 units with a manager each (also in OrgUnit.managers); the staff
report to their unit's manager, the managers up the tree; 1 % have left, 1 % have no
email address, 10 % Swedish- and 2 % English-speaking. Every employee has 10 enrolments
(10 published courses, 4 with a 12-month validity) and a checklist of 15 items:
- enrolments: 80 % completed (completion dates over the last year, so about 8 % of the
  completions of the 12-month courses expire within RECERTIFICATION_NOTICE_DAYS); the
  open ones are due in the next year (75 %) or up to 180 days ago (25 %);
- checklists: 90 % of people started years ago and have done every item; the other 10 %
  started in the last 60 days or start within 30, their items are due 1–60 days after
  the start, and about half of the ones already due are done.
Plus 1,000 newcomers without a checklist for the checklist-build scenario, and three
checklist templates giving each of them 15 items (2 of them courses).

Scenarios, each in its own child process (the parent never imports Django; it runs the
SMTP sink):
1. who is due: the set-based querysets (open enrolments, open checklist items, expiring
   completions), counted, 5 runs each, median; against a naive per-enrolment loop
   (3 queries per enrolment) timed on 3,000 enrolments and extrapolated.
2. first sweep: an empty outbox, so everything already due is reminded at once (the
   day the reminders are switched on), with a time budget of --backlog-seconds (300;
   in production REMINDER_SWEEP_MAX_SECONDS, 720): what does not fit waits for the
   next sweep. Reports rows enqueued and mails delivered per second.
3. daily sweep: the outbox holds every stage reached up to yesterday (made by running
   the enqueue step for yesterday and marking it sent), so this is the first sweep of a
   normal day: today's new stages only.
   For each sweep: wall time, SQL statements (counted by an execute wrapper that keeps
   no SQL text: the enqueue step, each claimed batch, each message sent), peak RSS
   growth during the sweep (VmHWM reset before it) and, for 3 and 4 in a second run,
   the tracemalloc peak.
4. next hourly sweep: straight after 3, nothing new: the cost of an idle sweep.
5. 1,000 checklists built with onboarding.services.checklist_build (as the
   build_checklists task does), queries per checklist.
Everything is run at --employees and at --small-employees (default 3,000) to show that
the queries do not grow with the number of people.

Mail goes over SMTP to a sink on 127.0.0.1 written here (asyncio; aiosmtpd is not
installed): it answers like a mail server, counts the messages and the
X-Hyteopas-Outbox header of each, so the bench can check every sent row reached the
sink exactly once. The sweep is the service the Celery task calls, run in-process
(one worker, one process).

Results: a table on stdout and bench/results/reminders.json.
"""

from __future__ import annotations

import asyncio
import datetime
import gc
import os
import random
import statistics
import sys
import threading
import time
import tracemalloc
from collections import Counter, deque

import harness
from harness import bench_database, recreate_database, run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
SECTORS, AREAS_PER_SECTOR, UNITS_PER_AREA = 5, 4, 10
COURSES, VALID_COURSES, ITEMS_PER_CHECKLIST = 10, 4, 15
NEWCOMERS = 1000
OUTBOX_TABLES = ["notifications_notification", "notifications_reminderoutbox"]


# --- the SMTP sink (parent process) -------------------------------------------------------


class SmtpSink:
    """Just enough SMTP for Django's backend: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def __init__(self) -> None:
        self.messages = 0
        self.reminder_ids: Counter[str] = Counter()
        self.connections = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()

    def reset(self) -> None:
        self.messages, self.connections = 0, 0
        self.reminder_ids = Counter()

    async def _session(self, reader, writer) -> None:
        self.connections += 1
        writer.write(b"220 sink ESMTP\r\n")
        while line := await reader.readline():
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                writer.write(b"250 OK\r\n")
            elif verb == b"DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                reminder = "-"
                while (data := await reader.readline()) not in (b".\r\n", b""):
                    if data.startswith(b"X-Hyteopas-Outbox:"):
                        reminder = data.split(b":", 1)[1].strip().decode()
                self.messages += 1
                self.reminder_ids[reminder] += 1
                writer.write(b"250 OK queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 Bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"502 Command not implemented\r\n")
            await writer.drain()
        writer.close()

    def start(self) -> int:
        def run() -> None:
            asyncio.set_event_loop(self._loop)
            server = self._loop.run_until_complete(
                asyncio.start_server(self._session, "127.0.0.1", 0, limit=1 << 20)
            )
            self.port = server.sockets[0].getsockname()[1]
            self._ready.set()
            self._loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        self._ready.wait(10)
        return self.port


# --- measuring helpers (child processes) --------------------------------------------------


# --- the synthetic county -----------------------------------------------------------------


def build_county(employees: int, seed: int = 2025) -> dict:
    """Bulk-create the county described in the module docstring. Returns counts."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import CourseCompletion, CourseIndexPage, CoursePage, Enrolment
    from onboarding.models import (
        Checklist,
        ChecklistItem,
        ChecklistTemplate,
        ItemKind,
        ItemOwner,
        TemplateItem,
    )
    from people.models import Employee, JobRole, OrgUnit

    rng = random.Random(seed)
    started = time.perf_counter()
    today = timezone.localdate()
    now = timezone.now()
    User = get_user_model()

    root = OrgUnit.add_root(code="HVA", name_fi="Penkkilän hyvinvointialue", kind="county")
    units: dict[str, list] = {"sector": [], "area": [], "unit": []}
    for s in range(1, SECTORS + 1):
        sector = root.add_child(code=f"S{s}", name_fi=f"Toimiala {s}", kind="sector")
        units["sector"].append(sector)
        for a in range(1, AREAS_PER_SECTOR + 1):
            area = sector.add_child(code=f"S{s}-A{a}", name_fi=f"Alue {s}.{a}", kind="area")
            units["area"].append(area)
            for u in range(1, UNITS_PER_AREA + 1):
                units["unit"].append(
                    area.add_child(code=f"S{s}-A{a}-U{u:02d}", name_fi=f"Yksikkö {u}", kind="unit")
                )
    roles = JobRole.objects.bulk_create(
        JobRole(code=f"R{n}", name_fi=f"Nimike {n}") for n in range(1, 11)
    )

    numbers = iter(range(100001, 10**7))

    def people(specs: list[tuple]) -> list:
        """specs: (unit, supervisor_id, start_date, active) → Employees, bulk-created."""
        users, rows = [], []
        for unit, supervisor_id, start, active in specs:
            number = str(next(numbers))
            language = rng.choices(["fi", "sv", "en"], [88, 10, 2])[0]
            email = "" if rng.random() < 0.01 else f"h{number}@penkkila.example"
            users.append(
                User(
                    username=number,
                    first_name=rng.choice(["Aino", "Eero", "Helmi", "Onni", "Åsa", "Noora"]),
                    last_name=rng.choice(["Aaltonen", "Niemi", "Lindqvist", "Mäkinen", "Ojala"]),
                    email=email,
                    password="!",  # unusable: nobody signs in during the bench
                    is_active=active,
                )
            )
            rows.append((number, unit, supervisor_id, start, active, language))
        User.objects.bulk_create(users, batch_size=5000)
        ids = dict(
            User.objects.filter(username__in=[r[0] for r in rows]).values_list("username", "pk")
        )
        return Employee.objects.bulk_create(
            [
                Employee(
                    user_id=ids[number],
                    employee_number=number,
                    unit=unit,
                    job_role=rng.choice(roles),
                    supervisor_id=supervisor_id,
                    start_date=start,
                    language=language,
                    active=active,
                )
                for number, unit, supervisor_id, start, active, language in rows
            ],
            batch_size=5000,
        )

    old_start = datetime.date(2015, 1, 1)
    (director,) = people([(root, None, old_start, True)])
    heads = {
        s.pk: p
        for s, p in zip(
            units["sector"],
            people([(s, director.pk, old_start, True) for s in units["sector"]]),
            strict=True,
        )
    }
    heads |= {
        a.pk: p
        for a, p in zip(
            units["area"],
            people([(a, heads[a.get_parent().pk].pk, old_start, True) for a in units["area"]]),
            strict=True,
        )
    }
    managers = dict(
        zip(
            [u.pk for u in units["unit"]],
            people([(u, heads[u.get_parent().pk].pk, old_start, True) for u in units["unit"]]),
            strict=True,
        )
    )
    managed = [root, *units["sector"], *units["area"], *units["unit"]]
    OrgUnit.managers.through.objects.bulk_create(
        OrgUnit.managers.through(
            orgunit_id=unit.pk,
            employee_id=(director if unit is root else (heads | managers)[unit.pk]).pk,
        )
        for unit in managed
    )
    staff_count = employees - 1 - len(heads) - len(managers)
    specs = []
    for _ in range(staff_count):
        unit = rng.choice(units["unit"])
        if rng.random() < 0.10:  # a recent or coming starter
            start = today + datetime.timedelta(days=rng.randint(-60, 30))
        else:
            start = old_start + datetime.timedelta(days=rng.randint(0, 3000))
        specs.append((unit, managers[unit.pk].pk, start, rng.random() >= 0.01))
    staff = []
    for begin in range(0, len(specs), 5000):
        staff.extend(people(specs[begin : begin + 5000]))
    everyone = [director, *heads.values(), *managers.values(), *staff]

    from cms.models import HomePage

    home = HomePage.objects.get(locale__language_code="fi")
    index = home.add_child(instance=CourseIndexPage(title="Koulutukset", slug="koulutukset"))
    index.save_revision().publish()
    courses = []
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
        courses.append(CoursePage.objects.get(pk=course.pk))

    enrolments, completions = [], []
    for person in everyone:
        for course in courses:
            if rng.random() < 0.80:
                completed_at = now - datetime.timedelta(days=rng.uniform(1, 365))
                due = completed_at.date() + datetime.timedelta(days=rng.randint(0, 60))
                completions.append(
                    CourseCompletion(
                        employee_id=person.pk,
                        course_id=course.pk,
                        cycle=1,
                        course_title=course.title,
                        completed_at=completed_at,
                        expires_at=course.expiry_for(completed_at),
                        verification_code=f"b{person.pk}-{course.pk}",
                    )
                )
            elif rng.random() < 0.75:
                due = today + datetime.timedelta(days=rng.randint(1, 365))
            else:
                due = today - datetime.timedelta(days=rng.randint(0, 180))
            enrolments.append(
                Enrolment(
                    employee_id=person.pk, course_id=course.pk, source="mandatory", due_date=due
                )
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=10000)
    CourseCompletion.objects.bulk_create(completions, batch_size=10000)

    checklists = Checklist.objects.bulk_create(
        [Checklist(employee_id=person.pk) for person in everyone], batch_size=10000
    )
    items = []
    kinds = [ItemKind.TASK, ItemKind.MEETING, ItemKind.READ, ItemKind.SIGN_OFF]
    for person, checklist in zip(everyone, checklists, strict=True):
        recent = person.start_date > today - datetime.timedelta(days=90)
        for n in range(ITEMS_PER_CHECKLIST):
            kind = kinds[n % len(kinds)]
            due = person.start_date + datetime.timedelta(days=rng.randint(1, 60))
            done = not recent or (due < today and rng.random() < 0.5)
            items.append(
                ChecklistItem(
                    checklist=checklist,
                    kind=kind,
                    title=f"Perehdytystehtävä {n + 1}",
                    owner=ItemOwner.SUPERVISOR if kind == ItemKind.SIGN_OFF else ItemOwner.EMPLOYEE,
                    due_date=due,
                    done_at=now if done else None,
                )
            )
    ChecklistItem.objects.bulk_create(items, batch_size=10000)

    # Templates for the checklist-build scenario: 10 + 3 + 2 = 15 items per newcomer.
    everyone_template = ChecklistTemplate(name="Kaikille")
    for n in range(10):
        course = courses[n] if n < 2 else None
        everyone_template.items.add(
            TemplateItem(
                kind=ItemKind.COURSE if course else ItemKind.TASK,
                title=f"Yhteinen {n + 1}",
                course=course,
                due_days=7 + n,
                sort_order=n,
            )
        )
    everyone_template.save()
    for sector in units["sector"]:
        template = ChecklistTemplate(name=f"Toimiala {sector.code}")
        for n in range(3):
            template.items.add(TemplateItem(title=f"Toimiala {n + 1}", due_days=14, sort_order=n))
        template.units = [sector]
        template.save()
    for role in roles:
        template = ChecklistTemplate(name=f"Nimike {role.code}")
        for n in range(2):
            template.items.add(TemplateItem(title=f"Nimike {n + 1}", due_days=21, sort_order=n))
        template.job_roles = [role]
        template.save()
    coming = today + datetime.timedelta(days=14)
    newcomers = []
    for begin in range(0, NEWCOMERS, 500):
        newcomers.extend(
            people(
                [
                    (unit := rng.choice(units["unit"]), managers[unit.pk].pk, coming, True)
                    for _ in range(min(500, NEWCOMERS - begin))
                ]
            )
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {
        "employees": len(everyone),
        "newcomers": len(newcomers),
        "enrolments": len(enrolments),
        "completions": len(completions),
        "checklist_items": len(items),
        "open_checklist_items": sum(1 for i in items if i.done_at is None),
        "build_s": time.perf_counter() - started,
    }


# --- scenarios (child processes) ----------------------------------------------------------


def _empty_outbox() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(OUTBOX_TABLES) + " RESTART IDENTITY")


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(OUTBOX_TABLES))


def _until_yesterday() -> int:
    """The outbox as the sweeps up to yesterday left it: every stage reached by then,
    sent. (Stages are by date, so yesterday's enqueue covers all earlier days' stages
    still current; earlier stages the items passed through are not needed: a stage is
    only ever created for the day's state.)"""
    from django.utils import timezone

    from notifications.enqueue import enqueue_due_reminders
    from notifications.models import ReminderOutbox

    yesterday = timezone.now() - datetime.timedelta(days=1)
    enqueue_due_reminders(today=timezone.localdate(yesterday), now=yesterday)
    return ReminderOutbox.objects.update(status="sent", sent_at=yesterday)


def scenario_who_is_due(spec: dict) -> dict:
    from django.utils import timezone

    from courses.models import CourseCompletion, Enrolment
    from notifications.models import ReminderOutbox
    from notifications.selectors import (
        completions_expiring,
        open_checklist_items_due,
        open_enrolments_due,
    )

    today, now = timezone.localdate(), timezone.now()
    result: dict = {}
    for name, queryset in (
        ("enrolments", open_enrolments_due(today=today, now=now)),
        ("checklist_items", open_checklist_items_due(today=today)),
        ("expiring_completions", completions_expiring(now=now)),
    ):
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            count = queryset.count()
            runs.append(time.perf_counter() - started)
        result[name] = {"due": count, "median_s": statistics.median(runs), "runs_s": runs}
        by_stage = (
            dict(Counter(queryset.values_list("o_stage", flat=True)))
            if name != "expiring_completions"
            else {}
        )
        result[name]["by_stage"] = by_stage
    result["total_s"] = sum(v["median_s"] for v in result.values())
    # The naive way: every dated enrolment, and per enrolment: is the course done, has
    # the person left, is there a reminder already.
    horizon = today + datetime.timedelta(days=7)
    sample = list(
        Enrolment.objects.filter(due_date__lte=horizon).values_list(
            "pk", "employee_id", "course_id", "employee__active"
        )[:3000]
    )
    candidates = Enrolment.objects.filter(due_date__lte=horizon).count()
    started = time.perf_counter()
    for pk, employee_id, course_id, _active in sample:
        CourseCompletion.objects.filter(employee_id=employee_id, course_id=course_id).exists()
        ReminderOutbox.objects.filter(subject_kind="enrolment", subject_id=pk).exists()
        Enrolment.objects.filter(pk=pk, employee__active=True).exists()
    naive = time.perf_counter() - started
    result["naive"] = {
        "sample": len(sample),
        "sample_s": naive,
        "candidates": candidates,
        "extrapolated_s": naive * candidates / max(1, len(sample)),
        "all_enrolments": Enrolment.objects.count(),
    }
    return result


def _instrumented_sweep() -> dict:
    """Run notifications.services.reminders_sweep() with wrappers around its steps
    that record time and SQL queries per step and per claimed batch."""
    from unittest import mock

    from django.db import connection

    from notifications import delivery, services

    # Count statements without keeping their text, so the counting costs no memory.
    executed = [0]

    def count(execute, sql, params, many, context):
        executed[0] += 1
        return execute(sql, params, many, context)

    def queries() -> int:
        return executed[0]

    steps: dict = {"enqueue": {}, "claims": [], "sends": []}
    real_enqueue, real_claim, real_send = (
        services.enqueue_due_reminders,
        delivery._claim_batch,
        delivery._send_batch,
    )

    def enqueue(**kwargs):
        before, started = queries(), time.perf_counter()
        outcome = real_enqueue(**kwargs)
        steps["enqueue"] = {"s": time.perf_counter() - started, "queries": queries() - before}
        return outcome

    def claim(**kwargs):
        before, started = queries(), time.perf_counter()
        outgoing = real_claim(**kwargs)
        if outgoing is not None:
            steps["claims"].append(
                {
                    "s": time.perf_counter() - started,
                    "queries": queries() - before,
                    "rows": len(outgoing),
                }
            )
        return outgoing

    def send(outgoing, result):
        before, started = queries(), time.perf_counter()
        ok = real_send(outgoing, result)
        steps["sends"].append(
            {
                "s": time.perf_counter() - started,
                "queries": queries() - before,
                "messages": len(outgoing),
            }
        )
        return ok

    with (
        connection.execute_wrapper(count),
        mock.patch.object(services, "enqueue_due_reminders", enqueue),
        mock.patch.object(delivery, "_claim_batch", claim),
        mock.patch.object(delivery, "_send_batch", send),
    ):
        started = time.perf_counter()
        before = queries()
        outcome = services.reminders_sweep()
        wall = time.perf_counter() - started
        total_queries = queries() - before
    claims, sends = steps["claims"], steps["sends"]
    messages = sum(s["messages"] for s in sends)
    summary = {
        "wall_s": wall,
        "result": outcome.as_dict(),
        "enqueue_s": steps["enqueue"].get("s"),
        "enqueue_queries": steps["enqueue"].get("queries"),
        "batches": len(claims),
        "deliver_s": sum(c["s"] for c in claims) + sum(s["s"] for s in sends),
        # Claiming (notices, rendering) and sending together, per mail delivered.
        "mails_per_s": (
            messages / max(1e-9, sum(c["s"] for c in claims) + sum(s["s"] for s in sends))
            if messages
            else None
        ),
    }
    summary["queries"] = total_queries
    summary["claim_queries_per_batch"] = sorted({c["queries"] for c in claims})
    summary["send_queries_per_message"] = sorted(
        {round(s["queries"] / s["messages"], 2) for s in sends if s["messages"]}
    )
    full = [
        c["queries"] + s["queries"]
        for c, s in zip(claims, sends, strict=False)
        if c["rows"] == s["messages"]
    ]
    summary["queries_per_full_batch"] = sorted(set(full))[-3:] if full else []
    return summary


def scenario_sweep(spec: dict) -> dict:
    from django.conf import settings

    from notifications.models import ReminderOutbox

    settings.REMINDER_SWEEP_MAX_SECONDS = spec.get("budget_s", settings.REMINDER_SWEEP_MAX_SECONDS)
    _empty_outbox()
    prepared = 0
    if spec["which"] in ("daily", "idle"):
        prepared = _until_yesterday()
    _analyze()
    if spec["which"] == "idle":
        _instrumented_sweep()  # today's stages, so the next one is idle
    timed = spec["mode"] == "time"
    gc.collect()
    rss_before = harness.status_mb("VmRSS")
    hwm = harness.reset_peak_rss()
    if not timed:
        tracemalloc.start()
    summary = _instrumented_sweep()
    if not timed:
        summary["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    summary["rss_before_mb"] = rss_before
    summary["peak_rss_growth_mb"] = (harness.status_mb("VmHWM") - rss_before) if hwm else None
    summary["maxrss_mb"] = harness.maxrss_mb()
    summary["prepared_rows"] = prepared
    summary["outbox"] = dict(Counter(ReminderOutbox.objects.values_list("status", flat=True)))
    summary["sent_ids"] = list(
        ReminderOutbox.objects.filter(status="sent", handed_over_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
    summary["batch_size"] = settings.REMINDER_BATCH_SIZE
    return summary


def scenario_checklists(spec: dict) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from onboarding.models import ChecklistItem
    from onboarding.services import checklist_build
    from people.models import Employee

    ids = list(
        Employee.objects.filter(checklist__isnull=True).order_by("pk").values_list("pk", flat=True)
    )[:NEWCOMERS]
    connection.queries_log = deque(maxlen=None)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        added = sum(checklist_build(employee_id=pk) for pk in ids)
        wall = time.perf_counter() - started
    again_started = time.perf_counter()
    again = sum(checklist_build(employee_id=pk) for pk in ids[:100])
    return {
        "checklists": len(ids),
        "items_added": added,
        "items_per_checklist": added / max(1, len(ids)),
        "wall_s": wall,
        "ms_per_checklist": 1000 * wall / max(1, len(ids)),
        "queries_per_checklist": len(captured) / max(1, len(ids)),
        "rerun_100_added": again,
        "rerun_100_s": time.perf_counter() - again_started,
        "items_total": ChecklistItem.objects.filter(checklist__employee_id__in=ids).count(),
    }


def set_up(spec: dict) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    county = build_county(spec["employees"])
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {"postgres_version": version, "migrate_s": migrated, **county}


def run_child(spec: dict) -> dict:
    import django

    django.setup()
    scenario = {
        "setup": set_up,
        "who_is_due": scenario_who_is_due,
        "sweep": scenario_sweep,
        "checklists": scenario_checklists,
    }[spec["kind"]]
    return scenario(spec)


# --- the orchestration (parent) -----------------------------------------------------------


def child(spec: dict, env: dict) -> dict:
    return run_in_child(__file__, spec, env=env)


def county_run(config: dict, employees: int, sink: SmtpSink, env: dict, backlog_s: int) -> dict:
    print(f"\n== {employees:,} employees ==", flush=True)
    recreate_database(config)
    print("  migrating and building the county…", flush=True)
    data: dict = {"setup": child({"kind": "setup", "employees": employees}, env)}
    print(f"  built in {data['setup']['build_s']:.0f} s", flush=True)
    print("  who is due…", flush=True)
    data["who_is_due"] = child({"kind": "who_is_due"}, env)
    problems: list[str] = []
    for which, budget in (("first", backlog_s), ("daily", None), ("idle", None)):
        for mode in ("time", "memory"):
            if which == "first" and mode == "memory":
                continue  # a capped run's memory says little; the daily one is measured
            print(f"  sweep: {which} ({mode})…", flush=True)
            sink.reset()
            spec = {"kind": "sweep", "which": which, "mode": mode}
            if budget:
                spec["budget_s"] = budget
            outcome = child(spec, env)
            sent_ids = {str(pk) for pk in outcome.pop("sent_ids")}
            outcome["sink"] = {
                "messages": sink.messages,
                "connections": sink.connections,
                "duplicates": sum(1 for c in sink.reminder_ids.values() if c > 1),
                "sent_rows_missing_at_sink": len(sent_ids - set(sink.reminder_ids)),
                "sink_messages_without_sent_row": len(set(sink.reminder_ids) - sent_ids),
            }
            if outcome["sink"]["duplicates"] or outcome["sink"]["sent_rows_missing_at_sink"]:
                problems.append(f"{employees} {which}/{mode}: sink mismatch {outcome['sink']}")
            data[f"sweep_{which}_{mode}"] = outcome
    print("  1,000 checklists…", flush=True)
    data["checklists"] = child({"kind": "checklists"}, env)
    data["problems"] = problems
    return data


def _fmt(value, unit="", digits=2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def report(data: dict) -> str:
    lines = []
    for size, run in data["runs"].items():
        setup, due = run["setup"], run["who_is_due"]
        lines += [
            "",
            f"County of {int(size):,} employees: {setup['enrolments']:,} enrolments, "
            f"{setup['completions']:,} completions, {setup['checklist_items']:,} checklist items "
            f"({setup['open_checklist_items']:,} open); built in {setup['build_s']:.0f} s",
            "",
            "Who is due (set-based, median of 5)      rows due    time",
        ]
        for name in ("enrolments", "checklist_items", "expiring_completions"):
            lines.append(
                f"  {name:38} {due[name]['due']:>8,}  {due[name]['median_s'] * 1000:7.1f} ms"
            )
        naive = due["naive"]
        lines.append(
            f"  naive per-enrolment loop: {naive['sample']:,} enrolments in "
            f"{naive['sample_s']:.2f} s → {naive['candidates']:,} candidates "
            f"≈ {naive['extrapolated_s']:.0f} s"
        )
        lines += [
            "",
            "Sweep                    wall s  enqueue s (q)  rows→sent      mails/s  queries"
            "  q/claim      q/mail  peak RSS+ MB  tracemalloc MB",
        ]
        labels = {
            "first": "first (backlog, capped)",
            "daily": "daily (today's stages)",
            "idle": "next hour (idle)",
        }
        for which, label in labels.items():
            timed = run[f"sweep_{which}_time"]
            memory = run.get(f"sweep_{which}_memory", {})
            result = timed["result"]
            created = (
                result["reminders"]
                + result["routed"]
                + result["recertifications"]
                + result["digests"]
            )
            claim_q = ",".join(map(str, timed.get("claim_queries_per_batch", []))) or "–"
            send_q = ",".join(map(str, timed.get("send_queries_per_message", []))) or "–"
            rss = _fmt(timed.get("peak_rss_growth_mb"), digits=1)
            traced = _fmt(memory.get("tracemalloc_peak_mb"), digits=1)
            lines.append(
                f"  {label:23} {timed['wall_s']:7.2f}  {_fmt(timed['enqueue_s'])} "
                f"({timed['enqueue_queries']:>2})  {created:>7,}→{result['sent']:<7,} "
                f"{_fmt(timed['mails_per_s'], digits=0):>7}  {_fmt(timed.get('queries')):>7}  "
                f"{claim_q:>11}  {send_q:>6}  {rss:>11}  {traced:>13}"
            )
        first = run["sweep_first_time"]
        lines.append(
            f"  first sweep: {first['result']['sent']:,} mails delivered within its "
            f"{data['backlog_seconds']} s budget; outbox after it: {first['outbox']}"
        )
        ck = run["checklists"]
        lines += [
            "",
            f"1,000 checklists built: {ck['wall_s']:.1f} s ({ck['ms_per_checklist']:.1f} ms "
            f"and {ck['queries_per_checklist']:.1f} queries each, "
            f"{ck['items_per_checklist']:.0f} items); "
            f"again for 100 of them: {ck['rerun_100_added']} added",
        ]
        if run["problems"]:
            lines += ["", "PROBLEMS:", *run["problems"]]
    return "\n".join(lines)


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--employees", type=int, default=30000)
    parser.add_argument("--small-employees", type=int, default=3000)
    parser.add_argument(
        "--backlog-seconds", type=int, default=300, help="time budget of the first sweep"
    )
    args = parser.parse_args()
    if harness.answer_child(args, run_child):
        return

    config = bench_database()
    sink = SmtpSink()
    port = sink.start()
    env = {**os.environ, "EMAIL_URL": f"smtp://127.0.0.1:{port}", "DEBUG": "false"}
    print(f"SMTP sink on 127.0.0.1:{port}; database {config['NAME']}", flush=True)
    data: dict = {
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "backlog_seconds": args.backlog_seconds,
        "runs": {},
    }
    for size in dict.fromkeys([args.small_employees, args.employees]):
        data["runs"][str(size)] = county_run(config, size, sink, env, args.backlog_seconds)
    data["problems"] = [p for run in data["runs"].values() for p in run["problems"]]
    harness.write_results(RESULTS, data)
    print(report(data))
    print(f"\nJSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
