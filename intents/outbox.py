"""The generic parts of a transactional outbox, shared by every outbox of the site: the
email outbox (`notifications`) and the xAPI statements (`xapi`).

An outbox row is written in the transaction of the change that causes it; a task intent
(`intents.services.intent_record`) asks a worker to deliver it after the commit, and a
beat task delivers whatever a lost kick left. Delivery is the same for every outbox:

- one deliverer at a time per outbox: `advisory_lock(name)`, a session-level PostgreSQL
  advisory lock the server drops by itself when the holder's connection ends, so a
  worker killed with SIGKILL never leaves a stale lock (a Redis lock with a timeout
  would block delivery until it expires, or expire under a long run). While a process
  holds it, every row it finds half-sent was left by a deliverer that stopped;
- rows are claimed in a short transaction with `SELECT … FOR UPDATE SKIP LOCKED`
  (`claim_ids`), marked as being sent and committed before anything leaves the machine;
- a row that could not be delivered waits for its next try (`retry_delay`: exponential
  backoff with a ceiling).

What a row says and how it is sent stays with each outbox.
"""

from __future__ import annotations

import datetime
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import QuerySet

logger = logging.getLogger(__name__)


def lock_key(name: str) -> int:
    """A fixed 31-bit key for `name`: advisory lock keys are shared by the whole
    database server, so each lock is named after what it guards."""
    return zlib.crc32(name.encode()) & 0x7FFFFFFF


@contextmanager
def advisory_lock(key: int) -> Iterator[bool]:
    """Yield True when this process holds the session-level advisory lock `key`, False
    when another process holds it. Released on the way out, also when the body raises.
    One query each way."""
    # The lock lives in this database session: it must not be closed in the middle,
    # so Django's connection is used as is (tasks run one at a time per process).
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    if not acquired:
        yield False
        return
    try:
        yield True
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        except Exception:  # the connection broke: the server has dropped the lock with it
            logger.warning("Could not release advisory lock %s", key, exc_info=True)


def claim_ids(pending: QuerySet, *, limit: int) -> list[int]:
    """Lock up to `limit` rows of `pending`, oldest first, skipping rows another
    transaction holds; call inside the claiming transaction. One query."""
    return list(
        pending.select_for_update(skip_locked=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def retry_delay(attempts: int, *, first: float, ceiling: float) -> datetime.timedelta:
    """How long a row waits after its `attempts`-th failed try: `first` seconds, then
    doubled each time, never more than `ceiling` seconds."""
    seconds = first * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, ceiling))
