"""What the accounts app stores: password-reset requests by address, for their limit."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PasswordResetRequest(models.Model):
    """One password-reset request: only the address and time, to limit requests per
    address. The email typed is not stored."""

    ip_address = models.GenericIPAddressField(_("osoite"))
    requested_at = models.DateTimeField(_("pyydetty"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("salasanan vaihtopyyntö")
        verbose_name_plural = _("salasanan vaihtopyynnöt")
        indexes = [models.Index(fields=["ip_address", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.ip_address} {self.requested_at:%Y-%m-%d %H:%M}"
