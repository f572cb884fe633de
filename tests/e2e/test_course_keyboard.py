"""A learner works through a mandatory course with the keyboard alone: signs in, finds
the course in My learning, enrols, rates themselves, fails and then passes the quiz, and
opens the certificate. Every step is Tab, Shift+Tab, arrows, Space or Enter on whatever
has focus; the pages are checked with axe and for a visible focus indicator."""

import re

import pytest

from courses.models import CourseCompletion, Enrolment, LessonCompletion
from quizzes.models import QuizAttempt, SelfAssessmentAnswer
from tests.courses.builders import lessons_of, make_course, make_quiz
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import EmployeeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "oona.oppija@example.test"
PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
# More than any of these pages has focusable elements before the one we are after.
MAX_TABS = 40

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "<body>";
  const label = el.labels && el.labels.length ? el.labels[0].innerText.trim() : "";
  const text = (label || el.innerText || el.value || "").trim().replace(/\\s+/g, " ");
  return `<${el.tagName.toLowerCase()}${el.type ? " type=" + el.type : ""}> ${text.slice(0, 60)}`;
}"""

FOCUS_IS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    visible: outline || style.boxShadow !== "none",
    outline: `${style.outlineStyle} ${style.outlineWidth}`,
    boxShadow: style.boxShadow,
  };
}"""


def path_of(page, live_server) -> str:
    assert page.url.startswith(live_server.url), page.url
    return page.url[len(live_server.url) :]


