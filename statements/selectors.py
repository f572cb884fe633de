"""Reads for the statements pages."""

from django.db.models import QuerySet

from statements.models import AccessibilityFeedback


def open_feedback() -> QuerySet[AccessibilityFeedback]:
    """Unanswered feedback, oldest (so nearest its deadline) first; one query."""
    return AccessibilityFeedback.objects.filter(answered_at__isnull=True).order_by(
        "created_at", "pk"
    )
