"""A trainer adds a true-or-false question in the quiz editor: choosing the type makes
its two choices, Tosi and Epätosi; she marks the correct one and the quiz saves."""

import pytest
from django.contrib.auth.models import Group

from people import roles
from quizzes.models import Quiz
from tests.factories import EmployeeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "kaisa.kouluttaja@example.test"
PASSWORD = "salasana-testi"  # tests.factories.UserFactory's


@pytest.fixture
def trainer(transactional_db):
    trainer = EmployeeFactory(user__email=EMAIL)
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return trainer


def test_true_false_question_gets_its_two_choices(page, sign_in, trainer):
    sign_in(EMAIL, PASSWORD)
    page.goto("/admin/snippets/quizzes/quiz/add/")
    page.locator("#id_title").fill("Tosi vai epätosi")
    page.locator("#id_questions-0-text").fill("Hyte tarkoittaa hyvinvoinnin edistämistä.")
    page.locator("#id_questions-0-kind").select_option("true_false")
    choices = page.locator("input[name^='questions-0-choices-'][name$='-text']:visible")
    assert [choices.nth(i).input_value() for i in range(choices.count())] == ["Tosi", "Epätosi"]
    page.locator("#id_questions-0-choices-0-is_correct").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna luonnos").click()
    quiz = Quiz.objects.get(title="Tosi vai epätosi")
    question = quiz.questions.get()
    assert question.kind == "true_false"
    assert [(c.text, c.is_correct) for c in question.choices.order_by("sort_order")] == [
        ("Tosi", True),
        ("Epätosi", False),
    ]
