"""One reminder sweep at a time, and one outbox deliverer at a time.

Two locks: the sweep lock keeps two sweeps from working out the same due reminders;
the delivery lock is held by whoever claims and sends outbox rows (a sweep, or the
task an outbox write kicks after its commit). While a process holds the delivery lock
no other deliverer is alive, so every row it finds in `sending` was left by one that
stopped (delivery.py's recovery rule).

On PostgreSQL a session-level advisory lock (`pg_try_advisory_lock`): the server drops
it by itself when the holder's connection ends, so a worker killed with SIGKILL never
leaves a stale lock behind (a Redis lock with a timeout would block every sweep until
it expires, or expire under a long sweep).
"""

import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

logger = logging.getLogger(__name__)

# A fixed 31-bit key: advisory lock keys are shared by the whole database server.
SWEEP_LOCK_KEY = zlib.crc32(b"hyteopas.reminders.sweep") & 0x7FFFFFFF
DELIVERY_LOCK_KEY = zlib.crc32(b"hyteopas.outbox.delivery") & 0x7FFFFFFF


@contextmanager
def sweep_lock() -> Iterator[bool]:
    """Yield True when this process holds the sweep lock, False when another sweep
    runs. The lock is released on the way out, also when the body raises."""
    with _advisory_lock(SWEEP_LOCK_KEY) as acquired:
        yield acquired


@contextmanager
def delivery_lock() -> Iterator[bool]:
    """Yield True when this process is the one outbox deliverer, False when another
    delivers now."""
    with _advisory_lock(DELIVERY_LOCK_KEY) as acquired:
        yield acquired


@contextmanager
def _advisory_lock(key: int) -> Iterator[bool]:
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
