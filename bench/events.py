"""Benchmark of presentation sessions: inviting a large target group, and the series
report.

    scripts/bench.sh events                 # this one only
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/events.py --invitees 5000 --sessions 10 --attendees 150

What it measures (PostgreSQL, DEBUG off, learning.settings.test: Celery eager, emails to
Django's in-memory backend):

1. Inviting a target group of --invitees employees (members of the session's target
   network). First the splitting task alone (`events.invite_target_group`: reads the
   group, leaves out those already invited, queues one `events.send_invitations` per
   batch of 500): its wall time and the number of tasks it queued, counted at `delay`.
   Then every queued batch run one after the other as the worker would (Invitation rows
   and their outbox rows in one transaction, then the eager delivery of the outbox: in-app
   notices in one insert, emails over one connection): total wall time, the slowest
   batch, and the queries per batch.
2. The series report (/koordinointi/sarjat/<id>/raportti/) for a series of --sessions
   sessions × --attendees attendees (each invited, registered and attended; 70 % gave
   feedback; 3 presenters per session, each answered): fetched with Django's test Client
   as a signed-in hyte coordinator. Queries are counted on every captured request and
   compared with a series of one session (they must be equal: constant). Against it, a
   bare view written here that reads the same rows (registrations, feedback, presenter
   feedback and free texts of the series: four plain queries) and adds them up in Python, then
   renders the same template, called directly with no middleware. Page and bare calls
   alternate. The ratio is page median / bare median.

Results: a table on stdout and bench/results/events.json.
"""

from __future__ import annotations

import datetime
import os
import statistics
import sys
import time

import harness
from harness import run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT


# --- the data -----------------------------------------------------------------------------


