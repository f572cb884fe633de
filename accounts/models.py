"""What the accounts app stores: password-reset requests by address, for their limit."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PasswordResetRequest(models.Model):
    """One password-reset request: the address, a keyed digest of the email typed and
    the time, to limit requests per address and mails per email. The email typed is
    not stored."""

    ip_address = models.GenericIPAddressField(_("osoite"))
    email_digest = models.CharField(max_length=64, blank=True, db_index=True)
    requested_at = models.DateTimeField(_("pyydetty"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("salasanan vaihtopyyntö")
        verbose_name_plural = _("salasanan vaihtopyynnöt")
        indexes = [models.Index(fields=["ip_address", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.ip_address} {self.requested_at:%Y-%m-%d %H:%M}"
