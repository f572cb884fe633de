"""Supervision and county reporting: export jobs and the per-unit completion totals
the county report reads. (The audit log they write to is the `audit` app.)

`ExportJob` is one spreadsheet built by a Celery task into a file under EXPORT_ROOT,
a private folder.
`UnitCompletionTotal` holds, per unit where people work and per course, how many
people the course is required of and how many hold a valid completion, refreshed by a
beat task so the county report never counts 30,000 people in a request.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportJob(models.Model):
    class Kind(models.TextChoices):
        TEAM = "team", _("Tiimin tilanne")
        COMPLETIONS = "completions", _("Suoritukset")
        COUNTY = "county", _("Suoritukset yksiköittäin")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Jonossa")
        RUNNING = "running", _("Käynnissä")
        DONE = "done", _("Valmis")
        FAILED = "failed", _("Epäonnistui")

    # In the download address instead of the number, so addresses cannot be guessed.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    file_format = models.CharField(max_length=4, default="xlsx")
    parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    rows_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Moved on whenever the job makes progress (queued, rows written); a running job
    # whose heartbeat is older than EXPORT_STALL_MINUTES has lost its worker.
    heartbeat_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_format} ({self.status})"

    @property
    def work_folder(self) -> Path:
        """The job's own temporary folder (the .part file and openpyxl's worksheets),
        removed when the job finishes, fails or is found stalled."""
        return Path(settings.EXPORT_ROOT) / "tmp" / str(self.token)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, round(100 * self.rows_done / self.rows_total))

    @property
    def path(self):
        return Path(settings.EXPORT_ROOT) / self.file_name if self.file_name else None


class UnitCompletionTotal(models.Model):
    """People in `unit` itself (not its sub-units) required to take `course`, and how
    many of them hold a valid completion. `course` empty = all mandatory training
    (person–course pairs)."""

    unit = models.ForeignKey("people.OrgUnit", on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    required = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "course"], name="one_total_per_unit_course"),
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(course__isnull=True),
                name="one_mandatory_total_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.course_id}: {self.completed}/{self.required}"
