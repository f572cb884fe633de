"""Middleware every request passes: the Content-Security-Policy (with Wagtail's admin
allowances) and Permissions-Policy headers, the guard against odd query strings, and the
session's inactivity and absolute limits."""

from __future__ import annotations

import time
import unicodedata
from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest

SESSION_STARTED_KEY = "accounts_started_at"
SESSION_SEEN_KEY = "accounts_seen_at"
# A request refreshes the "last seen" time at most this often, so an active person's
# session row is not rewritten on every request.
SEEN_RESOLUTION_SECONDS = 60
# Longer query values than this are refused: no search or filter of ours needs them.
QUERY_VALUE_MAX_CHARS = 2000
ADMIN_PREFIX = "/admin/"

# Wagtail's admin still runs inline scripts and style attributes of its own; it gets
# them, without a nonce (a nonce would make browsers ignore 'unsafe-inline'). The site
# itself never allows inline scripts.
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}


class AdminAwareCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's allowances under /admin/."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if settings.OIDC_ENABLED and not report_only:
            # Signing out posts a form whose answer redirects to the provider.
            form_action = _origins(settings.OIDC_ISSUER, settings.OIDC_OP_LOGOUT_ENDPOINT)
            parts.update = {**(parts.update or {}), "form-action": form_action}
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            parts.replace = {**(parts.replace or {}), **ADMIN_POLICY}
            parts.nonce = None
        return parts


def _origins(*urls: str) -> list[str]:
    origins = []
    for url in urls:
        parsed = urlsplit(url)
        if parsed.scheme and parsed.netloc:
            origin = f"{parsed.scheme}://{parsed.netloc}"
            if origin not in origins:
                origins.append(origin)
    return origins


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (camera, microphone, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _is_odd(text: str) -> bool:
    if len(text) > QUERY_VALUE_MAX_CHARS:
        return True
    for char in text:
        category = unicodedata.category(char)
        # Cc: control characters (NUL included; PostgreSQL refuses NUL in text);
        # Cs: lone surrogates, which cannot be encoded. Tab and newlines are kept.
        if (category == "Cc" and char not in "\t\n\r") or category == "Cs":
            return True
    return False


class QueryStringGuardMiddleware:
    """Answers 400 to a query string with control characters (NUL), lone surrogates or
    very long values, before any view passes them to the database. Bidirectional
    overrides and other printable oddities are left to the views: they are only text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if _is_odd(key) or any(_is_odd(value) for value in values):
                raise BadRequest("Odd characters in the query string.")
        return self.get_response(request)


class SessionLimitsMiddleware:
    """Signs a person out after SESSION_IDLE_SECONDS without a request, and at the latest
    SESSION_MAX_SECONDS after signing in. The server-side session row expires with the
    inactivity limit too, so a stolen cookie is no good after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.get(SESSION_STARTED_KEY)
            seen = session.get(SESSION_SEEN_KEY)
            if started is None:
                started = now
                session[SESSION_STARTED_KEY] = now
            idle_for = now - seen if seen is not None else 0
            if now - started > settings.SESSION_MAX_SECONDS or (
                idle_for > settings.SESSION_IDLE_SECONDS
            ):
                logout(request)
                return redirect_to_login(request.get_full_path())
            if seen is None or idle_for >= SEEN_RESOLUTION_SECONDS:
                session[SESSION_SEEN_KEY] = now
                session.set_expiry(settings.SESSION_IDLE_SECONDS)
        return self.get_response(request)
