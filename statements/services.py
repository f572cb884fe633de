"""Writes of the statements app: storing accessibility feedback, telling the county's
accessibility contact, and marking feedback answered."""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from statements.conf import setting
from statements.models import AccessibilityFeedback

log = logging.getLogger(__name__)


def feedback_submit(
    *,
    message: str,
    page_address: str = "",
    name: str = "",
    email: str = "",
    language: str = "",
    sender=None,
) -> AccessibilityFeedback:
    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            message=message,
            page_address=page_address,
            name=name,
            email=email,
            language=language,
            sender=sender if sender is not None and sender.is_authenticated else None,
        )
        _enqueue_email(feedback_contact_email(feedback=feedback))
    return feedback


def feedback_contact_email(*, feedback: AccessibilityFeedback) -> EmailMessage:
    """The message to the accessibility contact, in Finnish (the county's language)."""
    with translation.override("fi"):
        subject = _("Saavutettavuuspalaute Hyteopasista (vastattava viimeistään %(date)s)") % {
            "date": f"{feedback.reply_due:%-d.%-m.%Y}"
        }
        lines = [
            _("Hyteopasiin on tullut saavutettavuuspalautetta."),
            "",
            feedback.message,
            "",
            _("Sivu: %(page)s") % {"page": feedback.page_address or "–"},
            _("Lähettäjä: %(name)s %(email)s") % {"name": feedback.name, "email": feedback.email},
            _("Vastattava viimeistään: %(date)s") % {"date": f"{feedback.reply_due:%-d.%-m.%Y}"},
        ]
    message = EmailMessage(
        subject=subject,
        body="\n".join(lines),
        to=[setting("ACCESSIBILITY_CONTACT_EMAIL")],
        reply_to=[feedback.email] if feedback.email else None,
        headers={"Auto-Submitted": "auto-generated"},
    )
    return message


def _enqueue_email(message: EmailMessage) -> None:
    """The one place this app sends mail: on commit, so stored feedback is never lost
    to a mail server that is down. To be pointed at the shared outbox
    (`notifications.services.outbox_enqueue_email`) once that is general."""

    def send() -> None:
        try:
            message.send()
        except OSError:
            log.exception("accessibility feedback mail not sent; the message is stored")

    transaction.on_commit(send)


def feedback_mark_answered(*, feedback: AccessibilityFeedback, user) -> AccessibilityFeedback:
    if feedback.answered_at is None:
        feedback.answered_at = timezone.now()
        feedback.answered_by = user
        feedback.save(update_fields=["answered_at", "answered_by"])
    return feedback
