"""An employee on a phone (390×844) finishes a course from the home page's next-step
card to the certificate: enrols, rates themselves before, passes the quiz, is asked the
after-course self-assessment before the course completes, sees *Koulutus suoritettu*,
rates the course with one click and opens the certificate. Every page is checked with
axe and for horizontal scrolling; the clicks from sign-in to the certificate are
counted (and printed: run with -s to see the figure)."""

import re

import pytest

from courses.models import CourseCompletion, CourseRating
from quizzes.models import SelfAssessmentAnswer
from tests.courses.builders import lessons_of, make_course, make_quiz
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import EmployeeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "petra.puhelin@example.test"
PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
PHONE = {"width": 390, "height": 844}
NO_SIDEWAYS_SCROLL = "() => document.scrollingElement.scrollWidth <= window.innerWidth"


class Clicks:
    """Every click and key press that acts, counted from the sign-in form on."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator, *, navigates: bool = True) -> None:
        self.count += 1
        if navigates:
            with self.page.expect_navigation():
                locator.click()
        else:
            locator.click()


def check_page(page, what: str) -> None:
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{what} scrolls sideways at 390 px"
    assert_no_serious_axe_violations(page, what)


@pytest.fixture
def course_to_finish(transactional_db):
    quiz = make_quiz(questions=2, pass_mark=100, max_attempts=3)
    course = make_course(lessons=2, quiz=quiz, mandatory=True, estimated_minutes=20)
    last = lessons_of(course)[-1]
    last.body.append(
        (
            "self_assessment",
            {
                "question": "Kuinka hyvin tunnet hyte-toiminnan nyt?",
                "phase": "after",
                "low_label": "En",
                "high_label": "Hyvin",
            },
        )
    )
    last.save_revision().publish()
    return course, quiz


def test_an_employee_finishes_a_course_on_a_phone(page, live_server, course_to_finish):
    course, quiz = course_to_finish
    learner = EmployeeFactory(user__email=EMAIL)
    page.set_viewport_size(PHONE)
    clicks = Clicks(page)

    page.goto("/kirjaudu/")
    page.get_by_label("Sähköposti tai henkilönumero").fill(EMAIL)
    page.get_by_label("Salasana", exact=True).fill(PASSWORD)
    clicks.click(page.get_by_role("button", name="Kirjaudu", exact=True))

    # Home: the header folds behind a menu button that works by keyboard.
    menu = page.get_by_role("button", name="Valikko")
    my_learning_link = page.get_by_role("navigation", name="Päävalikko").get_by_role(
        "link", name="Omat opinnot"
    )
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert not my_learning_link.is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert my_learning_link.is_visible()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    card = page.locator("section.next-step")
    assert course.title in card.inner_text()
    check_page(page, "the home page")

    clicks.click(
        card.get_by_role("link", name=re.compile(rf"^Aloita\s*:\s*{re.escape(course.title)}$"))
    )
    assert page.url.endswith(course.url)
    check_page(page, "the course page")
    clicks.click(page.get_by_role("button", name="Ilmoittaudu ja aloita"))

    # Lesson 1: the before self-rating, then done.
    before = page.locator("form.self-assessment")
    clicks.click(before.get_by_label("3", exact=True), navigates=False)
    clicks.click(before.get_by_role("button", name="Tallenna arvio"))
    check_page(page, "the first lesson")
    clicks.click(page.get_by_role("button", name="Merkitse valmiiksi ja jatka"))

    # Lesson 2: the quiz, passed; the course is not complete yet.
    quiz_section = page.locator(f"section#quiz-{quiz.pk}")
    check_page(page, "the lesson with the quiz")
    for number in (1, 2):
        question = quiz_section.locator("fieldset.question").filter(has_text=f"Kysymys {number}")
        clicks.click(question.get_by_label(f"oikea {number}", exact=True), navigates=False)
    clicks.click(quiz_section.get_by_role("button", name="Lähetä vastaukset"))
    assert not CourseCompletion.objects.filter(employee=learner).exists()
    assert "Arvioi vielä osaamisesi" in page.locator(".messages").inner_text()
    assert "Hyväksytty" in quiz_section.locator(".quiz-result").inner_text()
    check_page(page, "the passed quiz and the after-course self-assessment")

    after = page.locator("form.self-assessment").filter(has_text="nyt?")
    clicks.click(after.get_by_label("4", exact=True), navigates=False)
    clicks.click(after.get_by_role("button", name="Tallenna arvio"))

    # The completion page.
    completion = CourseCompletion.objects.get(employee=learner, course=course)
    assert page.url.endswith(f"/opinnot/suoritettu/{completion.verification_code}/")
    assert page.get_by_text("Koulutus suoritettu", exact=False).first.is_visible()
    assert SelfAssessmentAnswer.objects.filter(employee=learner, phase="after").exists()
    check_page(page, "the completion page")
    clicks.click(page.get_by_role("button", name="5 / 5"))
    assert CourseRating.objects.get(employee=learner, course=course).value == 5
    assert "Kiitos arviostasi!" in page.locator(".messages").inner_text()

    clicks.click(page.get_by_role("link", name="Näytä todistus"))
    assert page.url.endswith(completion.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == course.title
    assert "noin 20 min" in page.locator("dl.facts").inner_text()
    check_page(page, "the certificate")
    print(f"\nClicks from sign-in to the certificate: {clicks.count}")
    # Sign in, start, enrol, two self-ratings (2 each), done, two answers and send, the
    # rating and the certificate; without the optional rating one fewer.
    assert clicks.count <= 14
