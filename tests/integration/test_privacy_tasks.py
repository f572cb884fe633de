"""The data-protection beat tasks through a real worker and real Redis on PostgreSQL:
pseudonymising people who left long ago, and purging audit entries past retention."""

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from people.models import Employee
from tasks.privacy import pseudonymise_leavers, purge_expired_audit_entries
from tests.factories import EmployeeFactory, make_unit
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_worker_pseudonymises_leavers_and_purges_old_audit_entries(celery_worker):
    unit = make_unit("U1", make_unit("HVA"))
    long_gone = EmployeeFactory(
        unit=unit, active=False, end_date=timezone.localdate() - datetime.timedelta(days=6 * 365)
    )
    AuditEntry.objects.create(
        actor_name="x",
        action=AuditAction.SIGN_IN,
        target="vanha",
        created_at=timezone.now() - datetime.timedelta(days=8 * 365),
    )
    pseudonymise_leavers.delay()
    purge_expired_audit_entries.delay()
    wait_for(
        lambda: Employee.objects.filter(
            pk=long_gone.pk, employee_number=f"X{long_gone.pk}"
        ).exists()
    )
    wait_for(lambda: not AuditEntry.objects.filter(target="vanha").exists())
    assert AuditEntry.objects.filter(action=AuditAction.PSEUDONYMISE).count() == 1
