"""The Celery app. Settings come from Django's settings under the CELERY_ namespace."""

import os

from celery import Celery
from celery.signals import worker_init

from tasks.schedule import BEAT_SCHEDULE

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")

app = Celery(
    "hyteopas",
    include=[
        "tasks.intents",
        "tasks.people",
        "tasks.onboarding",
        "tasks.reminders",
        "tasks.notifications",
        "tasks.events",
        "tasks.supervision",
        "tasks.hyte",
        "tasks.ptv",
        "tasks.privacy",
        "tasks.accounts",
        "tasks.xapi",
    ],
)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = BEAT_SCHEDULE


@worker_init.connect
def _warm_lemmas(**_kwargs) -> None:
    """`celery worker` loads the phrase search's lemma data before it forks its pool, so
    no task waits for it (LEMMAS_WARM; off in the tests' own workers)."""
    from django.conf import settings

    if settings.LEMMAS_WARM:
        from phrases.lemmas import warm

        warm()
