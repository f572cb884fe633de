"""Writes about people: the HR import and the welcome messages that follow it."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from people.hr_import.applying import apply_plan
from people.hr_import.org_units import OrgPlan, apply_org_plan, org_plan_for
from people.hr_import.reading import FileRejected, Problem, read_rows
from people.hr_import.validation import ImportPlan, build_plan
from people.models import Employee, ImportRun


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
    def forecast(self):
        from people.hr_import.forecast import forecast

        return forecast(self.plan)


def _plan_for(*, name: str, content: bytes) -> ImportPlan:
    try:
        read = read_rows(name=name, content=content)
    except FileRejected as rejected:
        return ImportPlan(problems=[rejected.problem])
    if read.problems:
        return ImportPlan(problems=read.problems)
    return build_plan(read.rows)


def employee_import_preview(
    *, name: str, content: bytes, uploaded_by=None, keep: bool = True
) -> ImportPreview:
    """Check a file and work out what it would change. Writes nothing but, when the
    file is valid and `keep` is set, an ImportRun holding the file until it is applied."""
    plan = _plan_for(name=name, content=content)
    run = None
    if keep and not plan.problems:
        run = ImportRun.objects.create(
            uploaded_by=uploaded_by, file_name=name[:255], content=content
        )
    return ImportPreview(run=run, plan=plan)


def employee_import_apply(
    *, run: ImportRun, allow_mass_deactivation: bool = False
) -> ImportPreview:
    """Apply a previewed file. The plan is worked out again against the database as it
    is now, so a change made since the preview is not overwritten blindly; if the file
    no longer passes, nothing is written and the problems are returned. A file that
    deactivates more than IMPORT_MAX_DEACTIVATE_SHARE of active staff, or its uploader,
    is refused (`refused`) unless `allow_mass_deactivation` (HR's second confirmation)."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status == ImportRun.Status.APPLIED:
            return ImportPreview(run=run, plan=ImportPlan())
        plan = _plan_for(name=run.file_name, content=bytes(run.content))
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
        run.save()
        from tasks.onboarding import build_checklists
        from tasks.people import send_welcome_messages

        run_id = run.pk
        if outcome["created"]:
            transaction.on_commit(lambda: send_welcome_messages.delay(run_id))
        if outcome["onboard_ids"] or outcome["moved_ids"] or outcome["established_ids"]:
            ids = (outcome["onboard_ids"], outcome["moved_ids"], outcome["established_ids"])
            day = plan.today.isoformat()
            transaction.on_commit(lambda: build_checklists.delay(*ids, day))
    return ImportPreview(run=run, plan=plan)


def employees_send_welcome(*, import_run_id: int) -> int:
    """Send each active employee created by the run a welcome email, in their own
    language, with a link to set their password. Safe to repeat: a row lock and
    `welcome_sent_at` make sure each person gets it once."""
    run = ImportRun.objects.filter(pk=import_run_id).first()
    if run is None or not run.created_numbers:
        return 0
    sent = 0
    with transaction.atomic():
        recipients = (
            Employee.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(
                employee_number__in=run.created_numbers,
                welcome_sent_at__isnull=True,
                active=True,
            )
        )
        for employee in recipients:
            _send_welcome(employee)
            employee.welcome_sent_at = timezone.now()
            employee.save(update_fields=["welcome_sent_at"])
            sent += 1
    return sent


def _send_welcome(employee: Employee) -> None:
    user = employee.user
    if not user.email:
        return
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "employee": employee,
        "link": f"{settings.SITE_URL}{path}",
        "site_url": settings.SITE_URL,
    }
    with translation.override(employee.ui_language):
        subject = render_to_string("people/email/welcome_subject.txt", context).strip()
        text = render_to_string("people/email/welcome.txt", context)
        html = render_to_string("people/email/welcome.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()


def employees_deactivate_leavers(*, today=None) -> int:
    """Deactivate employees whose end date is in the past; returns how many. Their
    records and training history stay."""
    today = today or timezone.localdate()
    with transaction.atomic():
        leaving = Employee.objects.filter(active=True, end_date__lt=today)
        user_ids = list(leaving.values_list("user_id", flat=True))
        count = leaving.update(active=False, updated_at=timezone.now())
        get_user_model().objects.filter(pk__in=user_ids).update(is_active=False)
    return count


def import_runs_purge_stale(*, older_than=datetime.timedelta(days=1)) -> int:
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
    *, name: str, content: bytes, uploaded_by=None, keep: bool = True
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
    all or nothing."""
    with transaction.atomic():
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
    return OrgImportPreview(run=run, plan=plan)
