"""The quiz editor refuses a quiz that cannot be graded fairly, with a Finnish message
at the field concerned: single choice has exactly one correct answer, multiple choice
at least one, true/false exactly two choices with one correct, and the pass mark can be
reached."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from people import roles
from quizzes.models import Quiz
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/quizzes/quiz/add/"


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def _data(questions, pass_mark=50):
    """`questions`: (kind, [(text, is_correct), ...]) per question."""
    return nested_form_data(
        {
            "title": "Hyte-visa",
            "intro": "",
            "pass_mark": str(pass_mark),
            "max_attempts": "3",
            "questions": inline_formset(
                [
                    {
                        "text": f"Kysymys {number}",
                        "kind": kind,
                        "explanation": "",
                        "choices": inline_formset(
                            [
                                {
                                    "text": text,
                                    "feedback": "",
                                    **({"is_correct": "on"} if ok else {}),
                                }
                                for text, ok in choices
                            ]
                        ),
                    }
                    for number, (kind, choices) in enumerate(questions, start=1)
                ]
            ),
        }
    )


def _kind_errors(response, index):
    assert response.status_code == 200, response.status_code
    return response.context["form"].formsets["questions"].forms[index].errors.get("kind", [])


def _saved(response):
    return response.status_code == 302 and Quiz.objects.filter(title="Hyte-visa").exists()


GOOD = ("single", [("Kunta", True), ("Järjestö", False)])


@pytest.mark.parametrize("marks", [[False, False], [True, True]])
def test_single_choice_needs_exactly_one_correct_answer(trainer_client, marks):
    bad = ("single", [("Kunta", marks[0]), ("Järjestö", marks[1]), ("Seurakunta", False)])
    response = trainer_client.post(ADD, _data([GOOD, bad]))
    assert _kind_errors(response, 1) == [
        "Merkitse täsmälleen yksi vaihtoehto oikeaksi vastaukseksi."
    ]
    assert _kind_errors(response, 0) == []
    assert not Quiz.objects.exists()


def test_multiple_choice_needs_a_correct_answer(trainer_client):
    bad = ("multiple", [("Liikunta", False), ("Ravinto", False)])
    response = trainer_client.post(ADD, _data([GOOD, bad]))
    assert _kind_errors(response, 1) == [
        "Merkitse vähintään yksi vaihtoehto oikeaksi vastaukseksi."
    ]
    good = ("multiple", [("Liikunta", True), ("Ravinto", True)])
    assert _saved(trainer_client.post(ADD, _data([GOOD, good])))


@pytest.mark.parametrize(
    "choices",
    [
        [("Tosi", True), ("Epätosi", False), ("En tiedä", False)],
        [("Tosi", True), ("Epätosi", True)],
        [("Tosi", False), ("Epätosi", False)],
    ],
)
def test_true_false_has_two_choices_one_correct(trainer_client, choices):
    response = trainer_client.post(ADD, _data([("true_false", choices)]))
    (message,) = _kind_errors(response, 0)
    assert message.startswith("Tosi vai epätosi -kysymyksellä on täsmälleen kaksi vaihtoehtoa")
    assert not Quiz.objects.exists()


def test_a_valid_true_false_question_saves(trainer_client):
    choices = [("Tosi", False), ("Epätosi", True)]
    assert _saved(trainer_client.post(ADD, _data([("true_false", choices)])))


def test_pass_mark_must_be_reachable(trainer_client):
    unanswerable = ("multiple", [("Liikunta", False), ("Ravinto", False)])
    response = trainer_client.post(ADD, _data([GOOD, unanswerable], pass_mark=70))
    assert response.status_code == 200
    assert response.context["form"].errors["pass_mark"] == [
        "Hyväksymisraja 70 % ei ole saavutettavissa: parhaimmillaankin pisteet ovat 50 %. "
        "Merkitse oikeat vastaukset tai laske rajaa."
    ]
