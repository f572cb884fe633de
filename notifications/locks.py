"""One reminder sweep at a time, and one outbox deliverer at a time.

Two locks: the sweep lock keeps two sweeps from working out the same due reminders;
the delivery lock is held by whoever claims and sends outbox rows (a sweep, or the
task an outbox write kicks after its commit). While a process holds the delivery lock
no other deliverer is alive, so every row it finds in `sending` was left by one that
stopped (delivery.py's recovery rule).

Both are the shared outbox lock (`intents.outbox.advisory_lock`, a session-level
PostgreSQL advisory lock the server drops with a dead connection).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from intents.outbox import advisory_lock, lock_key

SWEEP_LOCK_KEY = lock_key("hyteopas.reminders.sweep")
DELIVERY_LOCK_KEY = lock_key("hyteopas.outbox.delivery")


@contextmanager
def sweep_lock() -> Iterator[bool]:
    """Yield True when this process holds the sweep lock, False when another sweep
    runs. The lock is released on the way out, also when the body raises."""
    with advisory_lock(SWEEP_LOCK_KEY) as acquired:
        yield acquired


@contextmanager
def delivery_lock() -> Iterator[bool]:
    """Yield True when this process is the one outbox deliverer, False when another
    delivers now."""
    with advisory_lock(DELIVERY_LOCK_KEY) as acquired:
        yield acquired
