"""Signing in with the organisation's identity through a real OpenID Provider process
(oidc-provider on Node, on 127.0.0.1): authorization code with PKCE, state and nonce,
RS256 ID tokens checked against the provider's keys, matching to imported employees,
the contact page for people HR's import does not know, and signing out of both."""

import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.utils import translation
from django.utils.translation import gettext

from accounts.oidc import _provider_metadata
from people import roles
from people.models import Employee
from tests.e2e.oidc_provider import start_provider

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOGOUT_BUTTON = "form[action='/kirjaudu-ulos/'] button"
TRAINER_GROUP_ID = "3f1c2a9e-kouluttajat"
UNKNOWN_EMAIL = "ei.tuoduissa@jarvilaakso.example"


def translated(language: str, message: str, **params) -> str:
    with translation.override(language):
        text = gettext(message)
    return text % params if params else text


@pytest.fixture
def swedish_speaker(demo_county) -> Employee:
    employee = (
        Employee.objects.select_related("user")
        .filter(active=True, language="sv", preferred_language="")
        .exclude(user__groups__name=roles.TRAINER)
        .order_by("employee_number")
        .first()
    )
    assert employee is not None
    return employee


@pytest.fixture
def provider(live_server, swedish_speaker, settings):
    running = start_provider(
        site_url=live_server.url,
        accounts={
            "ruotsinkielinen": {
                "email": swedish_speaker.user.email.upper(),
                "groups": [TRAINER_GROUP_ID, "some-other-group"],
            },
            "tuntematon": {"email": UNKNOWN_EMAIL, "groups": [TRAINER_GROUP_ID]},
        },
    )
    settings.OIDC_ISSUER = running.issuer
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = running.client_id
    settings.OIDC_RP_CLIENT_SECRET = running.client_secret
    settings.OIDC_GROUP_ROLES = [f"{TRAINER_GROUP_ID}={roles.TRAINER}"]
    settings.OIDC_UNMATCHED_CONTACT = "HR-palvelut, puh. 012 345 678"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "accounts.oidc.CountyOIDCBackend",
    ]
    _provider_metadata.cache_clear()
    yield running
    running.stop()
    _provider_metadata.cache_clear()


def signed_in_user_ids() -> set[str]:
    return {
        session.get_decoded().get("_auth_user_id")
        for session in Session.objects.all()
        if session.get_decoded().get("_auth_user_id")
    }


def sign_in_at_provider(page, login: str) -> float:
    """From our sign-in page through the provider's login form; seconds it took."""
    page.goto("/kirjaudu/")
    started = time.monotonic()
    page.get_by_role("link", name="Kirjaudu organisaation tunnuksella").click()
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any-password")
    page.get_by_role("button", name="Sign-in").click()
    page.wait_for_load_state("load")
    return started


def test_matched_person_lands_home_in_their_language_and_signs_out_of_both(
    page, live_server, provider, swedish_speaker
):
    users_before = get_user_model().objects.count()
    started = sign_in_at_provider(page, "ruotsinkielinen")
    page.wait_for_url(f"{live_server.url}/")
    elapsed = time.monotonic() - started
    print(f"\nOIDC sign-in in the browser: {elapsed:.2f} s")

    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == translated(
        "sv", "Tervetuloa, %(name)s", name=swedish_speaker.user.first_name
    )
    assert get_user_model().objects.count() == users_before
    assert signed_in_user_ids() == {str(swedish_speaker.user_id)}
    # The provider's group gave the trainer role; groups not in the table give nothing.
    assert swedish_speaker.user.groups.filter(name=roles.TRAINER).exists()
    assert Group.objects.filter(name=roles.TRAINER).exists()

    # Signing out goes through the provider's end-session page and back to ours.
    page.locator(LOGOUT_BUTTON).click()
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(f"{live_server.url}/kirjaudu/")
    page.goto("/")
    assert page.locator(LOGOUT_BUTTON).count() == 0
    assert not signed_in_user_ids()

    # The provider's session is over too: it asks for the login again.
    page.goto("/kirjaudu/")
    page.get_by_role("link", name="Kirjaudu organisaation tunnuksella").click()
    page.locator("input[name=login]").wait_for()
    assert page.url.startswith(provider.issuer)


def test_unmatched_person_sees_whom_to_contact_and_nobody_is_created(page, live_server, provider):
    users_before = get_user_model().objects.count()
    sign_in_at_provider(page, "tuntematon")
    page.wait_for_url(f"{live_server.url}/kirjaudu/ei-tunnusta/")
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("h1").inner_text() == "Tunnustasi ei löydy Hyteoppaasta"
    assert "HR-palvelut, puh. 012 345 678" in page.locator("main").inner_text()
    assert get_user_model().objects.count() == users_before
    assert not get_user_model().objects.filter(email__iexact=UNKNOWN_EMAIL).exists()
    # Not a password guess: nothing counts towards locking the address.
    assert not AccessAttempt.objects.exists()
    page.goto("/")
    assert page.locator(LOGOUT_BUTTON).count() == 0
    assert not signed_in_user_ids()


def test_password_form_can_be_switched_off(page, provider, settings):
    settings.LOCAL_PASSWORD_LOGIN = False
    page.goto("/kirjaudu/")
    assert page.get_by_role("link", name="Kirjaudu organisaation tunnuksella").is_visible()
    assert page.locator("input[type=password]").count() == 0
