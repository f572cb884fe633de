"""Phrase workflow: editors draft and submit in the admin, approvers publish through the
four-eyes task; an editor cannot publish and nobody approves their own last edit."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from people import roles
from phrases.models import Phrase
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def _user_in(group_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return _user_in(roles.PHRASE_EDITOR)


@pytest.fixture
def approvers():
    return _user_in(roles.PHRASE_APPROVER), _user_in(roles.PHRASE_APPROVER)


def _submit_in_admin(client, editor, **fields):
    client.force_login(editor)
    data = {
        "code": "hyte-uusi-1",
        "title": "Uusi fraasi",
        "body": "Ohjattu {{activity}}.",
        "themes": ["liikunta"],
        "action-submit": "1",
        **fields,
    }
    return client.post(reverse("wagtailsnippets_phrases_phrase:add") + "?locale=fi", data)


def test_editor_draft_is_not_public_until_approved(client, editor, approvers):
    response = _submit_in_admin(client, editor)
    assert response.status_code == 302, response.content.decode()[:2000]
    phrase = Phrase.objects.get(code="HYTE-UUSI-1")
    assert not phrase.live
    assert phrase.current_workflow_state is not None

    staff = EmployeeFactory()
    client.force_login(staff.user)
    assert client.get(reverse("phrases:phrase", args=["HYTE-UUSI-1"])).status_code == 404

    approver = approvers[0]
    task_state = phrase.current_workflow_state.current_task_state
    task = task_state.task.specific
    assert "approve" in [name for name, *_rest in task.get_actions(phrase, approver)]
    task.on_action(task_state, approver, "approve")
    phrase.refresh_from_db()
    assert phrase.live
    assert client.get(reverse("phrases:phrase", args=["HYTE-UUSI-1"])).status_code == 200


def test_broken_gap_is_refused_on_save_with_its_position(client, editor):
    response = _submit_in_admin(client, editor, body="Ohjattu {{activity ryhmään.")
    assert response.status_code == 200
    assert "Merkki 9" in response.content.decode()
    assert not Phrase.objects.exists()


def test_editor_cannot_publish(client, editor):
    assert not editor.has_perm("phrases.publish_phrase")
    response = _submit_in_admin(client, editor, **{"action-publish": "1"})
    phrase = Phrase.objects.filter(code="HYTE-UUSI-1").first()
    assert phrase is None or not phrase.live, response.status_code


def test_approver_who_last_edited_cannot_approve(client, editor, approvers):
    first, second = approvers
    _submit_in_admin(client, editor)
    phrase = Phrase.objects.get(code="HYTE-UUSI-1")
    phrase.title = "Uusi fraasi, korjattu"
    phrase.save_revision(user=first)
    phrase.refresh_from_db()
    task_state = phrase.current_workflow_state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(phrase, first) == []
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, first, "approve")
    assert not Phrase.objects.get(pk=phrase.pk).live
    task.on_action(task_state, second, "approve")
    phrase.refresh_from_db()
    assert phrase.live and phrase.title == "Uusi fraasi, korjattu"


def test_submitter_who_is_also_an_approver_cannot_approve(client, approvers):
    first, second = approvers
    first.groups.add(Group.objects.get(name=roles.PHRASE_EDITOR))
    _submit_in_admin(client, first)
    phrase = Phrase.objects.get(code="HYTE-UUSI-1")
    task = phrase.current_workflow_state.current_task_state.task.specific
    assert task.get_actions(phrase, first) == []
    assert task.get_actions(phrase, second)


def test_unit_staff_cannot_open_the_phrase_admin(client):
    client.force_login(EmployeeFactory().user)
    response = client.get(reverse("wagtailsnippets_phrases_phrase:list"))
    assert response.status_code in (302, 403)


def test_editor_opens_the_admin_forms(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_phrases_phrase:add") + "?locale=fi")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="liikunta"' in content and 'value="care_plan"' in content
    assert client.get(reverse("wagtailsnippets_phrases_activity:add")).status_code == 200
    assert (
        client.get(reverse("wagtailsnippets_phrases_glossaryterm:add") + "?locale=fi").status_code
        == 200
    )
