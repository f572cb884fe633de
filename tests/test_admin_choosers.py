"""Admin choosers show each role only what it may edit or link to: a trainer or HR
admin never reads a draft phrase's title; the page-move confirmation answers only
someone allowed to move the page."""

import pytest
from django.contrib.auth.models import Group

from admin_choosers import choosable_snippets
from people import roles
from phrases.models import Phrase
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory
from tests.phrases.builders import make_phrase

pytestmark = pytest.mark.django_db


def _user(role):
    employee = EmployeeFactory()
    employee.user.groups.add(Group.objects.get(name=role))
    return employee.user


@pytest.fixture
def phrases():
    return (
        make_phrase("CH1", "Julkaistu ohjaus", "Teksti."),
        make_phrase("CH2", "Keskeneräinen ohjaus", "Teksti.", live=False),
    )


@pytest.mark.parametrize("role", [roles.TRAINER, roles.HR_ADMIN, roles.HYTE_COORDINATOR])
def test_roles_without_phrase_rights_cannot_open_the_phrase_chooser(client, phrases, role):
    client.force_login(_user(role))
    for address in (
        "/admin/snippets/choose/phrases/phrase/",
        "/admin/snippets/choose/phrases/phrase/results/?q=ohjaus",
        f"/admin/snippets/choose/phrases/phrase/chosen/{phrases[1].pk}/",
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert "Keskener" not in response.content.decode()


def test_a_phrase_editor_chooses_drafts_too(client, phrases):
    client.force_login(_user(roles.PHRASE_EDITOR))
    response = client.get("/admin/snippets/choose/phrases/phrase/")
    assert response.status_code == 200
    assert "Keskeneräinen ohjaus" in response.json()["html"]


def test_whoever_may_not_edit_a_model_is_offered_only_its_live_objects(phrases):
    assert list(choosable_snippets(_user(roles.TRAINER), Phrase)) == [phrases[0]]
    editor_sees = set(choosable_snippets(_user(roles.PHRASE_EDITOR), Phrase))
    assert editor_sees == set(phrases)


def test_roles_whose_forms_link_to_a_model_may_choose_it(client):
    client.force_login(_user(roles.TRAINER))
    assert client.get("/admin/snippets/choose/events/sessionseries/").status_code == 200
    assert client.get("/admin/snippets/choose/organisations/organisation/").status_code == 302
    client.force_login(_user(roles.HYTE_COORDINATOR))
    assert client.get("/admin/snippets/choose/organisations/organisation/").status_code == 200


@pytest.mark.parametrize("role", [roles.PHRASE_EDITOR, roles.TRAINER, roles.HR_ADMIN])
def test_the_page_move_confirmation_needs_the_right_to_move(client, role):
    course = make_course(lessons=1)
    lesson = course.get_children().first()
    client.force_login(_user(role))
    response = client.get(f"/admin/pages/{lesson.pk}/move/{course.get_parent().pk}/confirm/")
    assert response.status_code == 302
    assert course.title not in response.content.decode()


def test_every_choosing_role_is_a_role():
    from organisations.wagtail_hooks import OrganisationViewSet
    from people import roles

    chosen_by = OrganisationViewSet.chooser_viewset_class.roles
    assert chosen_by and set(chosen_by) <= set(roles.ALL)
