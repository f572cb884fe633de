"""Reads of the audit log: the page HR reads, a certificate's verifications, and one
person's entries for their right-of-access file.

Query budget: `log_entries` is one query per page (plus the count); the others one each.
"""

from django.db.models import Q, QuerySet

from audit.models import AuditAction, AuditEntry


def log_entries(*, action: str = "", search: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if action in AuditAction.values:
        entries = entries.filter(action=action)
    if search:
        entries = entries.filter(Q(actor_name__icontains=search) | Q(target__icontains=search))
    return entries


def certificate_verification_count(*, code: str) -> int:
    return AuditEntry.objects.filter(action=AuditAction.VERIFY_CERTIFICATE, target=code).count()


def entries_about(*, user_id: int | None, employee_id: int | None) -> QuerySet[AuditEntry]:
    """Entries the person made or that concern them, oldest first."""
    condition = Q(pk__in=[])
    if user_id is not None:
        condition |= Q(actor_id=user_id)
    if employee_id is not None:
        condition |= Q(target_employee_id=employee_id)
    return AuditEntry.objects.filter(condition).order_by("created_at", "pk")
