"""Recording xAPI statements and delivering them: the public surface of the app.

- `xapi_record(...)`: called by the service that causes a statement, inside its
  transaction. One INSERT (ON CONFLICT DO NOTHING on the statement id) and one task
  intent; nothing at all while `XAPI_LRS_URL` is empty.
- `xapi_deliver_pending()`: the task `xapi.deliver` (kicked after each commit that
  recorded statements, and by beat every minute) sends what is pending.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from intents.services import intent_record
from xapi import statements
from xapi.delivery import DeliveryResult, deliver_pending
from xapi.models import Statement
from xapi.statements import Activity, Result

logger = logging.getLogger(__name__)

DELIVER_TASK = "xapi.deliver"  # tasks/xapi.py

__all__ = [
    "Activity",
    "DeliveryResult",
    "Result",
    "xapi_deliver_pending",
    "xapi_enabled",
    "xapi_record",
]


def xapi_enabled() -> bool:
    """Whether statements are recorded at all (XAPI_LRS_URL set). No query."""
    return bool(settings.XAPI_LRS_URL)


def xapi_record(
    *,
    event_key: str,
    employee_number: str,
    user_id: int | None,
    verb: str,
    activity: Activity,
    timestamp: datetime.datetime | None = None,
    result: Result | None = None,
    parent: Activity | None = None,
    language: str = "",
) -> bool:
    """Record one statement for delivery after the current transaction commits.
    `event_key` names the event (e.g. `course-completion/42`) and fixes the statement
    id: recording the same event again changes nothing. The person is given by both
    identifiers; `XAPI_ACTOR_FIELD` chooses which one the LRS sees. Returns whether a
    statement is on its way (False: xAPI is off, or the person lacks the
    chosen identifier). Two queries (the insert and the task intent)."""
    if not xapi_enabled():
        return False
    actor = statements.actor_name(employee_number=employee_number, user_id=user_id)
    if not actor:
        logger.warning("xAPI: no %s for the person of %s", settings.XAPI_ACTOR_FIELD, event_key)
        return False
    body = statements.build(
        event_key=event_key,
        actor=actor,
        verb=verb,
        activity=activity,
        timestamp=timestamp or timezone.now(),
        result=result,
        parent=parent,
        language=language,
    )
    # The same event recorded again (same statement id) is skipped by the unique id.
    Statement.objects.bulk_create(
        [Statement(statement_id=body["id"], statement=body)], ignore_conflicts=True
    )
    intent_record(DELIVER_TASK)
    return True


def xapi_deliver_pending(*, max_seconds: float | None = None) -> DeliveryResult:
    """Send every pending statement whose time has come, in batches, under the xAPI
    delivery lock (see xapi/delivery.py). Queries: three per batch, plus four."""
    return deliver_pending(max_seconds=max_seconds)