def has_focus(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def focus_inside(locator) -> bool:
    return locator.evaluate("el => el.contains(document.activeElement)")


def tab_to(page, locator, *, inside: bool = False, key: str = "Tab") -> None:
    """Press Tab (or `key`) until `locator` has focus (or, with `inside`, an element in
    it has). Fails with the focus order seen on the way if it never gets there."""
    reached = focus_inside if inside else has_focus
    seen = []
    for _ in range(MAX_TABS):
        if reached(locator):
            return
        page.keyboard.press(key)
        seen.append(page.evaluate(DESCRIBE_FOCUS))
    assert reached(locator), f"{key} never reached {locator}; focus went:\n  " + "\n  ".join(seen)


def press_and_load(page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def focused_label(page) -> str:
    return page.evaluate("() => document.activeElement.labels[0].innerText.trim()")


def choose_radio(page, group, label: str, *, key: str = "ArrowDown") -> None:
    """Tab into the radio group `group` (a fieldset) and move the choice with the arrow
    `key` until the radio labelled `label` is checked; Space if it has focus unchecked."""
    tab_to(page, group, inside=True)
    assert page.evaluate("() => document.activeElement.type") == "radio"
    for _ in range(group.locator("input[type=radio]").count() + 1):
        if focused_label(page) == label:
            break
        page.keyboard.press(key)
    assert focused_label(page) == label, f"{key} never reached the choice {label!r}"
    if not page.evaluate("() => document.activeElement.checked"):
        page.keyboard.press("Space")
    assert group.get_by_label(label, exact=True).is_checked()


def assert_focus_visible(page, what: str) -> None:
    style = page.evaluate(FOCUS_IS_VISIBLE)
    assert style["visible"], (
        f"no visible focus on {what} ({page.evaluate(DESCRIBE_FOCUS)}): "
        f"outline {style['outline']}, box-shadow {style['boxShadow']}"
    )


@pytest.fixture
def learner(transactional_db):
    return EmployeeFactory(user__email=EMAIL)


@pytest.fixture
def course_with_quiz(transactional_db):
    quiz = make_quiz(questions=2, pass_mark=100, max_attempts=3)
    course = make_course(lessons=2, quiz=quiz, mandatory=True)
    return course, quiz


def test_a_course_worked_through_with_the_keyboard(page, live_server, learner, course_with_quiz):
    course, quiz = course_with_quiz
    first_lesson, last_lesson = lessons_of(course)

    # 1. Sign in: the fields by Tab (the first has autofocus), the form sent with Enter.
    page.goto("/kirjaudu/")
    tab_to(page, page.get_by_label("Sähköposti tai henkilönumero"))
    page.keyboard.type(EMAIL)
    tab_to(page, page.get_by_label("Salasana", exact=True))
    page.keyboard.type(PASSWORD)
    press_and_load(page)
    assert path_of(page, live_server) == "/"
    assert page.locator("form[action='/kirjaudu-ulos/']").count() == 1

    # 2. My learning lists the mandatory course among the required ones, not started.
    page.goto("/opinnot/")
    required = page.locator("section.course-group").filter(
        has=page.get_by_role("heading", name="Pakolliset ja sinulle määrätyt", exact=True)
    )
    row = required.locator("li.course-row").filter(has_text=course.title)
    assert row.count() == 1
    progress = row.get_by_role("progressbar")
    assert progress.get_attribute("value") == "0"
    assert progress.get_attribute("aria-label") == f"Edistyminen: {course.title}"
    assert row.locator(".progress-text").inner_text() == "0/2 oppituntia"
    assert_no_serious_axe_violations(page, "My learning, course not started")

    course_link = row.get_by_role("link", name=course.title, exact=True)
    tab_to(page, course_link)
    assert_focus_visible(page, "the course link in My learning")
    press_and_load(page)
    assert path_of(page, live_server) == course.url

    start = page.get_by_role("button", name="Ilmoittaudu ja aloita", exact=True).or_(
        page.get_by_role("link", name="Aloita", exact=True)
    )
    tab_to(page, start)
    assert_focus_visible(page, "the start button on the course page")
    press_and_load(page)
    assert path_of(page, live_server) == first_lesson.url
    assert Enrolment.objects.filter(employee=learner, course=course).exists()

    # 3. The self-assessment: a radio group moved with the arrows, saved with Enter.
    assert page.locator(".lesson-position").inner_text() == "Oppitunti 1/2"
    scale = page.locator("form.self-assessment fieldset")
    choose_radio(page, scale, "3", key="ArrowRight")
    assert_focus_visible(page, "a self-assessment radio")
    tab_to(page, scale.get_by_role("button", name="Tallenna arvio", exact=True))
    press_and_load(page)
    assert path_of(page, live_server).split("#")[0] == first_lesson.url
    assert page.locator("form.self-assessment .saved").inner_text() == "Arviosi: 3/5"
    assert "Itsearviosi on tallennettu." in page.locator(".messages").inner_text()
    assert page.locator("form.self-assessment").get_by_label("3", exact=True).is_checked()
    assert SelfAssessmentAnswer.objects.get(employee=learner).value == 3

    tab_to(page, page.get_by_role("button", name="Merkitse valmiiksi ja jatka", exact=True))
    press_and_load(page)
    assert path_of(page, live_server) == last_lesson.url
    assert "Oppitunti merkitty valmiiksi." in page.locator(".messages").inner_text()
    assert LessonCompletion.objects.filter(employee=learner, lesson=first_lesson).exists()

    # 4. The quiz: wrong answers first, then the right ones.
    assert page.locator(".lesson-position").inner_text() == "Oppitunti 2/2"
    quiz_section = page.locator(f"section#quiz-{quiz.pk}")
    assert_no_serious_axe_violations(page, "the lesson with the quiz")

    def answer_quiz(choice: str, *, lands_on: str = f"{last_lesson.url}?yritys=") -> None:
        questions = quiz_section.locator("form.quiz-form fieldset.question")
        assert questions.count() == 2
        for number in (1, 2):
            question = questions.filter(has_text=f"Kysymys {number}")
            choose_radio(page, question, f"{choice} {number}")
        submit = quiz_section.get_by_role("button", name="Lähetä vastaukset", exact=True)
        tab_to(page, submit)
        assert_focus_visible(page, "the quiz's submit button")
        press_and_load(page)
        assert path_of(page, live_server).startswith(lands_on)

    answer_quiz("väärä")
    result = quiz_section.locator(".quiz-result")
    assert "Ei vielä hyväksytty" in result.inner_text()
    assert "Yrityksiä jäljellä 2." in quiz_section.locator(".hint").first.inner_text()
    assert QuizAttempt.objects.filter(employee=learner, passed=False).count() == 1
    assert_no_serious_axe_violations(page, "the failed quiz result")

    # The form is there again, empty, for the next attempt.
    assert quiz_section.locator("input[type=radio]:checked").count() == 0
    # Passing completes the course (it has no after-course self-assessment): the
    # completion page.
    answer_quiz("oikea", lands_on="/opinnot/suoritettu/")
    assert "Onneksi olkoon!" in page.locator(".messages").inner_text()
    assert "koulutus suoritettu" in page.locator("main").inner_text().lower()
    completion = CourseCompletion.objects.get(employee=learner, course=course)
    assert completion.score == 100
    assert_no_serious_axe_violations(page, "the completion page")
    page.goto(last_lesson.url)
    assert "Olet läpäissyt" in quiz_section.locator(".quiz-result").inner_text()
    assert quiz_section.locator("form.quiz-form").count() == 0

    # 5. The certificate, reached from the completed group of My learning.
    page.goto("/opinnot/")
    completed = page.locator("section.course-group").filter(
        has=page.get_by_role("heading", name="Suoritetut", exact=True)
    )
    assert completed.locator("li.course-row").filter(has_text=course.title).count() == 1
    assert required.locator("li.course-row").count() == 0
    assert_no_serious_axe_violations(page, "My learning, course completed")
    # Named "Todistus: <course>" for a screen reader (Chromium puts a space before the
    # colon: the visually hidden part is absolutely positioned, so a block of its own).
    certificate_link = completed.get_by_role(
        "link", name=re.compile(rf"^Todistus\s*:\s*{re.escape(course.title)}$")
    )
    tab_to(page, certificate_link)
    assert_focus_visible(page, "the certificate link")
    # Shift+Tab goes back the way it came, and Tab returns.
    page.keyboard.press("Shift+Tab")
    assert not has_focus(certificate_link)
    page.keyboard.press("Tab")
    assert has_focus(certificate_link)
    press_and_load(page)
    assert path_of(page, live_server) == completion.get_absolute_url()
    assert page.get_by_role("heading", level=1).inner_text() == course.title
    assert page.locator(".certificate-status").inner_text() == "Todistus on voimassa."
    assert page.locator(".certificate-name").inner_text() == learner.full_name
    assert_no_serious_axe_violations(page, "the certificate")
