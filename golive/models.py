"""What the go-live page remembers: the test emails sent from it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TestEmail(models.Model):
    __test__ = False  # not a test case
    sent_to = models.EmailField(_("vastaanottaja"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("testiviesti")
        verbose_name_plural = _("testiviestit")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.sent_to
