"""Content packages (SCORM 1.2, SCORM 2004, H5P) uploaded by trainers, and each
learner's attempt at one: the runtime data (CMI) the package last committed, kept
whole for resuming and read into columns for completion, statistics and xAPI
statements.

Packages know nothing of course pages: a lesson block points at a package, and the
courses app turns a finished attempt into a lesson completion."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from packages.archive import H5P, SCORM_12, SCORM_2004


class ContentPackage(models.Model):
    class Kind(models.TextChoices):
        SCORM_12 = SCORM_12, _("SCORM 1.2")
        SCORM_2004 = SCORM_2004, _("SCORM 2004")
        H5P = H5P, _("H5P")

    # Stable for the package's life, whatever its title or files: the key of its xAPI
    # activity id (/xapi/package/<key>).
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("nimi"), max_length=255)
    kind = models.CharField(_("tyyppi"), max_length=10, choices=Kind.choices, editable=False)
    launch = models.CharField(max_length=1000, editable=False, blank=True)
    folder = models.CharField(max_length=40, editable=False, unique=True)
    unpacked_bytes = models.BigIntegerField(default=0, editable=False)
    mastery_score = models.PositiveSmallIntegerField(
        _("hyväksymisraja (%)"),
        null=True,
        blank=True,
        help_text=_(
            "Jos paketti ilmoittaa pisteet mutta ei hyväksyntää, näin monta prosenttia "
            "vaaditaan. Tyhjä = paketin oma tila ratkaisee."
        ),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("sisältöpaketti")
        verbose_name_plural = _("sisältöpaketit")
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"

    @property
    def is_h5p(self) -> bool:
        return self.kind == H5P


class PackageAttempt(models.Model):
    """One learner's attempt at one package. `cmi` is the runtime data as the SCORM
    runtime last committed it (given back on the next visit, so the package resumes);
    the columns are read from it at each commit. An H5P result is stored in the same
    columns (score, completion and success from its xAPI statement)."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="package_attempts"
    )
    package = models.ForeignKey(ContentPackage, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(default=1)
    cmi = models.JSONField(default=dict, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    completion_status = models.CharField(max_length=20, blank=True)
    success_status = models.CharField(max_length=20, blank=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    session_time = models.CharField(max_length=40, blank=True)
    total_time = models.CharField(max_length=40, blank=True)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="0–100, read from the scaled or raw score"
    )
    commits = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "package", "number"], name="one_package_attempt_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.package_id} #{self.number}"

    def percent(self) -> int | None:
        """The score as 0–100: scaled, else raw within min–max, else a raw 0–100."""
        if self.score_scaled is not None:
            return round(max(0.0, min(1.0, self.score_scaled)) * 100)
        if self.score_raw is not None and self.score_max:
            low = self.score_min or 0.0
            span = self.score_max - low
            if span > 0:
                return round(max(0.0, min(1.0, (self.score_raw - low) / span)) * 100)
        if self.score_raw is not None and 0 <= self.score_raw <= 100:
            return round(self.score_raw)
        return None
