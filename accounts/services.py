"""Writes of the accounts app: password-reset requests and the reset mail."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import PasswordResetRequest
from intents.services import intent_record


def _email_digest(email: str) -> str:
    """A keyed digest of the email as typed, normalised: enough to count the requests
    for one email, without keeping the email."""
    return hmac.new(
        settings.SECRET_KEY.encode(), email.strip().lower().encode(), hashlib.sha256
    ).hexdigest()


def password_reset_request(*, email: str, ip_address: str, language: str) -> bool:
    """Record a reset request from `ip_address` and queue the mail for `email`; False,
    and nothing queued, when the address or the email has used up
    PASSWORD_RESET_REQUESTS_PER_HOUR (so one mailbox cannot be flooded from many
    addresses either).

    The answer never depends on whether the email belongs to anyone: the lookup and the
    sending happen in a task, so neither the reply nor its timing tells. The mail is not
    an outbox row: its link is a credential, kept out of the database; the task intent
    holds only the address typed in."""
    since = timezone.now() - timedelta(hours=1)
    digest = _email_digest(email)
    limit = settings.PASSWORD_RESET_REQUESTS_PER_HOUR
    with transaction.atomic():
        recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
        if (
            recent.filter(ip_address=ip_address).count() >= limit
            or recent.filter(email_digest=digest).count() >= limit
        ):
            return False
        PasswordResetRequest.objects.create(ip_address=ip_address, email_digest=digest)
        intent_record("accounts.send_password_reset", email, language)
    return True


def password_reset_send(*, email: str, language: str) -> int:
    """Send the reset mail to every active account with this email; how many."""
    users = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True)
    sent = 0
    for user in users:
        send_password_reset_mail(user=user, language=language)
        sent += 1
    return sent


def send_password_reset_mail(*, user: User, language: str) -> None:
    """Build and send one reset mail. Kept to this one function so delivery can move
    to the outbox without touching the request path."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "link": f"{settings.SITE_URL}{path}", "site_url": settings.SITE_URL}
    with translation.override(language):
        subject = render_to_string("accounts/email/password_reset_subject.txt", context).strip()
        text = render_to_string("accounts/email/password_reset.txt", context)
    headers = {
        "Message-ID": make_msgid(domain=settings.EMAIL_DOMAIN),
        "Auto-Submitted": "auto-generated",
    }
    EmailMultiAlternatives(subject, text, to=[user.email], headers=headers).send()


def password_reset_requests_purge(*, older_than_days: int = 7) -> int:
    """Forget reset requests older than the limit's window needs."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = PasswordResetRequest.objects.filter(requested_at__lt=cutoff).delete()
    return deleted
