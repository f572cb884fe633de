"""One row per piece of follow-up work: the Celery task's name and its arguments."""

from django.db import models
from django.utils import timezone


class TaskIntent(models.Model):
    task = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the broker accepted the message; null while the work waits.
    handed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["id"],
                name="intent_waiting_idx",
                condition=models.Q(handed_at__isnull=True),
            ),
            models.Index(fields=["handed_at"], name="intent_handed_idx"),
        ]

    def __str__(self) -> str:
        state = "handed" if self.handed_at else "waiting"
        return f"{self.task}{tuple(self.args)} ({state})"