def _people(count: int, start: int) -> list:
    """`count` employees, in bulk (users first, then employees)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from people.models import Employee, JobRole, OrgUnit

    unit = OrgUnit.objects.filter(code="PENKKI").first() or OrgUnit.add_root(
        code="PENKKI", name_fi="Penkkilä", kind=OrgUnit.Kind.COUNTY
    )
    role, _created = JobRole.objects.get_or_create(code="SH", defaults={"name_fi": "Hoitaja"})
    password = make_password("penkki-salasana")
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(
                username=str(number),
                email=f"hoitaja.{number}@penkkila.example",
                first_name="Hoitaja",
                last_name=f"Nro {number}",
                password=password,
            )
            for number in range(start, start + count)
        ],
        batch_size=2000,
    )
    return Employee.objects.bulk_create(
        [
            Employee(
                user=user,
                employee_number=user.username,
                unit=unit,
                job_role=role,
                start_date=datetime.date(2020, 1, 1),
                language="sv" if index % 10 == 8 else "en" if index % 10 == 9 else "fi",
            )
            for index, user in enumerate(users)
        ],
        batch_size=2000,
    )


def _session(series, title: str, days: int):
    from django.utils import timezone

    from events.models import Session

    return Session.objects.create(
        series=series,
        title=title,
        starts_at=timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=days),
        duration_minutes=120,
        capacity=10_000,
        meeting_link="https://kokous.example/penkki",
    )


def _attended_series(title: str, sessions: int, attendees: int, start_number: int):
    from django.utils import timezone

    from events.models import (
        Feedback,
        Invitation,
        PresenterFeedback,
        PresenterSlot,
        Registration,
        SessionSeries,
    )
    from organisations.models import Organisation

    series = SessionSeries.objects.create(title=title, half_year_start=datetime.date(2026, 1, 1))
    people = _people(sessions * attendees, start_number)
    organisations = [
        Organisation.objects.get_or_create(name=f"Penkkilän yhdistys {n}")[0] for n in range(3)
    ]
    now = timezone.now()
    for index in range(sessions):
        session = _session(series, f"{title}, tilaisuus {index + 1}", -30 - index * 10)
        group = people[index * attendees : (index + 1) * attendees]
        Invitation.objects.bulk_create([Invitation(session=session, employee=p) for p in group])
        registrations = Registration.objects.bulk_create(
            [
                Registration(
                    session=session, employee=p, status="registered", queued_at=now, attended_at=now
                )
                for p in group
            ]
        )
        Feedback.objects.bulk_create(
            [
                Feedback(
                    registration=registration,
                    useful=number % 10 != 0,
                    rating=3 + number % 3,
                    will_do_differently="Ohjaan asiakkaita ryhmiin." if number % 4 == 0 else "",
                    free_text="Hyödyllinen." if number % 5 == 0 else "",
                    submitted_at=now,
                )
                for number, registration in enumerate(registrations)
                if number % 10 < 7
            ]
        )
        slots = PresenterSlot.objects.bulk_create(
            [
                PresenterSlot(session=session, organisation=org, minutes=20, sort_order=order)
                for order, org in enumerate(organisations)
            ]
        )
        PresenterFeedback.objects.bulk_create(
            [
                PresenterFeedback(slot=slot, useful=order != 1, submitted_at=now)
                for order, slot in enumerate(slots)
            ]
        )
    return series


def set_up(spec: dict) -> dict:
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from events.models import Network, SessionSeries
    from people import roles

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    started = time.perf_counter()
    invitees = _people(spec["invitees"], 100_000)
    network = Network.objects.create(name="Penkkilän perhetyön verkosto")
    network.members.add(*invitees)
    series = SessionSeries.objects.create(title="Kutsut", half_year_start=datetime.date(2026, 7, 1))
    session = _session(series, "Kutsuttava tilaisuus", 14)
    session.target_networks.add(network)
    session.save()
    big = _attended_series("Iso sarja", spec["sessions"], spec["attendees"], 200_000)
    small = _attended_series("Pieni sarja", 1, spec["attendees"], 400_000)
    (coordinator,) = _people(1, 900_000)
    coordinator.user.groups.add(Group.objects.get(name=roles.HYTE_COORDINATOR))
    return {
        "migrate_s": migrated,
        "build_s": time.perf_counter() - started,
        "session_id": session.pk,
        "big_series_id": big.pk,
        "small_series_id": small.pk,
        "coordinator_user_id": coordinator.user_id,
    }


# --- scenarios ----------------------------------------------------------------------------


def scenario_invite(spec: dict) -> dict:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from events.models import Invitation
    from notifications.models import Notification
    from tasks import events as event_tasks

    queued: list[list[int]] = []
    real_delay = event_tasks.send_invitations.delay
    event_tasks.send_invitations.delay = lambda session_id, ids, *rest: queued.append(ids)
    started = time.perf_counter()
    batches = event_tasks.invite_target_group.apply(args=[spec["session_id"]]).get()
    split_s = time.perf_counter() - started
    event_tasks.send_invitations.delay = real_delay

    batch_times, batch_queries = [], []
    started = time.perf_counter()
    for ids in queued:
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            one = time.perf_counter()
            event_tasks.send_invitations.apply(args=[spec["session_id"], ids]).get()
            batch_times.append(time.perf_counter() - one)
        batch_queries.append(len(captured))
    send_s = time.perf_counter() - started
    return {
        "invitees": spec["invitees"],
        "tasks_queued": 1 + len(queued),
        "batches": batches,
        "batch_sizes": sorted({len(ids) for ids in queued}),
        "split_s": split_s,
        "send_all_s": send_s,
        "slowest_batch_s": max(batch_times, default=0.0),
        "queries_per_batch": sorted(set(batch_queries)),
        "invitations": Invitation.objects.filter(session_id=spec["session_id"]).count(),
        "notices": Notification.objects.count(),
    }


def _bare_report_view(series_id: int):
    """The same figures from the same rows, read plainly and added up in Python."""
    from collections import defaultdict

    from django.shortcuts import render

    from events.models import Feedback, PresenterFeedback, Registration, Session, SessionSeries
    from events.selectors import Figures, Report

    def view(request):
        series = SessionSeries.objects.get(pk=series_id)
        sessions = list(Session.objects.filter(series=series).order_by("starts_at", "pk"))
        counts = defaultdict(lambda: defaultdict(int))
        for session_id, attended in Registration.objects.filter(session__series=series).values_list(
            "session_id", "attended_at"
        ):
            counts[session_id]["registered"] += 1
            counts[session_id]["attended"] += attended is not None
        for session_id, useful, rating in Feedback.objects.filter(
            registration__session__series=series
        ).values_list("registration__session_id", "useful", "rating"):
            counts[session_id]["answers"] += 1
            counts[session_id]["useful"] += useful
            counts[session_id]["rating"] += rating
        for session_id, useful in PresenterFeedback.objects.filter(
            slot__session__series=series
        ).values_list("slot__session_id", "useful"):
            counts[session_id]["p_answers"] += 1
            counts[session_id]["p_useful"] += useful

        def figures(label, starts_at, c):
            return Figures(
                label=label,
                starts_at=starts_at,
                invited=c["registered"],
                registered=c["registered"],
                attended=c["attended"],
                answers=c["answers"],
                useful=c["useful"],
                rating_sum=c["rating"],
                presenter_answers=c["p_answers"],
                presenter_useful=c["p_useful"],
            )

        rows = [figures(s.title, s.starts_at, counts[s.pk]) for s in sessions]
        total = defaultdict(int)
        for c in counts.values():
            for key, value in c.items():
                total[key] += value
        texts = []
        for differently, free in (
            Feedback.objects.filter(
                registration__session__series=series, registration__attended_at__isnull=False
            )
            .order_by("submitted_at", "pk")
            .values_list("will_do_differently", "free_text")
        ):
            texts += [("differently", differently)] if differently else []
            texts += [("free", free)] if free else []
        report = Report(
            title=str(series),
            rows=rows,
            total=figures(str(series), None, total),
            free_texts=texts,
            free_texts_hidden=False,
        )
        return render(request, "events/report.html", {"report": report, "series": series})

    return view


def scenario_report(spec: dict) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    user = get_user_model().objects.get(pk=spec["coordinator_user_id"])
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    def url(series_id):
        return reverse("events:series_report", args=[series_id])

    def queries(series_id) -> list[int]:
        found = []
        for _ in range(spec["capture"]):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url(series_id))
            assert response.status_code == 200, response.status_code
            found.append(len(captured))
        return found

    big_queries, small_queries = queries(spec["big_series_id"]), queries(spec["small_series_id"])
    bare = _bare_report_view(spec["big_series_id"])
    factory = RequestFactory(HTTP_HOST="localhost")
    for _ in range(spec["warmup"]):
        client.get(url(spec["big_series_id"]))
        request = factory.get("/")
        request.user = user
        bare(request)
    page_times, bare_times = [], []
    for _ in range(spec["requests"]):
        started = time.perf_counter()
        response = client.get(url(spec["big_series_id"]))
        page_times.append(time.perf_counter() - started)
        request = factory.get("/")
        request.user = user
        started = time.perf_counter()
        bare_response = bare(request)
        bare_times.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as bare_captured:
        request = factory.get("/")
        request.user = user
        bare(request)
    page_p50, bare_p50 = statistics.median(page_times), statistics.median(bare_times)
    return {
        "sessions": spec["sessions"],
        "attendees": spec["attendees"],
        "queries_big": sorted(set(big_queries)),
        "queries_small": sorted(set(small_queries)),
        "queries_constant": set(big_queries) == set(small_queries) and len(set(big_queries)) == 1,
        "bare_queries": len(bare_captured),
        "page_p50_ms": page_p50 * 1000,
        "bare_p50_ms": bare_p50 * 1000,
        "p50_ratio": page_p50 / bare_p50,
        "page_bytes": len(response.content),
        "bare_bytes": len(bare_response.content),
    }


def run_child(spec: dict) -> dict:
    import django

    django.setup()
    return {"setup": set_up, "invite": scenario_invite, "report": scenario_report}[spec["kind"]](
        spec
    )


# --- the orchestration (parent) -----------------------------------------------------------


def report(data: dict) -> str:
    invite, page = data["invite"], data["report"]
    lines = [
        "",
        f"Inviting {invite['invitees']:,} employees (PostgreSQL, eager Celery, in-memory mail)",
        f"  tasks queued            {invite['tasks_queued']} "
        f"(1 splitting task + {invite['batches']} batches of {invite['batch_sizes']})",
        f"  splitting task          {invite['split_s'] * 1000:,.0f} ms",
        f"  all batches sent        {invite['send_all_s']:,.1f} s "
        f"(slowest batch {invite['slowest_batch_s']:,.2f} s, "
        f"queries per batch {invite['queries_per_batch']})",
        f"  invitations / notices   {invite['invitations']:,} / {invite['notices']:,}",
        "",
        f"Series report, {page['sessions']} sessions × {page['attendees']} attendees",
        f"  queries                 {page['queries_big']} (1 session: {page['queries_small']};"
        f" constant: {page['queries_constant']}); bare view {page['bare_queries']}",
        f"  median                  page {page['page_p50_ms']:.1f} ms, "
        f"bare {page['bare_p50_ms']:.1f} ms, ratio {page['p50_ratio']:.2f}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--invitees", type=int, default=5000)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--attendees", type=int, default=150)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--capture", type=int, default=3)
    args = parser.parse_args()
    if harness.answer_child(args, run_child):
        return

    config = harness.fresh_database()
    print(f"database {config['NAME']}: migrating and building the data…", flush=True)
    setup = run_in_child(
        __file__,
        {
            "kind": "setup",
            "invitees": args.invitees,
            "sessions": args.sessions,
            "attendees": args.attendees,
        },
    )
    print(f"  built in {setup['build_s']:.0f} s", flush=True)
    common = {**setup, "sessions": args.sessions, "attendees": args.attendees}
    data = {
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "setup": setup,
        "invite": run_in_child(__file__, {**common, "kind": "invite", "invitees": args.invitees}),
        "report": run_in_child(
            __file__,
            {
                **common,
                "kind": "report",
                "requests": args.requests,
                "warmup": args.warmup,
                "capture": args.capture,
            },
        ),
    }
    problems = []
    if not data["report"]["queries_constant"]:
        problems.append("the report's query count grows with the sessions")
    if data["invite"]["invitations"] != args.invitees:
        problems.append("not everyone in the target group was invited")
    data["problems"] = problems
    harness.write_results(RESULTS, data)
    print(report(data))
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print(f"\nJSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
