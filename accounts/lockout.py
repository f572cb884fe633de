"""How django-axes names the account a failed sign-in was for."""


def username_from_request(request, credentials) -> str:
    """The typed user name as our backend reads it (trimmed, any case), so "Matti@X" and
    " matti@x" count against the same account."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username", "")
    return (username or "").strip().lower()


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page in the site layout and the person's language (429)."""
    import math

    from axes.helpers import get_cool_off
    from django.conf import settings
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "accounts/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def is_exempt(request, credentials) -> bool:
    """The OpenID Connect callback is not a guess at a password: a failure there (a
    person HR's import does not know) must not count against the address."""
    from django.urls import reverse

    return request is not None and request.path == reverse("accounts:oidc_callback")
