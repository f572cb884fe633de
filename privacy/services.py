"""Writes of the privacy app: handing out one person's data (logged), and
pseudonymising people who left more than RETENTION_YEARS_AFTER_LEAVING years ago.

Pseudonymising replaces what names the person — first and last name, email, user name,
employee number — and closes the account for good; the unit, job role and the learning
history stay, so unit-level statistics do not change. Their notices (texts that may
name them) are removed. The audit log is left as it is: it is evidence, append-only,
and goes after AUDIT_RETENTION_YEARS by its own rule.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from audit.models import AuditAction
from audit.services import record as audit_record
from notifications.models import Notification
from people.models import Employee
from privacy import access
from reporting.filenames import export_filename

PSEUDONYM_PREFIX = "pseudonym-"
DEFAULT_RETENTION_YEARS_AFTER_LEAVING = 5


def person_data_export(
    *, actor: User, employee: Employee, file_format: str
) -> tuple[bytes, str, str]:
    """(content, file name, content type) of one person's data; the hand-over is logged."""
    if file_format == "json":
        content = access.person_data_json(employee=employee)
        content_type = "application/json"
    else:
        file_format = "xlsx"
        content = access.person_data_xlsx(employee=employee)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    audit_record(
        actor=actor,
        action=AuditAction.PERSON_DATA_EXPORT,
        target=str(employee),
        target_employee=employee,
        file_format=file_format,
        size=len(content),
    )
    name = export_filename(
        name=f"{gettext('henkilötiedot')} {employee.employee_number}", extension=file_format
    )
    return content, name, content_type


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def leavers_due(*, today: datetime.date | None = None) -> QuerySet[Employee]:
    """People who left more than RETENTION_YEARS_AFTER_LEAVING years ago and still have
    their names. Without an end date, the day their record last changed (when the
    import closed it) counts as leaving."""
    years = getattr(
        settings, "RETENTION_YEARS_AFTER_LEAVING", DEFAULT_RETENTION_YEARS_AFTER_LEAVING
    )
    cutoff = _years_before(today or timezone.localdate(), years)
    return (
        Employee.objects.filter(active=False)
        .filter(Q(end_date__lt=cutoff) | Q(end_date__isnull=True, updated_at__date__lt=cutoff))
        .exclude(user__username__startswith=PSEUDONYM_PREFIX)
    )


def employee_pseudonymise(*, employee_id: int) -> bool:
    """Safe to repeat: a row lock, and a person already pseudonymised is left alone."""
    with transaction.atomic():
        employee = (
            Employee.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=employee_id)
            .first()
        )
        if employee is None or employee.user.username.startswith(PSEUDONYM_PREFIX):
            return False
        user = employee.user
        pseudonym = f"#{employee.pk}"
        user.username = f"{PSEUDONYM_PREFIX}{user.pk}"
        user.first_name = ""
        user.last_name = pseudonym
        user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save(
            update_fields=["username", "first_name", "last_name", "email", "is_active", "password"]
        )
        Employee.objects.filter(pk=employee.pk).update(
            employee_number=f"X{employee.pk}", updated_at=timezone.now()
        )
        Notification.objects.filter(recipient_id=employee.pk).delete()
        audit_record(action=AuditAction.PSEUDONYMISE, target=pseudonym, target_employee=employee)
    return True


def leavers_pseudonymise(*, today: datetime.date | None = None) -> int:
    """Pseudonymise everyone due; returns how many."""
    done = 0
    for employee_id in leavers_due(today=today).values_list("pk", flat=True).iterator():
        done += employee_pseudonymise(employee_id=employee_id)
    return done
