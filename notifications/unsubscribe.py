"""The weekly digest's one-click stop (RFC 8058): a signed link per supervisor, sent
as `List-Unsubscribe` with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` and in
the digest's text. The link names the person and is signed with SECRET_KEY (Django's
signing), so nobody can stop someone else's digest; it does not expire, as a mail
program may keep the header for years."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "notifications.digest-unsubscribe"


def digest_unsubscribe_token(employee_id: int) -> str:
    return signing.dumps(employee_id, salt=SALT, compress=True)


def digest_unsubscribe_url(employee_id: int) -> str:
    path = reverse("notifications:digest_unsubscribe", args=[digest_unsubscribe_token(employee_id)])
    return f"{settings.SITE_URL}{path}"


def digest_unsubscribe_employee_id(token: str) -> int | None:
    """The employee id the token was made for, or None when it is not one of ours."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def digest_headers(employee_id: int) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{digest_unsubscribe_url(employee_id)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
