"""The SCORM runtime's commits and H5P results on the server: stored per learner and
attempt, given back for resuming, and the commit that finishes a package completes the
lesson and the course at once, through the same service as our own lessons."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import CourseCompletion, LessonCompletion
from courses.statistics import course_statistics
from packages import services
from packages.models import PackageAttempt
from tests.courses.builders import lessons_of
from tests.factories import EmployeeFactory
from tests.packages.builders import h5p_file, package_course, scorm_zip
from tests.packages.test_upload import upload

pytestmark = pytest.mark.django_db

CMI_12_MIDWAY = {
    "cmi": {
        "core": {
            "lesson_location": "2",
            "lesson_status": "incomplete",
            "score": {"raw": "", "min": "", "max": ""},
            "session_time": "00:01:10",
            "total_time": "00:01:10",
            "exit": "suspend",
        },
        "suspend_data": '{"vastaus":"150"}',
    }
}
CMI_12_PASSED = {
    "cmi": {
        "core": {
            "lesson_location": "3",
            "lesson_status": "passed",
            "score": {"raw": "100", "min": "0", "max": "100"},
            "session_time": "00:00:30",
            "total_time": "00:01:40",
        },
        "suspend_data": '{"vastaus":"150"}',
    }
}
CMI_2004_PASSED = {
    "cmi": {
        "location": "3",
        "completion_status": "completed",
        "success_status": "passed",
        "score": {"raw": "80", "min": "0", "max": "100", "scaled": "0.8"},
        "session_time": "PT30S",
        "total_time": "PT1M40S",
        "suspend_data": "{}",
    }
}


@pytest.fixture
def learner(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


def scorm_lesson(version="1.2"):
    package = services.package_store(upload=upload(scorm_zip(version)), h5p=False, title="Liike")
    course = package_course(package)
    return package, course, lessons_of(course)[-1]


def commit_url(client, lesson, package):
    from courses.selectors import package_commit_url
    from people.models import Employee

    employee = Employee.objects.get(user_id=int(client.session["_auth_user_id"]))
    return package_commit_url(employee=employee, lesson=lesson, package_id=package.pk)


def commit(client, lesson, package, data):
    return client.post(
        commit_url(client, lesson, package), json.dumps(data), content_type="application/json"
    )


def test_a_commit_is_stored_and_given_back_for_resuming(client, learner):
    package, course, lesson = scorm_lesson()
    response = commit(client, lesson, package, CMI_12_MIDWAY)
    assert response.json() == {"result": True, "errorCode": 0}
    attempt = PackageAttempt.objects.get(employee=learner, package=package)
    assert (attempt.location, attempt.suspend_data) == ("2", '{"vastaus":"150"}')
    assert (attempt.completion_status, attempt.session_time) == ("incomplete", "00:01:10")
    assert attempt.completed_at is None
    assert not LessonCompletion.objects.filter(employee=learner).exists()
    page = client.get(lesson.url).content.decode()
    resume = page.split(f'id="package-resume-{package.pk}" type="application/json">')[1]
    resume = json.loads(resume.split("</script>")[0])
    assert resume["core"]["lesson_location"] == "2"
    assert resume["core"]["entry"] == "resume"
    assert "session_time" not in resume["core"]
    assert resume["suspend_data"] == '{"vastaus":"150"}'
    # The manual "mark done" is not offered: the package decides.
    assert reverse("courses:lesson_complete", args=[lesson.pk]) not in page


def test_the_finishing_commit_completes_the_course_at_once(client, learner):
    package, course, lesson = scorm_lesson()
    commit(client, lesson, package, CMI_12_MIDWAY)
    response = commit(client, lesson, package, CMI_12_PASSED)
    answer = response.json()
    completion = CourseCompletion.objects.get(employee=learner, course=course)
    assert answer["lessonDone"] is True
    assert answer["completedUrl"] == reverse(
        "courses:completed", args=[completion.verification_code]
    )
    assert completion.score == 100
    attempt = PackageAttempt.objects.get(employee=learner, package=package)
    assert (attempt.success_status, attempt.score, attempt.commits) == ("passed", 100, 2)
    # A later commit reporting less does not undo the completion.
    commit(client, lesson, package, CMI_12_MIDWAY)
    assert PackageAttempt.objects.get(pk=attempt.pk).completed_at == attempt.completed_at


def test_a_failed_package_does_not_complete_the_lesson(client, learner):
    package, course, lesson = scorm_lesson()
    failed = json.loads(json.dumps(CMI_12_PASSED))
    failed["cmi"]["core"]["lesson_status"] = "failed"
    assert "lessonDone" not in commit(client, lesson, package, failed).json()
    assert not LessonCompletion.objects.filter(employee=learner).exists()
    # Nor can the learner mark it done by hand.
    client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    assert not LessonCompletion.objects.filter(employee=learner).exists()


def test_scorm_2004_scaled_score_and_statuses(client, learner):
    package, course, lesson = scorm_lesson("2004")
    commit(client, lesson, package, CMI_2004_PASSED)
    attempt = PackageAttempt.objects.get(employee=learner, package=package)
    assert (attempt.score_scaled, attempt.score, attempt.total_time) == (0.8, 80, "PT1M40S")
    assert CourseCompletion.objects.get(employee=learner, course=course).score == 80
    row = course_statistics(course)["packages"][0]
    assert (row["started"], row["finished"], row["passed"], row["average_score"]) == (1, 1, 1, 80)


def test_a_mastery_score_decides_when_the_package_gives_no_verdict(client, learner):
    package, course, lesson = scorm_lesson("2004")
    package.mastery_score = 90
    package.save()
    data = json.loads(json.dumps(CMI_2004_PASSED))
    data["cmi"]["success_status"] = "unknown"
    commit(client, lesson, package, data)
    assert not LessonCompletion.objects.filter(employee=learner).exists()


def test_commit_query_count(client, learner):
    package, course, lesson = scorm_lesson()
    commit(client, lesson, package, CMI_12_MIDWAY)
    url, body = commit_url(client, lesson, package), json.dumps(CMI_12_MIDWAY)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url, body, content_type="application/json").status_code == 200
    assert len(queries) == 11, "\n".join(q["sql"][:150] for q in queries.captured_queries)


def test_commits_for_a_package_the_lesson_does_not_play_or_bad_json_are_refused(client, learner):
    package, course, lesson = scorm_lesson()
    other = services.package_store(upload=upload(scorm_zip()), h5p=False, title="Muu")
    assert commit(client, lesson, other, CMI_12_MIDWAY).status_code == 404
    url = commit_url(client, lesson, package)
    response = client.post(url, "ei json", content_type="application/json")
    assert response.status_code == 400
    assert not PackageAttempt.objects.exists()


def test_an_h5p_result_completes_the_lesson(client, learner):
    package = services.package_store(upload=upload(h5p_file(), "k.h5p"), h5p=True, title="")
    course = package_course(package)
    lesson = lessons_of(course)[-1]
    statement = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "result": {"score": {"raw": 1, "max": 5, "min": 0, "scaled": 0.2}},
        "context": {"contextActivities": {"parent": [{"id": "x"}]}},
    }
    # A question inside the content is not the content's result.
    commit(client, lesson, package, {"statement": statement})
    assert not PackageAttempt.objects.exists()
    statement = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "result": {
            "score": {"raw": 4, "max": 5, "min": 0, "scaled": 0.8},
            "completion": True,
            "success": True,
            "duration": "PT12S",
        },
    }
    answer = commit(client, lesson, package, {"statement": statement}).json()
    assert answer["lessonDone"] is True
    attempt = PackageAttempt.objects.get(employee=learner, package=package)
    assert (attempt.score, attempt.completion_status, attempt.success_status) == (
        80,
        "completed",
        "passed",
    )
    assert CourseCompletion.objects.get(employee=learner, course=course).score == 80


def test_a_commit_needs_the_token_signed_for_this_learner_lesson_and_package(client, learner):
    package, course, lesson = scorm_lesson()
    plain = reverse("courses:package_commit", args=[lesson.pk, package.pk])
    body = json.dumps(CMI_12_MIDWAY)
    assert client.post(plain, body, content_type="application/json").status_code == 403
    someone_else = EmployeeFactory()
    from courses.selectors import package_commit_url

    theirs = package_commit_url(employee=someone_else, lesson=lesson, package_id=package.pk)
    assert client.post(theirs, body, content_type="application/json").status_code == 403
    assert not PackageAttempt.objects.exists()
    assert commit(client, lesson, package, CMI_12_MIDWAY).status_code == 200


def test_a_renewed_course_asks_for_the_package_again(client, learner):
    from datetime import timedelta

    from django.utils import timezone

    package, course, lesson = scorm_lesson()
    course.validity_months = 12
    course.save_revision().publish()
    commit(client, lesson, package, CMI_12_PASSED)
    first = CourseCompletion.objects.get(employee=learner, course=course)
    # A year and a day later the completion has expired: a new round.
    expired = timezone.now() - timedelta(days=1)
    from django.db import connection as db

    with db.cursor() as cursor:
        cursor.execute(
            "UPDATE courses_coursecompletion SET expires_at = %s, completed_at = %s WHERE id = %s",
            [expired, expired - timedelta(days=365), first.pk],
        )
    PackageAttempt.objects.update(completed_at=expired - timedelta(days=365))
    commit(client, lesson, package, CMI_12_MIDWAY)
    assert PackageAttempt.objects.filter(employee=learner).count() == 2
    assert not CourseCompletion.objects.filter(employee=learner, cycle=2).exists()
    commit(client, lesson, package, CMI_12_PASSED)
    assert CourseCompletion.objects.filter(employee=learner, cycle=2).exists()
