"""Recording task intents and handing them to Celery."""

import datetime
import logging
from functools import partial
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from intents.models import TaskIntent

logger = logging.getLogger(__name__)

RELAY_BATCH = 500


def intent_record(task: str, *args: Any, **kwargs: Any) -> TaskIntent:
    """Record that Celery task `task` must run with these (JSON) arguments once the
    current transaction commits, and hand it over right after the commit. Outside a
    transaction the row is written and handed over at once."""
    intent = TaskIntent.objects.create(task=task, args=list(args), kwargs=kwargs)
    transaction.on_commit(partial(_kick, intent.pk))
    return intent


def _kick(intent_id: int) -> None:
    """After a commit: hand this one intent over. Never raises, so the request that made
    the change succeeds even when the broker is down; the relay picks it up later.
    Tasks run in-process (unit tests) raise as they would have."""
    if current_app.conf.task_always_eager:
        intents_hand_over(ids=[intent_id])
        return
    try:
        intents_hand_over(ids=[intent_id], patient=False)
    except Exception:
        logger.warning("Task intent %s waits for the relay", intent_id, exc_info=True)


# Right after a commit, in the user's request: one quick try, so a broker that is down
# costs the request well under a second. (retry=False is slower: redis-py then makes its
# own attempts with backoff, about 6 s.) The relay, in a worker, is more patient.
_QUICK = {"max_retries": 1, "interval_start": 0, "interval_step": 0.1, "interval_max": 0.1}
_PATIENT = {"max_retries": 3, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def _publish(intent: TaskIntent, *, patient: bool) -> None:
    current_app.send_task(
        intent.task,
        args=intent.args,
        kwargs=intent.kwargs,
        retry=True,
        retry_policy=_PATIENT if patient else _QUICK,
    )


def _run_eagerly(intents: list[TaskIntent]) -> None:
    """Unit tests run tasks in-process (CELERY_TASK_ALWAYS_EAGER); `send_task` ignores
    that setting, so look the task up by name and apply it."""
    current_app.loader.import_default_modules()
    for intent in intents:
        current_app.tasks[intent.task].apply_async(args=intent.args, kwargs=intent.kwargs)


def intents_hand_over(*, ids: list[int] | None = None, patient: bool = True) -> int:
    """Hand waiting intents (all, or those in `ids`) to the broker, oldest first.
    Concurrent relays never hand over the same row at once: each claims its rows with
    FOR UPDATE SKIP LOCKED. A failed publish stops the batch (the broker is down) and
    leaves the rest waiting. Returns how many were handed over."""
    eager = current_app.conf.task_always_eager
    handed: list[TaskIntent] = []
    with transaction.atomic():
        waiting = TaskIntent.objects.select_for_update(skip_locked=True).filter(
            handed_at__isnull=True
        )
        if ids is not None:
            waiting = waiting.filter(pk__in=ids)
        for intent in waiting.order_by("pk")[:RELAY_BATCH]:
            if not eager:
                try:
                    _publish(intent, patient=patient)
                except Exception as error:
                    TaskIntent.objects.filter(pk=intent.pk).update(
                        attempts=F("attempts") + 1, last_error=repr(error)[:1000]
                    )
                    logger.warning("Handing over task intent %s failed: %r", intent.pk, error)
                    break
            handed.append(intent)
        if handed:
            TaskIntent.objects.filter(pk__in=[intent.pk for intent in handed]).update(
                handed_at=timezone.now(), attempts=F("attempts") + 1
            )
    if eager and handed:
        _run_eagerly(handed)
    return len(handed)


def intents_relay() -> int:
    """Beat, every minute: hand over everything still waiting, then forget intents
    handed over more than INTENT_KEEP_DAYS ago. Returns how many were handed over."""
    total = 0
    while True:
        count = intents_hand_over()
        total += count
        if count < RELAY_BATCH:
            break
    keep = datetime.timedelta(days=getattr(settings, "INTENT_KEEP_DAYS", 7))
    TaskIntent.objects.filter(handed_at__lt=timezone.now() - keep).delete()
    return total
