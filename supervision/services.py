"""Writes of the supervision app: "remind now", export jobs and the
per-unit completion totals of the county report."""

import datetime
import logging
import math
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record as audit_record
from intents.services import intent_record
from notifications.models import ReminderOutbox, SubjectKind, manual_stage
from notifications.selectors import open_enrolments_overdue, own_checklist_items_overdue
from notifications.services import outbox_kick
from people.models import Employee, OrgUnit
from reporting.spreadsheets import write_csv, write_xlsx
from supervision import exports
from supervision.dashboard import DashboardFilters, team_dashboard
from supervision.models import ExportJob
from supervision.permissions import user_can_export_people

logger = logging.getLogger(__name__)

PROGRESS_EVERY_ROWS = 5000
HEARTBEAT_SECONDS = 10


# --- remind now -----------------------------------------------------------------------


def reminders_remind_overdue(*, actor: User, people: Iterable[Employee]) -> int:
    """Queue a reminder to each of `people` about each of their overdue courses and
    their own overdue checklist items — the late part of what the sweep reminds them of
    (notifications.selectors) — at most once a day per person and item (the outbox's
    unique row per subject, stage and recipient, with today's manual stage), log it, and
    have it delivered now. Returns how many new reminders were queued."""
    people = list(people)
    if not people:
        return 0
    now = timezone.now()
    stage = manual_stage(timezone.localdate())
    wanted = _overdue_rows(people, stage=stage, now=now)
    if not wanted:
        return 0
    with transaction.atomic():
        already = set(
            ReminderOutbox.objects.filter(
                stage=stage, recipient_id__in=[person.pk for person in people]
            ).values_list("subject_kind", "subject_id", "recipient_id")
        )
        new = [
            row
            for row in wanted
            if (row.subject_kind, row.subject_id, row.recipient_id) not in already
        ]
        # A second click at the same moment loses on the unique constraint.
        ReminderOutbox.objects.bulk_create(new, ignore_conflicts=True)
        _audit_reminders(actor, people, new)
        if new:
            outbox_kick()
    return len(new)


def _overdue_rows(
    people: list[Employee], *, stage: str, now: datetime.datetime
) -> list[ReminderOutbox]:
    """One outbox row per overdue enrolment and own overdue checklist item of `people`.
    Two queries."""
    today = timezone.localdate()
    person_ids = [person.pk for person in people]
    found = [
        (SubjectKind.ENROLMENT, row)
        for row in open_enrolments_overdue(today=today, now=now)
        .filter(employee_id__in=person_ids)
        .values_list("pk", "employee_id", "due_date")
    ] + [
        (SubjectKind.CHECKLIST_ITEM, row)
        for row in own_checklist_items_overdue(today=today)
        .filter(checklist__employee_id__in=person_ids)
        .values_list("pk", "checklist__employee_id", "due_date")
    ]
    return [
        ReminderOutbox(
            recipient_id=employee_id,
            about_id=employee_id,
            subject_kind=kind,
            subject_id=pk,
            stage=stage,
            due_date=due,
            created_at=now,
        )
        for kind, (pk, employee_id, due) in found
    ]


def _audit_reminders(actor: User, people: list[Employee], new: list[ReminderOutbox]) -> None:
    """One audit entry per person reminded, with how many reminders they got."""
    for person in people:
        count = sum(1 for row in new if row.recipient_id == person.pk)
        if count:
            audit_record(
                actor=actor,
                action=AuditAction.REMIND,
                target=str(person),
                target_employee=person,
                reminders=count,
            )


def reminders_remind_people(*, actor: User, people: Iterable[Employee]) -> dict[Employee, int]:
    """`reminders_remind_overdue` for the dashboard, which names who was reminded: each
    person who got new reminders with how many (the rows of today's manual stage this
    call added to the outbox)."""
    people = list(people)
    started = timezone.now()
    if not reminders_remind_overdue(actor=actor, people=people):
        return {}
    counts = Counter(
        ReminderOutbox.objects.filter(
            stage=manual_stage(timezone.localdate()),
            recipient_id__in=[person.pk for person in people],
            created_at__gte=started,
        ).values_list("recipient_id", flat=True)
    )
    return {person: counts[person.pk] for person in people if counts[person.pk]}


