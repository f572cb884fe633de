"""One row per xAPI statement waiting for, or delivered to, the learning record store."""

import uuid

from django.db import models
from django.utils import timezone


class StatementStatus(models.TextChoices):
    PENDING = "pending", "pending"
    SENDING = "sending", "sending"
    SENT = "sent", "sent"
    FAILED = "failed", "failed"  # refused by the LRS as invalid: never sent again


class Statement(models.Model):
    statement_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    # The whole statement as sent, fixed when recorded: a resend is the same statement.
    statement = models.JSONField()
    status = models.CharField(
        max_length=10, choices=StatementStatus.choices, default=StatementStatus.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    # A pending row is not tried again before this (backoff after a failed try).
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                name="xapi_pending_idx",
                condition=models.Q(status="pending"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} ({self.status})"
