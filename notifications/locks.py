"""One reminder sweep at a time.

On PostgreSQL a session-level advisory lock (`pg_try_advisory_lock`): the server drops
it by itself when the holder's connection ends, so a worker killed with SIGKILL never
leaves a stale lock behind (a Redis lock with a timeout would block every sweep until
it expires, or expire under a long sweep). Any other database (SQLite, the zero-setup
local run with a single worker) gets a no-op lock.
"""

import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

logger = logging.getLogger(__name__)

# A fixed 31-bit key: advisory lock keys are shared by the whole database server.
SWEEP_LOCK_KEY = zlib.crc32(b"hyteopas.reminders.sweep") & 0x7FFFFFFF


@contextmanager
def sweep_lock() -> Iterator[bool]:
    """Yield True when this process holds the sweep lock, False when another sweep
    runs. The lock is released on the way out, also when the body raises."""
    if connection.vendor != "postgresql":
        yield True
        return
    # The lock lives in this database session: it must not be closed in the middle,
    # so Django's connection is used as is (tasks run one at a time per process).
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [SWEEP_LOCK_KEY])
        acquired = cursor.fetchone()[0]
    if not acquired:
        yield False
        return
    try:
        yield True
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [SWEEP_LOCK_KEY])
        except Exception:  # the connection broke: the server has dropped the lock with it
            logger.warning("Could not release the reminder sweep lock", exc_info=True)
