"""Runs inside wagtail-lms's own virtual environment (started by bench/lesson_peer.py):
migrates the peer's database, builds a course with one lesson page (an intro and 17
rich-text paragraphs, the text of our 18-block lesson as far as the peer has blocks for
it), enrols a learner, then times GETs of the lesson through Django's test Client
signed in (force_login), as bench/learning.py times ours. Prints JSON."""

import gc
import json
import os
import statistics
import sys
import time
from importlib.metadata import version

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lesson_peer.settings")

import django  # noqa: E402
import harness  # noqa: E402 (bench/ is on PYTHONPATH)

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonPage  # noqa: E402

PARAGRAPH = (
    "<p>Hyvinvoinnin ja terveyden edistäminen on osa jokaista asiakaskohtaamista. "
    "Kun kysyt asiakkaalta, mikä häntä kiinnostaa, löydätte yhdessä toiminnan, "
    "johon hän todella lähtee mukaan.</p>"
)


def build() -> str:
    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    home = Site.objects.get(is_default_site=True).root_page
    course = home.add_child(
        instance=CoursePage(title="Hyte-perusteet", slug="hyte", description=PARAGRAPH)
    )
    course.save_revision().publish()
    lesson = course.add_child(
        instance=H5PLessonPage(
            title="Oppitunti 1",
            slug="oppitunti-1",
            intro=PARAGRAPH,
            body=[("paragraph", PARAGRAPH) for _ in range(17)],
        )
    )
    lesson.save_revision().publish()
    assert root is not None
    return lesson.url


def main() -> None:
    requests, warmup = int(sys.argv[1]), int(sys.argv[2])
    url = build()
    user = get_user_model().objects.create_user("oppija", password="x")
    CourseEnrollment.objects.create(user=user, course=CoursePage.objects.get())
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    def get():
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response

    for _ in range(warmup):
        get()
    # A full log (migrate and the build may fill its 9,000 places) would count 0.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        get()
    # Counted now: each request starts by emptying the log (request_started clears it), so
    # the captured list, read from the log when asked, is empty after the next request.
    query_count = len(queries)
    if not query_count:
        raise SystemExit("no queries captured: the count would be wrong")
    times = []
    gc.collect()
    for _ in range(requests):
        started = time.perf_counter()
        get()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        json.dumps(
            {
                "url": url,
                "queries": query_count,
                # Read from the installed distributions (pip names wagtail-lms wagtail_lms).
                "versions": {name: version(name) for name in ("wagtail-lms", "wagtail", "django")},
                "p50_ms": statistics.median(times),
                "p95_ms": harness.percentile(times, 0.95),  # as ours are counted
                "requests": requests,
            }
        )
    )


if __name__ == "__main__":
    main()
