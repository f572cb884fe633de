"""Inviting a target group (tasks run eagerly here; tests/integration runs them on a
real worker): batches of people, one notice and email each in their language, never
twice, and nobody outside the target group."""

import pytest
from django.core import mail
from django.urls import reverse

from events import services
from events.models import Invitation
from notifications.models import Notification
from tests.events.builders import make_coordinator, make_network, make_session
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_the_target_group_is_invited_in_batches_once(
    client, monkeypatch, settings, django_capture_on_commit_callbacks
):
    from tasks import events as event_tasks

    settings.EVENTS_INVITATION_BATCH_SIZE = 2
    members = [EmployeeFactory() for _ in range(4)] + [EmployeeFactory(language="en")]
    outsider = EmployeeFactory()
    session = make_session()
    session.target_networks.add(make_network(members=members))
    session.save()
    batches = []
    real_delay = event_tasks.send_invitations.delay
    monkeypatch.setattr(
        event_tasks.send_invitations,
        "delay",
        lambda *args: (batches.append(args[1]), real_delay(*args))[1],
    )
    client.force_login(make_coordinator().user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:invite", args=[session.pk]), follow=True)
    assert "Kutsut lähtevät" in response.content.decode()
    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert Invitation.objects.filter(session=session).count() == 5
    assert not Invitation.objects.filter(employee=outsider).exists()
    assert len(mail.outbox) == 5
    english = Notification.objects.get(recipient=members[-1])
    assert english.title.startswith("Invitation to a session:")

    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_start(session=session)
    assert Invitation.objects.filter(session=session).count() == 5
    assert len(mail.outbox) == 5
