"""Imports are applied one at a time: a PostgreSQL advisory lock held by the applying
transaction. A second import started meanwhile is refused at once with a message
(rather than waiting behind the first and then finding everything already done, or,
without the lock, both recording "created" and queuing every follow-up twice)."""

import zlib

from django.db import connection
from django.utils.translation import gettext_lazy as _

EMPLOYEES = "employees"
ACTIVITIES = "activities"


class ImportBusy(Exception):
    message = _(
        "Toinen tuonti on juuri käynnissä. Mitään ei tallennettu: odota hetki, että se "
        "valmistuu, ja yritä sitten uudelleen."
    )

    def __str__(self) -> str:
        return str(self.message)


def import_lock(name: str) -> None:
    """Take the import lock `name` for the rest of the current transaction (call it
    inside transaction.atomic()). Raises ImportBusy when another transaction holds it."""
    key = zlib.crc32(f"hyteopas-import:{name}".encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [key])
        (taken,) = cursor.fetchone()
    if not taken:
        raise ImportBusy
