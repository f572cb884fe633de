"""Rewrites the hyte picture's totals (`hyte.models`) in one transaction.

Self-ratings: grouped by month and phase for the whole county, and over all time by
sector, job role and unit — five grouped queries over the answers. Phrase copies: the
library keeps a running count per phrase and unit (`PhraseCopyCount`), so each refresh
books the growth of each unit's sum to the current month; the first refresh books each
running count to the month of its last copy. Sessions: one grouped query over
registrations and one each over the two kinds of feedback, by the month the session
started. Run by beat (tasks/hyte.py) and on demand from the page.
"""

import datetime
import logging
import time
import zlib

from django.db import connection, transaction
from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone

from events.models import Feedback, PresenterFeedback, Registration
from hyte.models import (
    CopyMonthTotal,
    KnowledgeTotal,
    Refresh,
    SessionMonthTotal,
    UnitCopyState,
)
from intents.services import intent_record
from people.models import OrgUnit
from phrases.models import PhraseCopyCount
from quizzes.models import SelfAssessmentAnswer

logger = logging.getLogger(__name__)

SECTOR_DEPTH = 2  # county → sector
# A fixed 31-bit key: advisory lock keys are shared by the whole database server.
REFRESH_LOCK_KEY = zlib.crc32(b"hyteopas.hyte.totals") & 0x7FFFFFFF


