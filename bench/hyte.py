"""Benchmark of the county's hyte picture and the PTV sync.

    scripts/bench.sh hyte
    # or, against a PostgreSQL of your choice (the database's name must contain "bench"):
    DJANGO_SETTINGS_MODULE=learning.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/hyte.py

1. A synthetic county: `--people` (30,000) people in 500 units under 5 sectors, one
   self-rating each (half before, half after, spread over 12 months), 20 phrases copied
   in every unit, 60 past sessions with 25 attendees and feedback each.
2. Refreshing the totals (`hyte_totals_refresh`): wall time and queries.
3. The page `/seuranta/hyte/` against a bare page of the same site (`/tietosuoja/`, a
   template with no queries of its own) in the same run: `--requests` GETs each through
   Django's test client; p50 and p95 and their ratio, and the page's query count.
4. The PTV sync of `--services` (2,000) services from a local HTTP server shaped as the
   v11 API (in pages of 1,000, one service location each): wall time and queries.

Results: a table on stdout and bench/results/hyte.json.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.parse
import uuid
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import harness  # bench/ is first on sys.path when a script runs

RESULTS = harness.prepare(__file__)


def build_county(people: int) -> dict:
    import datetime

    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from cms.models import HomePage
    from courses.models import CourseIndexPage, CoursePage
    from events.models import Feedback, Registration, Session, SessionSeries
    from people import roles
    from people.models import Employee, JobRole, OrgUnit
    from phrases.models import Phrase, PhraseCopyCount
    from quizzes.models import SelfAssessmentAnswer

    root = OrgUnit.add_root(code="HVA", name_fi="Alue", kind="county")
    sectors = [
        root.add_child(code=f"S{n}", name_fi=f"Toimiala {n}", kind="sector") for n in range(5)
    ]
    units = [
        OrgUnit.objects.get(pk=sectors[n % 5].pk).add_child(
            code=f"U{n}", name_fi=f"Yksikkö {n}", kind="unit"
        )
        for n in range(500)
    ]
    roles_ = JobRole.objects.bulk_create(
        [JobRole(code=f"R{n}", name_fi=f"Nimike {n}") for n in range(40)]
    )
    users = User.objects.bulk_create(
        [User(username=f"u{n}", email=f"u{n}@x.example") for n in range(people)]
    )
    employees = Employee.objects.bulk_create(
        [
            Employee(
                user=user,
                employee_number=f"{n:06d}",
                unit=units[n % 500],
                job_role=roles_[n % 40],
                start_date=datetime.date(2020, 1, 1),
            )
            for n, user in enumerate(users)
        ]
    )
    coordinator = employees[0]
    coordinator.user.groups.add(Group.objects.get(name=roles.HYTE_COORDINATOR))
    home = HomePage.objects.get(locale__language_code="fi")
    index = home.add_child(instance=CourseIndexPage(title="Koulutukset", slug="koulutukset"))
    course = index.add_child(
        instance=CoursePage(title="Hyte", slug="hyte", summary="Tiivistelmä.", mandatory=True)
    )
    course.save_revision().publish()
    now = timezone.now()
    answers = SelfAssessmentAnswer.objects.bulk_create(
        [
            SelfAssessmentAnswer(
                employee=employee,
                course_id=course.pk,
                block_id=uuid.uuid4(),
                phase="before" if n % 2 else "after",
                question="Hyte-tuntemus",
                value=n % 5 + 1,
            )
            for n, employee in enumerate(employees)
        ],
        batch_size=5000,
    )
    for month in range(12):
        SelfAssessmentAnswer.objects.filter(pk__in=[a.pk for a in answers[month::12]]).update(
            answered_at=now - datetime.timedelta(days=30 * month)
        )
    phrases = []
    for n in range(20):
        phrase = Phrase(
            code=f"P{n}", title=f"Fraasi {n}", body="Ohjattu toimintaan.", locale_id=home.locale_id
        )
        phrase.save()
        phrases.append(phrase)
    PhraseCopyCount.objects.bulk_create(
        [
            PhraseCopyCount(phrase=p, unit=u, count=(u.pk + p.pk) % 30)
            for p in phrases
            for u in units
        ]
    )
    series = SessionSeries.objects.create(
        title="Esittäytymiset", half_year_start=datetime.date(2026, 7, 1)
    )
    for n in range(60):
        session = Session.objects.create(
            series=series,
            title=f"Tilaisuus {n}",
            starts_at=now - datetime.timedelta(days=6 * n + 1),
            capacity=30,
        )
        registrations = Registration.objects.bulk_create(
            [
                Registration(
                    session=session,
                    employee=employees[(n * 25 + k) % people],
                    status=Registration.Status.REGISTERED,
                    queued_at=now,
                    attended_at=now,
                )
                for k in range(25)
            ]
        )
        Feedback.objects.bulk_create(
            [
                Feedback(registration=r, useful=k % 10 != 0, rating=4, submitted_at=now)
                for k, r in enumerate(registrations)
            ]
        )
    return {"coordinator": coordinator}


def timed(name: str, results: dict, function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Django keeps at most 9,000 queries in its log: lift it so a big step counts in full.
    connection.ensure_connection()
    connection.queries_log = deque(maxlen=10_000_000)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        value = function()
    results[name] = {"seconds": round(time.perf_counter() - started, 3), "queries": len(queries)}
    print(f"{name:<28} {results[name]}", flush=True)
    return value


def page_times(client, path: str, requests: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(harness.percentile(times, 0.95), 1),
        "queries": len(queries),
    }


def catalogue(services: int) -> ThreadingHTTPServer:
    ids = [str(uuid.UUID(int=n + 1)) for n in range(services)]
    channel = str(uuid.UUID(int=10**9))
    page_size = 1000

    def service(guid):
        return {
            "id": guid,
            "serviceNames": [{"type": "Name", "language": "fi", "value": f"Toiminta {guid[-6:]}"}],
            "serviceDescriptions": [{"type": "Summary", "language": "fi", "value": "Liikuntaa."}],
            "serviceClasses": [{"name": [{"language": "fi", "value": "Liikunta ja ulkoilu"}]}],
            "organizations": [
                {"roleType": "Responsible", "organization": {"name": f"Yhdistys {guid[-2:]}"}}
            ],
            "serviceChannels": [{"serviceChannel": {"id": channel}}],
            "publishingStatus": "Published",
            "modified": "2026-11-01T08:00:00Z",
        }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            parsed = urllib.parse.urlparse(self.path)
            query = urllib.parse.parse_qs(parsed.query)
            if "/Service/list/area/" in parsed.path:
                page = int(query.get("page", ["1"])[0])
                body = {
                    "pageNumber": page,
                    "pageCount": -(-len(ids) // page_size),
                    "itemList": [{"id": g} for g in ids[(page - 1) * page_size : page * page_size]],
                }
            elif parsed.path.endswith("/Service/list"):
                body = [service(g) for g in query["guids"][0].split(",")]
            else:
                body = [
                    {
                        "id": channel,
                        "serviceChannelType": "ServiceLocation",
                        "addresses": [
                            {"type": "Location", "streetAddress": {"postalCode": "99100"}}
                        ],
                    }
                ]
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--services", type=int, default=2000)
    args = parser.parse_args()
    harness.fresh_database()
    harness.migrate()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    results: dict = {"people": args.people, "services": args.services}
    county = timed("build county", results, lambda: build_county(args.people))
    from hyte.totals import hyte_totals_refresh
    from supervision.totals import unit_totals_refresh

    timed("unit completion totals", results, unit_totals_refresh)
    timed("hyte totals refresh", results, hyte_totals_refresh)
    client = Client()
    client.force_login(county["coordinator"].user)
    results["hyte picture"] = page_times(client, "/seuranta/hyte/", args.requests)
    results["bare page"] = page_times(client, "/tietosuoja/", args.requests)
    results["picture / bare p50"] = round(
        results["hyte picture"]["p50_ms"] / results["bare page"]["p50_ms"], 2
    )
    for name in ("hyte picture", "bare page", "picture / bare p50"):
        print(f"{name:<28} {results[name]}", flush=True)
    server = catalogue(args.services)
    settings.PTV_API_URL = f"http://127.0.0.1:{server.server_port}/api/v11/"
    settings.PTV_AREA_CODE = "99"
    from ptv.sync import ptv_sync

    run = timed("ptv sync (first)", results, ptv_sync)
    results["ptv sync (first)"]["created"] = run.created
    timed("ptv sync (nothing new)", results, lambda: ptv_sync(full=True))
    server.shutdown()
    harness.write_results(RESULTS, results)


if __name__ == "__main__":
    main()
