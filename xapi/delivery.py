"""Delivering recorded statements to the LRS, the same outbox protocol as the email's
(notifications/delivery.py) on the shared parts in `intents.outbox`.

Under the xAPI delivery lock (one deliverer at a time):

0. Recovery: rows left in `sending` belong to a deliverer that stopped (a worker killed
   mid-request, a database error). They go back to `pending`. Unlike an email, sending
   a statement again is harmless: it carries the same id, and the LRS keeps one
   statement per id (xAPI 1.0.3, part three, 2.1.3). So there is no "uncertain" state.
1. In one transaction: lock up to XAPI_BATCH_SIZE pending rows whose time has come
   (`SELECT … FOR UPDATE SKIP LOCKED`), mark them `sending`. Commit.
2. POST them in one request. Stored (200/204): mark them `sent`. The LRS refused the
   batch as such (400/409/413): each is PUT on its own under its id, and only the one
   the LRS refuses is `failed` (kept with the answer, never sent again). No answer, a
   5xx, 401/403/404 or 429: the batch goes back to `pending` with attempts + 1 and
   waits (XAPI_RETRY_FIRST_SECONDS, doubled each time up to XAPI_RETRY_MAX_SECONDS);
   delivery stops for this run. A statement is never given up while the LRS is away.

Nothing is lost: a row is `sent` only after the LRS said it has it. Nothing is stored
twice: a row is claimed by one deliverer, and what a dead one may have sent is sent
again under the same id.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from intents.outbox import advisory_lock, claim_ids, lock_key, retry_delay
from xapi import lrs
from xapi.models import Statement, StatementStatus

logger = logging.getLogger(__name__)

DELIVERY_LOCK_KEY = lock_key("hyteopas.xapi.delivery")
MAX_SECONDS = 600  # one run's budget, below the Celery soft time limit


@dataclass
class DeliveryResult:
    sent: int = 0
    failed: int = 0
    recovered: int = 0
    retry_later: int = 0
    batches: int = 0
    busy: bool = False  # another process was delivering (it sends these rows too)
    lrs_down: bool = False
    off: bool = False  # XAPI_LRS_URL is empty

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _recover(result: DeliveryResult) -> None:
    recovered = Statement.objects.filter(status=StatementStatus.SENDING).update(
        status=StatementStatus.PENDING, claimed_at=None
    )
    result.recovered += recovered
    if recovered:
        logger.warning(
            "xAPI: %s statements left in sending by a stopped delivery went back to pending",
            recovered,
        )


def _claim() -> list[tuple[int, dict]]:
    now = timezone.now()
    with transaction.atomic():
        ids = claim_ids(
            Statement.objects.filter(status=StatementStatus.PENDING, next_attempt_at__lte=now),
            limit=settings.XAPI_BATCH_SIZE,
        )
        if not ids:
            return []
        Statement.objects.filter(pk__in=ids).update(status=StatementStatus.SENDING, claimed_at=now)
        return list(
            Statement.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "statement")
        )


def _mark_sent(ids: list[int], result: DeliveryResult) -> None:
    result.sent += Statement.objects.filter(pk__in=ids, status=StatementStatus.SENDING).update(
        status=StatementStatus.SENT, sent_at=timezone.now(), last_error=""
    )


def _give_back(ids: list[int], answer: lrs.Answer, result: DeliveryResult) -> None:
    """Back to pending; the next try waits longer each time."""
    now = timezone.now()
    error = f"HTTP {answer.status}: {answer.text}"[:2000] if answer.status else answer.text
    for row_id, attempts in Statement.objects.filter(
        pk__in=ids, status=StatementStatus.SENDING
    ).values_list("pk", "attempts"):
        delay = retry_delay(
            attempts + 1,
            first=settings.XAPI_RETRY_FIRST_SECONDS,
            ceiling=settings.XAPI_RETRY_MAX_SECONDS,
        )
        Statement.objects.filter(pk=row_id).update(
            status=StatementStatus.PENDING,
            attempts=F("attempts") + 1,
            last_error=error,
            next_attempt_at=now + delay,
            claimed_at=None,
        )
    result.retry_later += len(ids)
    result.lrs_down = True
    logger.warning(
        "xAPI: the LRS did not take %s statements, tried again later: %s", len(ids), error
    )


def _one_by_one(batch: list[tuple[int, dict]], result: DeliveryResult) -> bool:
    """The LRS refused the batch: PUT each statement under its id, so only the bad one
    fails. Returns False when the LRS went away meanwhile."""
    for index, (row_id, statement) in enumerate(batch):
        answer = lrs.put_statement(statement)
        if answer.stored:
            _mark_sent([row_id], result)
        elif answer.refused:
            Statement.objects.filter(pk=row_id).update(
                status=StatementStatus.FAILED,
                attempts=F("attempts") + 1,
                last_error=f"HTTP {answer.status}: {answer.text}"[:2000],
            )
            result.failed += 1
            logger.error("xAPI: the LRS refused statement %s: %s", statement["id"], answer.text)
        else:
            _give_back([pk for pk, _statement in batch[index:]], answer, result)
            return False
    return True


def _send(batch: list[tuple[int, dict]], result: DeliveryResult) -> bool:
    """Steps 2 and 3. Returns False when the LRS is away (stop this run)."""
    ids = [row_id for row_id, _statement in batch]
    answer = lrs.post_statements([statement for _row_id, statement in batch])
    # Only the tests set this: it makes a run slow enough to interrupt in the middle.
    delay = getattr(settings, "XAPI_SEND_DELAY", 0)
    if delay:
        time.sleep(delay)
    if answer.stored:
        _mark_sent(ids, result)
        return True
    if answer.refused:
        return _one_by_one(batch, result)
    _give_back(ids, answer, result)
    return False


def deliver_pending(*, max_seconds: float | None = None) -> DeliveryResult:
    """Under the delivery lock: recover, then claim and send batches until nothing is
    due, the LRS is away, or the time is up. A deliverer that lets go of the lock
    looks once more for rows written meanwhile, so a run that found the lock taken
    never leaves its rows behind."""
    result = DeliveryResult()
    if not settings.XAPI_LRS_URL:
        result.off = True
        return result
    deadline = time.monotonic() + (max_seconds or MAX_SECONDS)
    for _round in range(20):
        with advisory_lock(DELIVERY_LOCK_KEY) as acquired:
            if not acquired:
                result.busy = True
                return result
            _recover(result)
            while time.monotonic() < deadline:
                batch = _claim()
                if not batch:
                    break
                result.batches += 1
                if not _send(batch, result):
                    break
        if result.lrs_down or time.monotonic() >= deadline:
            return result
        due = Statement.objects.filter(
            status=StatementStatus.PENDING, next_attempt_at__lte=timezone.now()
        )
        if not due.exists():
            return result
    return result
