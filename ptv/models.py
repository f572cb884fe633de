"""What the sync keeps from the national service catalogue (PTV): one row per service,
linked to the hyte activity it feeds, and one row per sync run.

Only what a referral needs is kept: names and descriptions in fi/sv/en, themes, service
locations with their address, opening hours and web page. Phone numbers and email
addresses are never stored, since a channel's may be a person's own.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PtvService(models.Model):
    guid = models.UUIDField(unique=True)
    activity = models.OneToOneField(
        "phrases.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ptv_service",
    )
    names = models.JSONField(default=dict)  # {"fi": …, "sv": …, "en": …}
    descriptions = models.JSONField(default=dict)
    organisation = models.CharField(max_length=200, blank=True)
    themes = models.JSONField(default=list)
    locations = models.JSONField(default=list)
    web_page = models.URLField(max_length=500, blank=True)
    publishing_status = models.CharField(max_length=20)
    modified = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    synced_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.names.get("fi") or self.names.get("sv") or str(self.guid)


class SyncRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Käynnissä")
        DONE = "done", _("Valmis")
        DONE_WITH_PROBLEMS = "problems", _("Valmis, ongelmia")
        FAILED = "failed", _("Epäonnistui")

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    since = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    fetched = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    retired = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.status}"