# --- exports --------------------------------------------------------------------------


def export_job_create(
    *, owner: User, kind: str, file_format: str, parameters: dict[str, Any]
) -> ExportJob:
    """Record the job, the audit entry and the intent to build it, in one transaction."""
    with transaction.atomic():
        job = ExportJob.objects.create(
            owner=owner, kind=kind, file_format=file_format, parameters=parameters
        )
        audit_record(
            actor=owner,
            action=AuditAction.EXPORT_XLSX if file_format == "xlsx" else AuditAction.EXPORT_CSV,
            target=str(ExportJob.Kind(kind).label),
            job=job.pk,
            **parameters,
        )
        intent_record("supervision.build_export", job.pk)
    return job


def _counting(job_id: int, rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
    """Pass the rows on; every PROGRESS_EVERY_ROWS rows or HEARTBEAT_SECONDS, record the
    progress and move the heartbeat on."""
    last = time.monotonic()
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY_ROWS == 0 or time.monotonic() - last > HEARTBEAT_SECONDS:
            _beat(job_id, rows_done=done)
            last = time.monotonic()


class ExportProblem(Exception):
    """A reason the export cannot be made, said to its owner in their language (the job's
    `error`, shown on its page). Any other failure is logged and the owner told only that
    it failed."""


class ExportTooLarge(ExportProblem):
    """More rows than EXPORT_MAX_ROWS."""


def _beat(job_id: int, **fields: Any) -> None:
    ExportJob.objects.filter(pk=job_id).update(heartbeat_at=timezone.now(), **fields)


def _job_content(job: ExportJob) -> tuple[list[str], Iterable[list[Any]], int]:
    """(headers, rows, total) for the job, read in the owner's language. The rows are
    read only when iterated; the total is counted at once."""
    parameters = job.parameters
    if job.kind == ExportJob.Kind.TEAM:
        supervisor = Employee.objects.get(user_id=job.owner_id)
        dashboard = team_dashboard(
            supervisor=supervisor, filters=DashboardFilters.from_query(parameters)
        )
        return exports.team_headers(dashboard), exports.team_rows(dashboard), len(dashboard.rows)
    unit = None
    if parameters.get("yksikko"):
        unit = OrgUnit.objects.get(pk=parameters["yksikko"])
    course_id = parameters.get("koulutus") or None
    if job.kind == ExportJob.Kind.COUNTY:
        totals = exports.county_summary_queryset(unit=unit, course_id=course_id)
        return exports.county_summary_headers(), exports.county_summary_rows(totals), totals.count()
    if not user_can_export_people(job.owner):
        raise PermissionError("Person-level county exports are for HR admins")
    completions = exports.completions_queryset(unit=unit, course_id=course_id)
    return exports.completion_headers(), exports.completion_rows(completions), completions.count()


def _refuse_too_large(total: int) -> None:
    if total > settings.EXPORT_MAX_ROWS:
        raise ExportTooLarge(
            _("Viennissä olisi %(rows)s riviä; enintään %(max)s. Rajaa vientiä.")
            % {"rows": total, "max": settings.EXPORT_MAX_ROWS}
        )


def _owner_language(job: ExportJob) -> str:
    return (
        getattr(getattr(job.owner, "employee", None), "ui_language", None) or settings.LANGUAGE_CODE
    )


@dataclass(frozen=True)
class ExportTimeLimits:
    """How long the task writing a job's file may run, in seconds: sized from the rows
    the job was counted to have, so a job that may run never meets its limit halfway."""

    soft: int
    hard: int


def export_time_limits(rows: int) -> ExportTimeLimits:
    """EXPORT_TIME_LIMIT_BASE_SECONDS for the queries plus EXPORT_TIME_LIMIT_PER_1000_ROWS
    a thousand rows (over ten times what the writer needs on a busy machine); the hard
    limit a minute later, for a worker stuck where the soft one cannot reach it."""
    soft = settings.EXPORT_TIME_LIMIT_BASE_SECONDS + math.ceil(
        rows * settings.EXPORT_TIME_LIMIT_PER_1000_ROWS / 1000
    )
    return ExportTimeLimits(soft=soft, hard=soft + 60)


def export_job_plan(*, job_id: int) -> ExportTimeLimits | None:
    """Count a queued job's rows and record them (the page shows progress against them);
    returns the time limits for the task that writes the file, or None when there is
    nothing to write: the job is no longer queued, or it has more rows than
    EXPORT_MAX_ROWS (then it is failed at once with a message saying so)."""
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    if job.status != ExportJob.Status.QUEUED:
        return None
    with translation.override(_owner_language(job)):
        try:
            total = _job_content(job)[2]
            _refuse_too_large(total)
        except Exception as error:
            _fail(job, error)
            if isinstance(error, ExportProblem):
                return None
            raise
    _beat(job.pk, rows_total=total)
    return export_time_limits(total)


def _fail(job: ExportJob, error: Exception) -> None:
    """Mark the job failed with what its owner may be told (the active language)."""
    if isinstance(error, ExportProblem):
        message = str(error)
    else:
        logger.error("Export job %s failed", job.pk, exc_info=error)
        message = _("Vienti epäonnistui. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.")
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.FAILED, error=message[:1000], finished_at=timezone.now()
    )


