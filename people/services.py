"""Writes about people: the HR import and the welcome messages that follow it."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record as audit_record
from intents.services import intent_record
from people.hr_import.applying import apply_plan
from people.hr_import.checked import checked_rows_to_keep, content_sha256, kept_rows
from people.hr_import.locking import EMPLOYEES, import_lock
from people.hr_import.org_units import OrgPlan, apply_org_plan, org_plan_for
from people.hr_import.reading import FileRejected, Problem, read_rows
from people.hr_import.validation import ImportPlan, Lookups, build_plan, plan_from_checked
from people.models import Employee, ImportRun
from people.signals import employees_created, employments_changed

if TYPE_CHECKING:
    from people.hr_import.forecast import Forecast


@dataclass
class ImportPreview:
    run: ImportRun | None
    plan: ImportPlan
    # Nothing was written: the file deactivates many people or the uploader, and the
    # second confirmation was not given.
    refused: bool = False

    @property
    def problems(self) -> list[Problem]:
        return self.plan.problems

    @property
    def ok(self) -> bool:
        return not self.plan.problems and not self.refused

    @property
    def forecast(self) -> "Forecast | None":
        from people.hr_import.forecast import forecast

        return forecast(self.plan)


def _plan_for(*, name: str, content: bytes, lookups: Lookups | None = None) -> ImportPlan:
    try:
        read = read_rows(name=name, content=content)
    except FileRejected as rejected:
        return ImportPlan(problems=[rejected.problem])
    if read.problems:
        return ImportPlan(problems=read.problems)
    return build_plan(read.rows, lookups=lookups)


def _plan_for_run(run: ImportRun) -> ImportPlan:
    """The plan of a kept file against the database as it is now: from the rows its
    preview checked while they hold (`people.hr_import.checked`), else from the file
    checked again."""
    content = bytes(run.content)
    lookups = Lookups.load()
    rows = kept_rows(
        bytes(run.checked_rows), content=content, sha256=run.content_sha256, lookups=lookups
    )
    if rows is not None:
        return plan_from_checked(rows)
    return _plan_for(name=run.file_name, content=content, lookups=lookups)


def employee_import_preview(
    *, name: str, content: bytes, uploaded_by: User | None = None, keep: bool = True
) -> ImportPreview:
    """Check a file and work out what it would change. Writes nothing but, when the
    file is valid and `keep` is set, an ImportRun holding the file (and its checked
    rows) until it is applied."""
    plan = _plan_for(name=name, content=content)
    run = None
    if keep and not plan.problems:
        run = ImportRun.objects.create(
            uploaded_by=uploaded_by,
            file_name=name[:255],
            content=content,
            content_sha256=content_sha256(content),
            checked_rows=checked_rows_to_keep(plan),
        )
    return ImportPreview(run=run, plan=plan)


def employee_import_review(*, run: ImportRun) -> ImportPreview:
    """What a kept file would change now (the admin's preview page); writes nothing."""
    return ImportPreview(run=run, plan=_plan_for_run(run))


def employee_import_apply(
    *, run: ImportRun, allow_mass_deactivation: bool = False
) -> ImportPreview:
    """Apply a previewed file. The plan is worked out again against the database as it
    is now (from the rows the preview checked, see `_plan_for_run`), so a change made
    since the preview is not overwritten blindly; if the file no longer passes, nothing
    is written and the problems are returned. A file that
    deactivates more than IMPORT_MAX_DEACTIVATE_SHARE of active staff, or its uploader,
    is refused (`refused`) unless `allow_mass_deactivation` (HR's second confirmation).
    One import at a time: raises ImportBusy while another is being applied."""
    with transaction.atomic():
        import_lock(EMPLOYEES)
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status == ImportRun.Status.APPLIED:
            return ImportPreview(run=run, plan=ImportPlan())
        plan = _plan_for_run(run)
        if plan.problems:
            return ImportPreview(run=run, plan=plan)
        if plan.needs_second_confirmation(run.uploaded_by_id) and not allow_mass_deactivation:
            return ImportPreview(run=run, plan=plan, refused=True)
        outcome = apply_plan(plan)
        run.status = ImportRun.Status.APPLIED
        run.applied_at = timezone.now()
        run.created_count = len(outcome["created"])
        run.updated_count = outcome["updated"]
        run.deactivated_count = outcome["deactivated"]
        run.created_numbers = outcome["created"]
        run.content = b""
        run.content_sha256 = ""
        run.checked_rows = b""
        run.save()
        audit_record(
            action=AuditAction.STAFF_IMPORT,
            target=run.file_name,
            run=run.pk,
            created=run.created_count,
            updated=run.updated_count,
            deactivated=run.deactivated_count,
        )
        if outcome["created"]:
            employees_created.send(sender=ImportRun, employee_numbers=outcome["created"])
        if outcome["onboard_ids"] or outcome["moved_ids"] or outcome["established_ids"]:
            intent_record(
                "onboarding.build_checklists",
                outcome["onboard_ids"],
                outcome["moved_ids"],
                outcome["established_ids"],
                plan.today.isoformat(),
            )
    return ImportPreview(run=run, plan=plan)


def employees_deactivate_leavers(*, today: datetime.date | None = None) -> int:
    """Deactivate employees whose end date is in the past; returns how many. Their
    records and training history stay."""
    today = today or timezone.localdate()
    with transaction.atomic():
        leaving = Employee.objects.filter(active=True, end_date__lt=today)
        ids = dict(leaving.values_list("pk", "user_id"))
        count = Employee.objects.filter(pk__in=ids).update(active=False, updated_at=timezone.now())
        get_user_model().objects.filter(pk__in=ids.values()).update(is_active=False)
        if ids:
            employments_changed.send(sender=Employee, employee_ids=list(ids))
    return count


def import_runs_purge_stale(*, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Drop previews that were never applied: an uploaded staff file is personal data
    and is kept only as long as the preview needs it."""
    cutoff = timezone.now() - older_than
    deleted, _by_model = ImportRun.objects.filter(
        status=ImportRun.Status.PREVIEWED, created_at__lt=cutoff
    ).delete()
    return deleted


def employee_set_language(*, employee: Employee, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(language)
    employee.preferred_language = language
    employee.save(update_fields=["preferred_language", "updated_at"])


@dataclass
class OrgImportPreview:
    run: ImportRun | None
    plan: OrgPlan

    @property
    def problems(self) -> list[Problem]:
        return self.plan.problems

    @property
    def ok(self) -> bool:
        return not self.plan.problems


def org_import_preview(
    *, name: str, content: bytes, uploaded_by: User | None = None, keep: bool = True
) -> OrgImportPreview:
    """Check an org-tree file and work out what it would change; writes nothing but,
    when valid and `keep` is set, an ImportRun holding the file until it is applied."""
    plan = org_plan_for(name=name, content=content)
    run = None
    if keep and not plan.problems:
        run = ImportRun.objects.create(
            kind=ImportRun.Kind.ORG_UNITS,
            uploaded_by=uploaded_by,
            file_name=name[:255],
            content=content,
        )
    return OrgImportPreview(run=run, plan=plan)


def org_import_apply(*, run: ImportRun) -> OrgImportPreview:
    """Apply a previewed org-tree file, checked again against the tree as it is now;
    all or nothing. It shares the staff import's lock (both change units): raises
    ImportBusy while another import is being applied."""
    with transaction.atomic():
        import_lock(EMPLOYEES)
        run = ImportRun.objects.select_for_update().get(pk=run.pk, kind=ImportRun.Kind.ORG_UNITS)
        if run.status == ImportRun.Status.APPLIED:
            return OrgImportPreview(run=run, plan=OrgPlan())
        plan = org_plan_for(name=run.file_name, content=bytes(run.content))
        if plan.problems:
            return OrgImportPreview(run=run, plan=plan)
        outcome = apply_org_plan(plan)
        run.status = ImportRun.Status.APPLIED
        run.applied_at = timezone.now()
        run.created_count = outcome["created"]
        run.updated_count = outcome["updated"]
        run.deactivated_count = outcome["closed"]
        run.content = b""
        run.save()
        audit_record(
            action=AuditAction.ORG_IMPORT,
            target=run.file_name,
            run=run.pk,
            created=run.created_count,
            updated=run.updated_count,
            closed=run.deactivated_count,
        )
    return OrgImportPreview(run=run, plan=plan)
