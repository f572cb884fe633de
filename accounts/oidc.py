"""Sign-in with the county's identity provider over OpenID Connect (Entra ID in
production), through mozilla-django-oidc.

What we add to the library, and why:
- **Discovery.** mozilla-django-oidc reads every endpoint from a setting. We read them
  from the provider's `/.well-known/openid-configuration` (under `OIDC_ISSUER`) the first
  time they are needed and keep them for the life of the process; an `OIDC_OP_*`
  variable that is set wins over the discovered value.
- **Token checks the library leaves out.** It checks the signature (RS256 against the
  provider's JWKS) and the nonce, but not the issuer, audience or expiry: we do.
- **Matching, never creating.** A person is found by one claim (`OIDC_MATCH_CLAIM`: the
  work email or the employee number) among the active, imported employees. Sign-in never
  creates anyone: only HR's import does. An unmatched person sees a page saying whom to
  contact.
- **Roles from groups.** `OIDC_GROUP_ROLES` maps the provider's group ids to our role
  groups; the mapped roles are added or removed at each sign-in, other roles are left
  as they are.
- **Signing out** ends the provider's session too (its `end_session_endpoint`).
"""

from __future__ import annotations

import functools
import logging
import time
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import absolutify, import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from people.models import Employee

logger = logging.getLogger(__name__)

UNMATCHED_SESSION_KEY = "accounts_oidc_unmatched"

# Our setting name → the provider metadata field it is discovered from.
DISCOVERED_SETTINGS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))


@functools.lru_cache(maxsize=4)
def _provider_metadata(issuer: str) -> dict:
    response = requests.get(
        f"{issuer.rstrip('/')}/.well-known/openid-configuration",
        timeout=import_from_settings("OIDC_TIMEOUT", 10),
        verify=import_from_settings("OIDC_VERIFY_SSL", True),
    )
    response.raise_for_status()
    metadata = response.json()
    if metadata.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
        raise SuspiciousOperation("The provider's metadata names another issuer.")
    return metadata


def provider_metadata() -> dict:
    return _provider_metadata(settings.OIDC_ISSUER)


def oidc_setting(attr: str, *default):
    """A setting for mozilla-django-oidc, endpoints discovered when not set."""
    if attr in DISCOVERED_SETTINGS and not getattr(settings, attr, None):
        value = provider_metadata().get(DISCOVERED_SETTINGS[attr])
        if value or not default:
            return value
        return default[0]
    return import_from_settings(attr, *default)


def group_roles() -> dict[str, str]:
    """`OIDC_GROUP_ROLES` ("group-id=role,group-id=role") as a dict."""
    mapping = {}
    for pair in getattr(settings, "OIDC_GROUP_ROLES", []):
        group_id, _, role = pair.partition("=")
        if group_id.strip() and role.strip():
            mapping[group_id.strip()] = role.strip()
    return mapping


class CountyOIDCBackend(OIDCAuthenticationBackend):
    """Finds the imported employee for the provider's claims; never creates one."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # The library resolves every endpoint here, and Django builds a backend for each
        # request of a signed-in person: endpoints are resolved when first used instead,
        # so a provider that is down never breaks pages of people already signed in.
        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):  # noqa: N802 - the library's attribute name
        return oidc_setting("OIDC_OP_TOKEN_ENDPOINT")

    @property
    def OIDC_OP_USER_ENDPOINT(self):  # noqa: N802
        return oidc_setting("OIDC_OP_USER_ENDPOINT", None)

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):  # noqa: N802
        return oidc_setting("OIDC_OP_JWKS_ENDPOINT")

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if "nonce" not in kwargs:
            # A signed userinfo answer: the ID token's own checks below do not apply.
            return payload
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss", "").rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
            raise SuspiciousOperation("The ID token comes from another issuer.")
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is meant for another client.")
        if float(payload.get("exp", 0)) < time.time() - 60:
            raise SuspiciousOperation("The ID token has expired.")
        return payload

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_MATCH_CLAIM))

    def describe_user_by_claims(self, claims):
        return f"{settings.OIDC_MATCH_CLAIM} {claims.get(settings.OIDC_MATCH_CLAIM)}"

    def filter_users_by_claims(self, claims):
        value = str(claims.get(settings.OIDC_MATCH_CLAIM) or "").strip()
        users = self.UserModel.objects.none()
        if value:
            employees = Employee.objects.filter(active=True, user__is_active=True)
            if settings.OIDC_MATCH_FIELD == "employee_number":
                employees = employees.filter(employee_number=value)
            else:
                employees = employees.filter(user__email__iexact=value)
            users = self.UserModel.objects.filter(pk__in=employees.values("user_id")[:2]).order_by(
                "pk"
            )
        if not users.exists():
            self.request.session[UNMATCHED_SESSION_KEY] = True
        return users

    def create_user(self, claims):
        # Only HR's import creates people.
        return None

    def update_user(self, user, claims):
        mapping = group_roles()
        if mapping:
            claimed = set(claims.get(settings.OIDC_GROUPS_CLAIM) or [])
            wanted = {role for group_id, role in mapping.items() if group_id in claimed}
            managed = set(mapping.values())
            with transaction.atomic():
                groups = {group.name: group for group in Group.objects.filter(name__in=managed)}
                current = set(user.groups.filter(name__in=managed).values_list("name", flat=True))
                to_add = [groups[name] for name in wanted - current if name in groups]
                to_remove = [groups[name] for name in current - wanted if name in groups]
                if to_add:
                    user.groups.add(*to_add)
                if to_remove:
                    user.groups.remove(*to_remove)
        return user

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint when there is one
        (Entra ID puts groups in the ID token only)."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims


def only_when_enabled(view):
    """Without OIDC_ISSUER there is no provider: the addresses answer 404, not 500 (the
    library's views read the provider's settings as soon as they are made). A provider
    that does not answer sends the person back to the sign-in page with a message."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except requests.RequestException:
            logger.warning("The identity provider did not answer", exc_info=True)
            messages.error(
                request,
                _(
                    "Organisaation kirjautumispalvelu ei vastaa juuri nyt. Yritä hetken "
                    "kuluttua uudelleen."
                ),
            )
            return redirect(settings.LOGIN_URL)

    return checked


class CountyOIDCRequestView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider with state, nonce and a PKCE challenge."""

    get_settings = staticmethod(oidc_setting)


class CountyOIDCCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        request.session.pop(UNMATCHED_SESSION_KEY, None)
        return super().get(request)


def provider_logout_url(request) -> str:
    """Where signing out sends the browser: the provider's end-session endpoint with the
    ID token as hint, coming back to our sign-in page; our own sign-in page when the
    person did not sign in through the provider."""
    local = reverse(settings.LOGOUT_REDIRECT_URL)
    id_token = request.session.get("oidc_id_token")
    endpoint = oidc_setting("OIDC_OP_LOGOUT_ENDPOINT", None) if oidc_enabled() else None
    if not id_token or not endpoint:
        return local
    query = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": absolutify(request, local),
            "client_id": settings.OIDC_RP_CLIENT_ID,
        }
    )
    return f"{endpoint}?{query}"
