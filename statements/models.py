"""Feedback on accessibility: each message is kept until it is answered, which the law
expects within 14 days (Act 306/2019, section 15)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

REPLY_DAYS = 14


class AccessibilityFeedback(models.Model):
    message = models.TextField(_("palaute"), max_length=5000)
    page_address = models.CharField(_("sivu, jota palaute koskee"), max_length=500, blank=True)
    name = models.CharField(_("nimi"), max_length=200, blank=True)
    email = models.EmailField(_("sähköposti vastausta varten"), blank=True)
    language = models.CharField(max_length=8, blank=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("saavutettavuuspalaute")
        verbose_name_plural = _("saavutettavuuspalautteet")
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(answered_at__isnull=True),
                name="statements_feedback_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.message[:40]}"

    @property
    def reply_due(self) -> datetime.date:
        return (self.created_at + datetime.timedelta(days=REPLY_DAYS)).date()
