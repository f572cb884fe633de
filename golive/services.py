"""Writes of the go-live page: the test email."""

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.utils.translation import gettext as _

from golive.models import TestEmail


def send_test_email(*, to: str, sent_by: User) -> TestEmail:
    """Send one plain message through the configured mail server and record whether it
    was accepted. A refusal is recorded with its reason, not raised."""
    message = EmailMessage(
        _("Hyteopas: testiviesti"),
        _(
            "Tämä on Hyteopaksen testiviesti. Jos sait sen, sähköposti toimii ja "
            "muistutukset pääsevät perille."
        ),
        to=[to],
        headers={
            "Message-ID": make_msgid(domain=settings.EMAIL_DOMAIN),
            "Auto-Submitted": "auto-generated",
        },
    )
    error = ""
    try:
        message.send()
    except Exception as exc:  # any mail server failure is shown to IT as it is
        error = f"{type(exc).__name__}: {exc}"[:500]
    return TestEmail.objects.create(sent_to=to, sent_by=sent_by, error=error)