def _month(value: datetime.datetime | datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return value.replace(day=1)


def _knowledge_rows() -> list[KnowledgeTotal]:
    answers = SelfAssessmentAnswer.objects.order_by()
    measures = {
        "people": Count("employee", distinct=True),
        "answers": Count("pk"),
        "value_sum": Sum("value"),
    }
    rows: list[KnowledgeTotal] = []
    monthly = answers.annotate(m=TruncMonth("answered_at")).values("m", "phase")
    for found in monthly.annotate(**measures):
        rows.append(
            KnowledgeTotal(
                month=_month(found["m"]),
                phase=found["phase"],
                group=KnowledgeTotal.Group.COUNTY,
                **{key: found[key] for key in measures},
            )
        )
    sector_ids = {
        unit.path: unit.pk for unit in OrgUnit.objects.filter(depth=SECTOR_DEPTH).only("path")
    }
    groupings = [
        (
            KnowledgeTotal.Group.COUNTY,
            answers.values("phase"),
            lambda found: 0,
        ),
        (
            KnowledgeTotal.Group.SECTOR,
            answers.annotate(
                sector=Substr("employee__unit__path", 1, SECTOR_DEPTH * OrgUnit.steplen)
            ).values("sector", "phase"),
            lambda found: sector_ids.get(found["sector"]),
        ),
        (
            KnowledgeTotal.Group.ROLE,
            answers.filter(employee__job_role__isnull=False).values("employee__job_role", "phase"),
            lambda found: found["employee__job_role"],
        ),
        (
            KnowledgeTotal.Group.UNIT,
            answers.values("employee__unit", "phase"),
            lambda found: found["employee__unit"],
        ),
    ]
    for group, query, key_of in groupings:
        for found in query.annotate(**measures):
            group_id = key_of(found)
            if group_id is None:
                continue
            rows.append(
                KnowledgeTotal(
                    month=None,
                    phase=found["phase"],
                    group=group,
                    group_id=group_id,
                    **{key: found[key] for key in measures},
                )
            )
    return rows


def _copy_rows(now: datetime.datetime) -> tuple[list[CopyMonthTotal], list[UnitCopyState]]:
    """This month's copies per unit and each unit's new running count."""
    states = {state.unit_id: state for state in UnitCopyState.objects.all()}
    booked: dict[tuple[datetime.date, int], int] = {
        (total.month, total.unit_id): total.copies for total in CopyMonthTotal.objects.all()
    }
    counts = PhraseCopyCount.objects.order_by()
    current = {
        found["unit"]: found
        for found in counts.values("unit").annotate(copies=Sum("count"), last=Max("last_copied_at"))
    }
    this_month = _month(now)
    first_time = [unit_id for unit_id in current if unit_id not in states]
    if first_time:
        # A unit seen for the first time: each running count goes to its last copy's month.
        for found in (
            counts.filter(unit_id__in=first_time)
            .annotate(m=TruncMonth("last_copied_at"))
            .values("unit", "m")
            .annotate(copies=Sum("count"))
        ):
            key = (_month(found["m"]), found["unit"])
            booked[key] = booked.get(key, 0) + found["copies"]
    new_states = []
    for unit_id, found in current.items():
        state = states.get(unit_id)
        if state is not None:
            # A phrase removed from the library takes its count with it: never negative.
            grown = max(0, found["copies"] - state.copies_seen)
            if grown:
                key = (this_month, unit_id)
                booked[key] = booked.get(key, 0) + grown
        new_states.append(
            UnitCopyState(
                unit_id=unit_id, copies_seen=found["copies"], last_copied_at=found["last"]
            )
        )
    monthly = [
        CopyMonthTotal(month=month, unit_id=unit_id, copies=copies)
        for (month, unit_id), copies in booked.items()
        if copies
    ]
    return monthly, new_states


def _session_rows() -> list[SessionMonthTotal]:
    held = Registration.objects.filter(session__cancelled_at__isnull=True).order_by()
    months: dict[datetime.date, SessionMonthTotal] = {}

    def month_row(value) -> SessionMonthTotal:
        month = _month(value)
        return months.setdefault(month, SessionMonthTotal(month=month))

    registered = Q(status=Registration.Status.REGISTERED) | Q(attended_at__isnull=False)
    for found in (
        held.annotate(m=TruncMonth("session__starts_at"))
        .values("m")
        .annotate(
            sessions=Count("session", distinct=True),
            registered=Count("pk", filter=registered),
            attended=Count("pk", filter=Q(attended_at__isnull=False)),
        )
    ):
        row = month_row(found["m"])
        row.sessions, row.registered, row.attended = (
            found["sessions"],
            found["registered"],
            found["attended"],
        )
    for model, path, prefix in (
        (Feedback, "registration__session", "staff"),
        (PresenterFeedback, "slot__session", "presenter"),
    ):
        for found in (
            model.objects.filter(**{f"{path}__cancelled_at__isnull": True})
            .annotate(m=TruncMonth(F(f"{path}__starts_at")))
            .order_by()
            .values("m")
            .annotate(answers=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
        ):
            row = month_row(found["m"])
            setattr(row, f"{prefix}_answers", found["answers"])
            setattr(row, f"{prefix}_useful", found["useful"])
    return list(months.values())


def hyte_totals_refresh() -> int:
    """Recount every total. Returns the number of rows written."""
    started = time.monotonic()
    now = timezone.now()
    with transaction.atomic():
        # One refresh at a time: a second waits here, then reads what the first wrote,
        # so a copy is never booked twice. Released with the transaction.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REFRESH_LOCK_KEY])
        knowledge = _knowledge_rows()
        copies, states = _copy_rows(now)
        sessions = _session_rows()
        KnowledgeTotal.objects.all().delete()
        KnowledgeTotal.objects.bulk_create(knowledge, batch_size=2000)
        CopyMonthTotal.objects.all().delete()
        CopyMonthTotal.objects.bulk_create(copies, batch_size=2000)
        UnitCopyState.objects.all().delete()
        UnitCopyState.objects.bulk_create(states, batch_size=2000)
        SessionMonthTotal.objects.all().delete()
        SessionMonthTotal.objects.bulk_create(sessions)
        Refresh.objects.all().delete()
        Refresh.objects.create(finished_at=timezone.now(), seconds=time.monotonic() - started)
    written = len(knowledge) + len(copies) + len(sessions)
    logger.info("Hyte totals: %s rows in %.2f s", written, time.monotonic() - started)
    return written


def hyte_totals_refresh_later() -> None:
    """Someone asked for fresh figures: the worker recomputes them (idempotent)."""
    intent_record("hyte.refresh_totals")
