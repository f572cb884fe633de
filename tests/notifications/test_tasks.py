"""The reminder tasks are registered, scheduled with an expiry, and thin."""

import pytest
from celery.schedules import crontab
from django.core import mail

from tasks.celery import app
from tasks.reminders import sweep, weekly_digest
from tasks.schedule import BEAT_SCHEDULE
from tests.notifications.conftest import item_for


def test_the_sweep_runs_hourly_and_the_digest_on_monday_morning_each_with_an_expiry():
    app.loader.import_default_modules()
    assert {"reminders.sweep", "reminders.weekly_digest"} <= set(app.tasks)
    hourly = BEAT_SCHEDULE["reminders-sweep-hourly"]
    digest = BEAT_SCHEDULE["reminders-weekly-digest"]
    assert hourly["task"] == "reminders.sweep"
    assert hourly["schedule"] == crontab(minute=5)
    assert digest["task"] == "reminders.weekly_digest"
    assert digest["schedule"] == crontab(hour=7, minute=0, day_of_week="mon")
    assert 0 < hourly["options"]["expires"] < 60 * 60
    assert digest["options"]["expires"] > 0
    assert app.conf.timezone == "Europe/Helsinki"


@pytest.mark.django_db
def test_the_tasks_call_the_services_and_report_what_they_did(county):
    item_for(county["nurse"], due_in=-1)
    outcome = sweep.delay().get()
    assert outcome["sent"] == 1 and outcome["reminders"] == 1 and not outcome["skipped"]
    outcome = weekly_digest.delay().get()
    assert outcome["digests"] == 2 and outcome["sent"] == 2  # the lead and the sector head
    assert len(mail.outbox) == 3