def export_job_build(*, job_id: int) -> ExportJob:  # long: claim, write, rename, record
    """Write the job's file under EXPORT_ROOT (private, never served as media). Safe to
    repeat and to run twice at once: only the run that moves the job from queued to
    running builds it, so a redelivered message finds it done, failed or running and
    leaves it alone (a run whose worker died is found by `export_jobs_recover_stalled`).
    Every temporary file lives in the job's own folder under EXPORT_ROOT, removed
    whatever happens (a time limit's exception included); the file appears under its
    final name only when complete. The progress (rows written) is recorded every
    PROGRESS_EVERY_ROWS rows or HEARTBEAT_SECONDS."""
    now = timezone.now()
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING,
        rows_done=0,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
    )
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    if not claimed:
        return job
    folder = Path(settings.EXPORT_ROOT)
    work = job.work_folder
    file_name = f"{job.token}.{job.file_format}"
    with translation.override(_owner_language(job)):
        try:
            work.mkdir(parents=True, exist_ok=True)
            headers, rows, total = _job_content(job)
            _refuse_too_large(total)
            _beat(job.pk, rows_total=total)
            temporary = work / f"{file_name}.part"
            with open(temporary, "wb") as target:
                counted = _counting(job.pk, rows)
                if job.file_format == "xlsx":
                    written = write_xlsx(target, headers, counted, sheet_title=_title(job))
                else:
                    written = write_csv(target, headers, counted)
            os.replace(temporary, folder / file_name)
        except Exception as error:  # a soft time limit's exception included
            _fail(job, error)
            raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE,
        rows_done=written,
        rows_total=written,
        file_name=file_name,
        heartbeat_at=timezone.now(),
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def export_job_fail_overtime(*, job_id: int) -> None:
    """The job's task met its soft time limit (the machine far slower than the limit
    allows for): nothing was kept; tell the owner why, in their language."""
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    seconds = export_time_limits(job.rows_total or 0).soft
    with translation.override(_owner_language(job)):
        error = ExportProblem(
            _(
                "Vienti keskeytettiin, koska se kesti yli %(minutes)s minuuttia. Tiedostoa ei "
                "tallennettu. Tilaa vienti uudelleen tai rajaa sitä."
            )
            % {"minutes": math.ceil(seconds / 60)}
        )
        _fail(job, error)


