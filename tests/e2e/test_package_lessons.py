"""A learner on a phone (390×844) plays SCORM 1.2 and SCORM 2004 packages written for
the tests: answers part, leaves mid-way, comes back to the saved page with the saved
answer, finishes, and the course is completed at once. An H5P activity plays and its
xAPI result completes its course. No CSP violation or script error on the way."""

import pytest

from courses.models import CourseCompletion
from packages import services
from packages.models import PackageAttempt
from tests.courses.builders import lessons_of
from tests.factories import EmployeeFactory
from tests.packages.builders import h5p_file, package_course, scorm_zip
from tests.packages.test_upload import upload

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "pia.paketti@example.test"
PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
PHONE = {"width": 390, "height": 844}


def sign_in(page):
    page.set_viewport_size(PHONE)
    page.goto("/kirjaudu/")
    page.get_by_label("Sähköposti tai henkilönumero").fill(EMAIL)
    page.get_by_label("Salasana", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Kirjaudu", exact=True).click()


def collect_problems(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_scorm_lesson_resumes_and_completes_the_course(page, live_server, version):
    package = services.package_store(upload=upload(scorm_zip(version)), h5p=False, title="Liike")
    course = package_course(package)
    lesson = lessons_of(course)[-1]
    learner = EmployeeFactory(user__email=EMAIL)
    problems = collect_problems(page)
    sign_in(page)

    page.goto(lesson.url)
    sco = page.frame_locator("iframe.package-frame")
    sco.get_by_text("Yhteys oppimisalustaan").wait_for()
    sco.get_by_role("button", name="Seuraava sivu").click()
    sco.get_by_text("Tallennettu sivulla 2").wait_for()
    sco.get_by_role("button", name="150 minuuttia").click()
    sco.get_by_text("Tallennettu sivulla 2").wait_for()
    attempt = PackageAttempt.objects.get(employee=learner, package=package)
    assert attempt.location == "2"
    assert attempt.suspend_data == '{"vastaus":"150"}'

    # Leave mid-way, come back: the package opens where it was left, with the answer.
    page.goto(course.url)
    page.goto(lesson.url)
    sco = page.frame_locator("iframe.package-frame")
    sco.get_by_text("Sivu 2/3").wait_for()
    sco.get_by_text("Aiempi vastauksesi: 150 minuuttia").wait_for()
    assert not CourseCompletion.objects.filter(employee=learner).exists()

    sco.get_by_role("button", name="Seuraava sivu").click()
    sco.get_by_role("button", name="Lopeta harjoitus").click()
    sco.get_by_text("Harjoitus päättyi").wait_for()
    # Completed at the finishing commit, before any further request.
    completion = CourseCompletion.objects.get(employee=learner, course=course)
    assert completion.score == 100
    link = page.get_by_role("link", name="Koulutus on suoritettu. Siirry todistukseen")
    with page.expect_navigation():
        link.click()
    assert f"/opinnot/suoritettu/{completion.verification_code}/" in page.url
    assert problems == []


def test_an_h5p_activity_completes_its_course(page, live_server):
    package = services.package_store(upload=upload(h5p_file(), "k.h5p"), h5p=True, title="")
    course = package_course(package)
    lesson = lessons_of(course)[-1]
    learner = EmployeeFactory(user__email=EMAIL)
    problems = collect_problems(page)
    sign_in(page)

    page.goto(lesson.url)
    player = page.frame_locator("iframe.package-frame").frame_locator("iframe")
    player.get_by_role("button", name="Kuittaan luetuksi").click()
    player.get_by_text("Kiitos, kuittaus tallentui.").wait_for()
    page.get_by_role("link", name="Koulutus on suoritettu. Siirry todistukseen").wait_for()
    completion = CourseCompletion.objects.get(employee=learner, course=course)
    assert completion.score == 80
    attempt = PackageAttempt.objects.get(employee=learner, package=package)
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
    assert problems == []
