"""The Celery app. Settings come from Django's settings under the CELERY_ namespace."""

import os

from celery import Celery

from tasks.schedule import BEAT_SCHEDULE

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")

app = Celery(
    "hyteopas",
    include=[
        "tasks.people",
        "tasks.onboarding",
        "tasks.reminders",
        "tasks.events",
        "tasks.supervision",
        "tasks.accounts",
    ],
)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = BEAT_SCHEDULE
