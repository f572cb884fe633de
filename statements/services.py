"""Writes of the statements app: storing accessibility feedback, telling the county's
accessibility contact, and marking feedback answered."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from notifications.services import outbox_enqueue_email
from statements.conf import setting
from statements.models import AccessibilityFeedback


def feedback_submit(
    *,
    message: str,
    page_address: str = "",
    name: str = "",
    email: str = "",
    language: str = "",
    sender: User | None = None,
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
        _enqueue_email(feedback)
    return feedback


def feedback_contact_email(*, feedback: AccessibilityFeedback) -> tuple[str, str]:
    """(subject, body) of the message to the accessibility contact, in Finnish (the
    county's language). The sender's address is in the body to reply to."""
    with translation.override("fi"):
        due = f"{feedback.reply_due:%-d.%-m.%Y}"
        subject = _("Saavutettavuuspalaute Hyteopasista (vastattava viimeistään %(date)s)") % {
            "date": due
        }
        lines = [
            _("Hyteopasiin on tullut saavutettavuuspalautetta."),
            "",
            feedback.message,
            "",
            _("Sivu: %(page)s") % {"page": feedback.page_address or "–"},
            _("Lähettäjä: %(name)s %(email)s") % {"name": feedback.name, "email": feedback.email},
            _("Vastattava viimeistään: %(date)s") % {"date": due},
        ]
    return subject, "\n".join(lines)


def _enqueue_email(feedback: AccessibilityFeedback) -> None:
    """Through the one outbox, in the transaction that stores the feedback: a mail
    server that is down delays the mail and never loses it."""
    subject, body = feedback_contact_email(feedback=feedback)
    outbox_enqueue_email(
        key=f"accessibility-feedback-{feedback.pk}",
        subject=subject,
        body=body,
        address=setting("ACCESSIBILITY_CONTACT_EMAIL"),
        language="fi",
        subject_id=feedback.pk,
    )


def feedback_mark_answered(*, feedback: AccessibilityFeedback, user: User) -> AccessibilityFeedback:
    if feedback.answered_at is None:
        feedback.answered_at = timezone.now()
        feedback.answered_by = user
        feedback.save(update_fields=["answered_at", "answered_by"])
    return feedback
