"""SCORM packages: how long a 50 MB package takes from upload to playable (checked,
unpacked, saved, and its launch page served), and how many runtime commits per second
the server absorbs, against a bare view through the same middleware measured in the
same run (the ratio is the figure to watch; the absolute numbers depend on the machine).

    .venv/bin/python bench/packages.py   (DATABASE_URL names a database with "bench" in it)
    (prints a table, writes bench/results/packages.json)
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import tempfile
import time
import types
import zipfile

import harness

RESULTS = harness.prepare(__file__)

PACKAGE_MB = 50
UPLOAD_ROUNDS = 3
COMMITS = 400


def _package(megabytes: int) -> bytes:
    """A SCORM 1.2 package of the tests' exercise plus media that does not compress
    (random bytes, as video and images are)."""
    from tests.packages.builders import scorm_members

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in scorm_members("1.2").items():
            archive.writestr(name, content)
        for number in range(megabytes // 5):
            archive.writestr(f"sivut/media/video-{number}.mp4", os.urandom(5 * 1024 * 1024))
    return buffer.getvalue()


def _bare_urls():
    """The site's addresses plus /bare-commit/: reads the JSON body and answers as the
    commit view does, with nothing stored."""
    from django.http import JsonResponse
    from django.urls import path
    from django.views.decorators.csrf import csrf_exempt

    from learning import urls as site_urls

    @csrf_exempt
    def bare(request):
        json.loads(request.body)
        return JsonResponse({"result": True, "errorCode": 0})

    module = types.ModuleType("bench_package_urls")
    module.urlpatterns = [path("bare-commit/", bare), *site_urls.urlpatterns]
    sys.modules[module.__name__] = module
    return module.__name__


def child(spec: dict) -> dict:
    os.environ["HYTEOPAS_VAR_DIR"] = tempfile.mkdtemp(prefix="hyteopas-bench-packages-")
    harness.migrate()
    from django.test import Client, override_settings

    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        return _measure(Client)


def _measure(Client) -> dict:  # long: one scenario from setup to figures, read top to bottom
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings

    from courses.selectors import package_commit_url
    from packages.services import package_store
    from tests.courses.builders import lessons_of
    from tests.factories import EmployeeFactory
    from tests.packages.builders import package_course

    content = _package(PACKAGE_MB)
    learner = EmployeeFactory()
    client = Client()
    client.force_login(learner.user)
    upload_seconds = []
    for _round in range(UPLOAD_ROUNDS):
        upload = SimpleUploadedFile("iso.zip", content, content_type="application/zip")
        started = time.perf_counter()
        package = package_store(upload=upload, h5p=False, title="Iso paketti")
        response = client.get(f"/paketit/{package.pk}/sisalto/{package.launch}")
        b"".join(response.streaming_content)
        upload_seconds.append(time.perf_counter() - started)
        assert response.status_code == 200
    course = package_course(package)
    lesson = lessons_of(course)[-1]
    url = package_commit_url(employee=learner, lesson=lesson, package_id=package.pk)
    body = json.dumps(
        {
            "cmi": {
                "core": {"lesson_location": "2", "lesson_status": "incomplete"},
                "suspend_data": json.dumps({"vastaus": "150", "sivut": list(range(200))}),
            }
        }
    )
    figures = {}
    with override_settings(ROOT_URLCONF=_bare_urls()):
        for name, address in (("bare", "/bare-commit/"), ("commit", url)):
            for _warm in range(20):
                client.post(address, body, content_type="application/json")
            started = time.perf_counter()
            for _commit in range(COMMITS):
                response = client.post(address, body, content_type="application/json")
            elapsed = time.perf_counter() - started
            assert response.status_code == 200, response.content
            figures[name] = COMMITS / elapsed
    return {
        "package_mb": round(len(content) / 1024 / 1024, 1),
        "upload_to_playable_s": statistics.median(upload_seconds),
        "upload_rounds_s": upload_seconds,
        "commits_per_s": figures["commit"],
        "bare_per_s": figures["bare"],
        "commit_vs_bare": figures["commit"] / figures["bare"],
    }


def main() -> None:
    args = harness.parser(__doc__).parse_args()
    if harness.answer_child(args, child):
        return
    harness.fresh_database("Migrating and measuring in a child process…")
    result = harness.run_in_child(__file__, {}, cwd=str(harness.ROOT))
    harness.write_results(RESULTS, result)
    print(f"package size                 {result['package_mb']} MB")
    print(f"upload to playable (median)  {result['upload_to_playable_s']:.2f} s")
    print(f"runtime commits              {result['commits_per_s']:.0f} /s")
    print(f"bare view, same middleware   {result['bare_per_s']:.0f} /s")
    print(f"commit / bare                {result['commit_vs_bare']:.2f}")


if __name__ == "__main__":
    main()
