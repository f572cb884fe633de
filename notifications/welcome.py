"""The two kinds of email notifications composes itself besides the reminders: the
welcome to a new employee (with a link to set their password, made when it is sent so
it is fresh) and the one-off email whose text its caller wrote (`outbox.enqueue_email`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language

from notifications import kinds
from notifications.messages import ReminderText
from notifications.models import SubjectKind


def _nothing(rows) -> None:
    return None


def compose_welcome(row, _loaded) -> kinds.Composed | None:
    employee = row.recipient
    user = employee.user
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "employee": employee,
        "link": f"{settings.SITE_URL}{path}",
        "site_url": settings.SITE_URL,
        "language": get_language() or settings.LANGUAGE_CODE,
    }
    subject = render_to_string("people/email/welcome_subject.txt", context).strip()
    message = EmailMultiAlternatives(
        subject, render_to_string("people/email/welcome.txt", context), to=[user.email]
    )
    message.attach_alternative(render_to_string("people/email/welcome.html", context), "text/html")
    return kinds.Composed(
        text=ReminderText(title=subject, intro="", path=path), notice=False, email=message
    )


def compose_email(row, _loaded) -> kinds.Composed | None:
    payload = row.payload or {}
    subject = payload.get("subject", "")
    message = EmailMultiAlternatives(subject, payload.get("body", ""), to=[])
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    return kinds.Composed(
        text=ReminderText(title=subject, intro="", path=""), notice=False, email=message
    )


kinds.register([SubjectKind.WELCOME], load=_nothing, compose=compose_welcome)
kinds.register([SubjectKind.EMAIL], load=_nothing, compose=compose_email)
