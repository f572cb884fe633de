"""Writes of the supervision app: audit entries, "remind now", export jobs and the
per-unit completion totals of the county report."""

import datetime
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from courses.models import Enrolment
from intents.services import intent_record
from notifications.models import ReminderOutbox, SubjectKind, manual_stage
from notifications.selectors import valid_completion_exists
from onboarding.models import ChecklistItem, ItemOwner
from people.models import Employee, OrgUnit
from reporting.spreadsheets import write_csv, write_xlsx
from supervision import exports
from supervision.dashboard import DashboardFilters, team_dashboard
from supervision.models import AuditAction, AuditEntry, ExportJob

logger = logging.getLogger(__name__)

PROGRESS_EVERY_ROWS = 5000


def audit_record(
    *, actor, action: str, target: str, target_employee: Employee | None = None, **detail
) -> AuditEntry:
    name = actor.get_full_name() or actor.get_username()
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=f"{name} ({actor.get_username()})"[:200],
        action=action,
        target=target[:300],
        target_employee=target_employee,
        detail=detail,
    )


def audit_record_person_viewed(*, actor, employee: Employee) -> AuditEntry:
    """Someone opened another person's record (their supervisor, or HR)."""
    return audit_record(
        actor=actor, action=AuditAction.VIEW_PERSON, target=str(employee), target_employee=employee
    )


# --- remind now -----------------------------------------------------------------------


def reminders_remind_overdue(*, actor, people: Iterable[Employee]) -> int:
    """Queue a reminder to each of `people` about each of their overdue courses and
    their own overdue checklist items, at most once a day per person and item (the
    outbox's unique row per subject, stage and recipient, with today's manual stage),
    log it, and have it delivered now. Returns how many new reminders were queued."""
    people = list(people)
    if not people:
        return 0
    now = timezone.now()
    today = timezone.localdate()
    stage = manual_stage(today)
    person_ids = [person.pk for person in people]
    wanted: list[ReminderOutbox] = []
    overdue_enrolments = (
        Enrolment.objects.filter(employee_id__in=person_ids, due_date__lt=today, course__live=True)
        .annotate(done=valid_completion_exists(now))
        .filter(done=False)
        .values_list("pk", "employee_id", "due_date")
    )
    for pk, employee_id, due in overdue_enrolments:
        wanted.append(
            ReminderOutbox(
                recipient_id=employee_id,
                about_id=employee_id,
                subject_kind=SubjectKind.ENROLMENT,
                subject_id=pk,
                stage=stage,
                due_date=due,
                created_at=now,
            )
        )
    overdue_items = ChecklistItem.objects.filter(
        checklist__employee_id__in=person_ids,
        done_at__isnull=True,
        due_date__lt=today,
        owner__in=[ItemOwner.EMPLOYEE, ItemOwner.BUDDY],
    ).values_list("pk", "checklist__employee_id", "due_date")
    for pk, employee_id, due in overdue_items:
        wanted.append(
            ReminderOutbox(
                recipient_id=employee_id,
                about_id=employee_id,
                subject_kind=SubjectKind.CHECKLIST_ITEM,
                subject_id=pk,
                stage=stage,
                due_date=due,
                created_at=now,
            )
        )
    if not wanted:
        return 0
    with transaction.atomic():
        already = set(
            ReminderOutbox.objects.filter(stage=stage, recipient_id__in=person_ids).values_list(
                "subject_kind", "subject_id", "recipient_id"
            )
        )
        new = [
            row
            for row in wanted
            if (row.subject_kind, row.subject_id, row.recipient_id) not in already
        ]
        # A second click at the same moment loses on the unique constraint.
        ReminderOutbox.objects.bulk_create(new, ignore_conflicts=True)
        reminded = {row.recipient_id for row in new}
        for person in people:
            if person.pk in reminded:
                audit_record(
                    actor=actor,
                    action=AuditAction.REMIND,
                    target=str(person),
                    target_employee=person,
                    reminders=sum(1 for row in new if row.recipient_id == person.pk),
                )
        if new:
            intent_record("supervision.deliver_reminders_now")
    return len(new)


# --- exports --------------------------------------------------------------------------


def export_job_create(*, owner, kind: str, file_format: str, parameters: dict) -> ExportJob:
    """Record the job, the audit entry and the intent to build it, in one transaction."""
    with transaction.atomic():
        job = ExportJob.objects.create(
            owner=owner, kind=kind, file_format=file_format, parameters=parameters
        )
        audit_record(
            actor=owner,
            action=AuditAction.EXPORT_XLSX if file_format == "xlsx" else AuditAction.EXPORT_CSV,
            target=ExportJob.Kind(kind).label,
            job=job.pk,
            **parameters,
        )
        intent_record("supervision.build_export", job.pk)
    return job


def _counting(job_id: int, rows: Iterable[list]) -> Iterator[list]:
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY_ROWS == 0:
            ExportJob.objects.filter(pk=job_id).update(rows_done=done)


def _job_content(job: ExportJob):
    """(headers, rows, total) for the job, read in the owner's language."""
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
    completions = exports.completions_queryset(unit=unit, course_id=course_id)
    return exports.completion_headers(), exports.completion_rows(completions), completions.count()


def export_job_build(*, job_id: int) -> ExportJob:
    """Write the job's file under EXPORT_ROOT (private, never served as media). Safe to
    repeat: a finished job is left alone, and the file appears under its final name only
    when complete."""
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    if job.status == ExportJob.Status.DONE:
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, rows_done=0)
    folder = Path(settings.EXPORT_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    file_name = f"{job.token}.{job.file_format}"
    language = getattr(getattr(job.owner, "employee", None), "ui_language", None)
    try:
        with translation.override(language or settings.LANGUAGE_CODE):
            headers, rows, total = _job_content(job)
            ExportJob.objects.filter(pk=job.pk).update(rows_total=total)
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
            try:
                with os.fdopen(handle, "wb") as target:
                    counted = _counting(job.pk, rows)
                    if job.file_format == "xlsx":
                        written = write_xlsx(target, headers, counted, sheet_title=_title(job))
                    else:
                        written = write_csv(target, headers, counted)
                os.replace(temporary, folder / file_name)
            except BaseException:
                if os.path.exists(temporary):
                    os.unlink(temporary)
                raise
    except Exception as error:
        logger.exception("Export job %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED, error=str(error)[:1000], finished_at=timezone.now()
        )
        raise
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE,
        rows_done=written,
        rows_total=written,
        file_name=file_name,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def _title(job: ExportJob) -> str:
    return str(ExportJob.Kind(job.kind).label)


def export_jobs_purge(*, older_than: datetime.timedelta = datetime.timedelta(days=7)) -> int:
    """Exports hold personal data: files and jobs go after a week."""
    stale = ExportJob.objects.filter(created_at__lt=timezone.now() - older_than)
    for job in stale:
        if job.path and job.path.exists():
            job.path.unlink()
    return stale.delete()[0]
