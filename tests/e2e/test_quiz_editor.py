"""A trainer adds a true-or-false question to a quiz written in a lesson: it comes with
its two choices, Tosi (correct) and Epätosi, and the lesson's draft keeps them."""

import pytest
from django.contrib.auth.models import Group

from courses.models import LessonPage
from people import roles
from tests.courses.builders import make_course
from tests.e2e.test_course_authoring import _add_block, _set_slug
from tests.factories import EmployeeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "kaisa.kouluttaja@example.test"
PASSWORD = "salasana-testi"  # tests.factories.UserFactory's


class _Steps:
    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator, **kwargs):
        self.count += 1
        locator.click(**kwargs)


@pytest.fixture
def trainer(transactional_db):
    trainer = EmployeeFactory(user__email=EMAIL)
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return trainer


def test_true_false_question_gets_its_two_choices(page, sign_in, trainer, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    page.set_default_navigation_timeout(60_000)
    page.set_default_timeout(30_000)
    course = make_course(lessons=0)
    sign_in(EMAIL, PASSWORD)
    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").press_sequentially("Tosi vai epätosi")
    _set_slug(page, "tosi-vai-epatosi")
    steps = _Steps(page)
    _add_block(steps, "Tietovisa")
    page.locator("[name='body-0-value-title']").fill("Visa")
    # The quiz starts with a single-choice question; this one becomes true or false.
    page.locator("[name='body-0-value-questions-0-value-text']").fill("Ensimmäinen kysymys")
    page.locator("[name='body-0-value-questions-0-value-choices-0-value-text']").fill("Kyllä")
    page.locator("[name='body-0-value-questions-0-value-choices-0-value-is_correct']").check()
    page.locator("[name='body-0-value-questions-0-value-choices-1-value-text']").fill("Ei")
    steps.click(page.locator("[data-contentpath='questions'] button.c-sf-add-button").last)
    steps.click(page.locator(".w-combobox__option", has_text="Tosi vai epätosi").first)
    question = "body-0-value-questions-1-value"
    page.locator(f"[name='{question}-text']").fill("Hyte tarkoittaa hyvinvoinnin edistämistä.")
    texts = page.locator(f"input[name^='{question}-choices-'][name$='-value-text']")
    assert [texts.nth(i).input_value() for i in range(texts.count())] == ["Tosi", "Epätosi"]
    assert page.locator(f"[name='{question}-choices-0-value-is_correct']").is_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna luonnos").click()
    if "/edit/" not in page.url:
        problems = page.locator(".messages, .error-message, .w-field__errors").all_inner_texts()
        pytest.fail(f"the lesson was not saved: {problems}")
    lesson = LessonPage.objects.child_of(course).get()
    (block,) = lesson.get_latest_revision_as_object().body
    quiz = block.value["quiz"].get_latest_revision_as_object()
    question = list(quiz.questions.all())[1]
    assert question.kind == "true_false"
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("Tosi", True),
        ("Epätosi", False),
    ]
