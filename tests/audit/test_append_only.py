"""The database refuses to change or remove audit entries; only entries past the
retention period go, through the one path the database allows (a nightly task)."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit import services
from audit.models import AuditAction, AuditEntry
from tasks.privacy import purge_expired_audit_entries

pytestmark = pytest.mark.django_db


def entry(years_ago: float = 0, target: str = "t") -> AuditEntry:
    return AuditEntry.objects.create(
        actor_name="Testi",
        action=AuditAction.EXPORT_CSV,
        target=target,
        created_at=timezone.now() - datetime.timedelta(days=365.25 * years_ago),
    )


def refused(statement) -> bool:
    try:
        with transaction.atomic():
            statement()
    except DatabaseError:
        return True
    return False


def test_update_is_refused_by_the_database():
    written = entry()
    written.target = "muutettu"
    assert refused(lambda: written.save())
    assert refused(lambda: AuditEntry.objects.filter(pk=written.pk).update(target="x"))

    def raw_update():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditentry SET actor_name = 'x'")

    assert refused(raw_update)
    assert AuditEntry.objects.get().target == "t"


def test_delete_is_refused_by_the_database_even_for_old_entries():
    written, old = entry(), entry(years_ago=7)
    assert refused(lambda: written.delete())
    assert refused(lambda: AuditEntry.objects.filter(pk=old.pk).delete())

    def raw_delete():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditentry")

    assert refused(raw_delete)
    assert AuditEntry.objects.count() == 2


def test_the_nightly_purge_removes_only_entries_past_the_retention_period(settings):
    settings.AUDIT_RETENTION_YEARS = 5
    entry(years_ago=4.9, target="kept")
    entry(years_ago=5.1, target="gone")
    entry(years_ago=9, target="gone too")
    assert purge_expired_audit_entries.delay().get() == 2
    assert list(AuditEntry.objects.values_list("target", flat=True)) == ["kept"]
    # The purge leaves nothing open behind it: a plain delete is refused again.
    old = entry(years_ago=8)
    assert refused(lambda: AuditEntry.objects.filter(pk=old.pk).delete())


def test_the_purge_never_goes_below_a_year():
    entry(years_ago=0.5)
    with pytest.raises(ValueError):
        services.purge_expired(years=0)
    if connection.vendor == "postgresql":
        assert refused(lambda: connection.cursor().execute("SELECT audit_purge_expired(0)"))
    assert AuditEntry.objects.count() == 1