def _stall_limit() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.EXPORT_STALL_MINUTES)


def export_jobs_recover_stalled() -> dict[str, int]:
    """Every minute (beat): a job whose heartbeat has not moved for EXPORT_STALL_MINUTES
    has lost its worker (killed, out of memory, machine gone). Its temporary files are
    removed; a running job is queued again once (EXPORT_MAX_ATTEMPTS runs in all) and
    then failed with a message saying so; a queued job whose message was lost is
    handed over again. Returns how many were retried, failed and requeued."""
    stalled_before = timezone.now() - _stall_limit()
    outcome = {"retried": 0, "failed": 0, "requeued": 0}
    with transaction.atomic():
        stalled = ExportJob.objects.select_for_update(skip_locked=True).filter(
            status__in=[ExportJob.Status.RUNNING, ExportJob.Status.QUEUED],
            heartbeat_at__lt=stalled_before,
        )
        for job in stalled:
            shutil.rmtree(job.work_folder, ignore_errors=True)
            with translation.override("fi"):
                if job.status == ExportJob.Status.QUEUED:
                    job.heartbeat_at = timezone.now()
                    job.save(update_fields=["heartbeat_at"])
                    intent_record("supervision.build_export", job.pk)
                    outcome["requeued"] += 1
                elif job.attempts < settings.EXPORT_MAX_ATTEMPTS:
                    job.status = ExportJob.Status.QUEUED
                    job.rows_done = 0
                    job.heartbeat_at = timezone.now()
                    job.error = _(
                        "Vienti keskeytyi, koska se ei edistynyt %(minutes)s minuuttiin; "
                        "se aloitettiin uudelleen."
                    ) % {"minutes": _minutes_text()}
                    job.save(update_fields=["status", "rows_done", "heartbeat_at", "error"])
                    intent_record("supervision.build_export", job.pk)
                    outcome["retried"] += 1
                else:
                    job.status = ExportJob.Status.FAILED
                    job.finished_at = timezone.now()
                    job.error = _(
                        "Vienti keskeytyi, koska se ei edistynyt %(minutes)s minuuttiin, "
                        "eikä uusi yritys onnistunut. Tilaa vienti uudelleen."
                    ) % {"minutes": _minutes_text()}
                    job.save(update_fields=["status", "finished_at", "error"])
                    outcome["failed"] += 1
    return outcome


def _minutes_text() -> str:
    minutes = settings.EXPORT_STALL_MINUTES
    return str(int(minutes)) if float(minutes).is_integer() else f"{minutes:g}".replace(".", ",")


def _title(job: ExportJob) -> str:
    return str(ExportJob.Kind(job.kind).label)


def export_jobs_purge(*, older_than: datetime.timedelta = datetime.timedelta(days=7)) -> int:
    """Exports hold personal data: files and jobs go after a week. Temporary files left
    by a run that died (no job of theirs queued or running) go too."""
    stale = ExportJob.objects.filter(created_at__lt=timezone.now() - older_than)
    for job in stale:
        if job.path and job.path.exists():
            job.path.unlink()
        shutil.rmtree(job.work_folder, ignore_errors=True)
    deleted = stale.delete()[0]
    export_temporary_files_purge()
    return deleted


def export_temporary_files_purge() -> int:
    """Remove every temporary export file or folder under EXPORT_ROOT that belongs to
    no live job and is older than EXPORT_STALL_MINUTES. Returns how many went."""
    root = Path(settings.EXPORT_ROOT)
    cutoff = time.time() - _stall_limit().total_seconds()
    live = {
        str(token)
        for token in ExportJob.objects.filter(
            status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING]
        ).values_list("token", flat=True)
    }
    leftovers = [*root.glob("*.part"), *(root / "tmp").glob("*")]
    removed = 0
    for path in leftovers:
        try:
            if path.name in live or path.stat().st_mtime > cutoff:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            continue
        removed += 1
    return removed
