"""Task intents: written in the change's transaction (a rolled-back change leaves no
intent), handed over once, and a relay skips rows another relay holds."""

import threading
from unittest import mock

import pytest
from django.db import connection, transaction

from intents import services
from intents.models import TaskIntent
from tests.conftest import need


@pytest.mark.django_db
def test_a_rolled_back_change_leaves_no_intent():
    with pytest.raises(RuntimeError), transaction.atomic():
        services.intent_record("supervision.refresh_unit_totals")
        raise RuntimeError("the change failed")
    assert not TaskIntent.objects.exists()


@pytest.mark.django_db
def test_the_relay_hands_over_what_waits_once(settings):
    published = []
    with mock.patch("intents.services.current_app") as app:
        app.conf.task_always_eager = False
        app.send_task.side_effect = lambda name, **kw: published.append((name, kw["args"]))
        # Recorded; its kick never ran (the process died right after the commit).
        services.intent_record("supervision.build_export", 7)
        assert services.intents_relay() == 1
        assert services.intents_relay() == 0
    assert published == [("supervision.build_export", [7])]
    assert TaskIntent.objects.get().handed_at is not None


@pytest.mark.django_db
def test_a_broker_error_leaves_the_intent_waiting_and_the_caller_unharmed(
    django_capture_on_commit_callbacks,
):
    with mock.patch("intents.services.current_app") as app:
        app.conf.task_always_eager = False
        app.send_task.side_effect = ConnectionRefusedError("broker down")
        with django_capture_on_commit_callbacks(execute=True) as kicks:
            services.intent_record("onboarding.build_checklists", [1, 2])
    assert len(kicks) == 1  # the kick ran after the commit and raised nothing
    intent = TaskIntent.objects.get()
    assert intent.handed_at is None and intent.attempts == 1
    assert "broker down" in intent.last_error


@pytest.mark.django_db(transaction=True)
def test_a_relay_skips_rows_another_relay_holds():
    need(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    held, release = threading.Event(), threading.Event()
    with mock.patch("intents.services.current_app") as app:
        app.conf.task_always_eager = False
        app.send_task.side_effect = ConnectionRefusedError("down")
        first = services.intent_record("intents.one")
        services.intent_record("intents.two")

    def hold():
        with transaction.atomic():
            list(TaskIntent.objects.select_for_update().filter(pk=first.pk))
            held.set()
            release.wait(10)
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    try:
        with mock.patch("intents.services.current_app") as app:
            app.conf.task_always_eager = False
            names = []
            app.send_task.side_effect = lambda name, **kw: names.append(name)
            assert services.intents_hand_over() == 1
        assert names == ["intents.two"]
    finally:
        release.set()
        thread.join(10)


@pytest.mark.django_db
def test_old_handed_intents_are_forgotten(settings):
    import datetime

    from django.utils import timezone

    settings.INTENT_KEEP_DAYS = 7
    TaskIntent.objects.create(task="x", handed_at=timezone.now() - datetime.timedelta(days=8))
    TaskIntent.objects.create(task="y", handed_at=timezone.now())
    with mock.patch("intents.services.current_app") as app:
        app.conf.task_always_eager = False
        services.intents_relay()
    assert list(TaskIntent.objects.values_list("task", flat=True)) == ["y"]
