"""Session tasks through a real worker and real Redis: inviting a target group is one
task that queues a task per batch (never one per person), a repeated invitation adds
nobody twice, and the day-before reminder reaches each registered person once."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from events import services
from events.models import Invitation
from notifications.models import Notification
from tasks import events as event_tasks
from tests.events.builders import make_network, make_session
from tests.factories import EmployeeFactory
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def drain_queue() -> None:
    """The solo worker runs tasks in order: once a marker task queued last has run,
    everything queued before it has too."""
    marker_session, marker = make_session(starts_in=datetime.timedelta(days=30)), EmployeeFactory()
    event_tasks.send_invitations.delay(marker_session.pk, [marker.pk])
    wait_for(lambda: Notification.objects.filter(recipient=marker).exists())
    Notification.objects.filter(recipient=marker).delete()
    Invitation.objects.filter(employee=marker).delete()


def test_invitations_go_out_in_batches_from_the_worker_and_only_once(
    celery_worker, monkeypatch, settings
):
    settings.EVENTS_INVITATION_BATCH_SIZE = 3
    members = [EmployeeFactory() for _ in range(7)] + [EmployeeFactory(language="sv")]
    outsider = EmployeeFactory()
    session = make_session()
    network = make_network(members=members)
    session.target_networks.add(network)
    session.save()
    batches = []
    real_delay = event_tasks.send_invitations.delay
    monkeypatch.setattr(
        event_tasks.send_invitations,
        "delay",
        lambda *args: (batches.append(len(args[1])), real_delay(*args))[1],
    )

    with transaction.atomic():
        services.invitations_start(session=session)  # queued when this commits
    wait_for(lambda: Notification.objects.count() == 8)
    assert sorted(batches) == [2, 3, 3]
    assert Invitation.objects.filter(session=session).count() == 8
    assert not Notification.objects.filter(recipient=outsider).exists()
    swedish = Notification.objects.get(recipient=members[-1])
    assert swedish.title.startswith("Inbjudan till ett tillfälle:")
    wait_for(lambda: len(mail.outbox) == 8)

    # The same task delivered again invites nobody twice; a newcomer to the network
    # is the only one invited by the next run.
    event_tasks.invite_target_group.delay(session.pk)
    drain_queue()
    assert Notification.objects.count() == 8
    newcomer = EmployeeFactory()
    network.members.add(newcomer)
    event_tasks.invite_target_group.delay(session.pk)
    wait_for(lambda: Notification.objects.filter(recipient=newcomer).exists())
    drain_queue()
    assert Notification.objects.count() == 9
    assert Invitation.objects.filter(session=session).count() == 9


def test_the_day_before_reminder_runs_in_the_worker_once(celery_worker):
    session = make_session(starts_in=datetime.timedelta(days=1))
    registered = [EmployeeFactory() for _ in range(3)]
    for person in registered:
        services.registration_create(session_id=session.pk, employee=person)
    next_week = EmployeeFactory()
    services.registration_create(session_id=make_session().pk, employee=next_week)

    event_tasks.send_reminders.delay()
    wait_for(lambda: Notification.objects.count() == 3)
    event_tasks.send_reminders.delay()
    drain_queue()
    assert sorted(n.recipient_id for n in Notification.objects.all()) == sorted(
        person.pk for person in registered
    )
    assert all(n.title.startswith("Huomenna:") for n in Notification.objects.all())
    assert sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Huomenna:")) == sorted(
        person.user.email for person in registered
    )
    session.refresh_from_db()
    assert session.reminded_at is not None


def test_attendance_marked_after_the_hourly_feedback_run_is_asked_by_the_worker(celery_worker):
    """The hourly run in the worker asks those marked so far; a person marked as
    attended afterwards is asked once, through the outbox the worker delivers."""
    from events.models import Registration

    session = make_session(starts_in=-datetime.timedelta(hours=3))
    early, late = EmployeeFactory(), EmployeeFactory()
    now = timezone.now()
    Registration.objects.create(
        session=session, employee=early, status="registered", queued_at=now, attended_at=now
    )
    late_registration = Registration.objects.create(
        session=session, employee=late, status="registered", queued_at=now
    )
    event_tasks.request_feedback.delay()
    wait_for(lambda: Notification.objects.filter(recipient=early).exists())
    session.refresh_from_db()
    assert session.feedback_requested_at is not None

    services.attendance_mark(
        session=session,
        attended_ids={
            late_registration.pk,
            *session.registrations.filter(employee=early).values_list("pk", flat=True),
        },
        by_user=EmployeeFactory().user,
    )
    wait_for(lambda: Notification.objects.filter(recipient=late).exists())
    event_tasks.request_feedback.delay()
    drain_queue()
    feedback = Notification.objects.filter(url=f"/tilaisuudet/{session.pk}/palaute/")
    assert sorted(n.recipient_id for n in feedback) == sorted([early.pk, late.pk])
    wait_for(lambda: sum(m.subject.startswith("Anna palautetta") for m in mail.outbox) == 2)
