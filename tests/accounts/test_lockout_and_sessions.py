"""Brute-force limits, password-reset requests, session limits, POST-only sign-out, the
admin's 403 instead of a loop, and error pages in the site layout."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import override_settings

from accounts.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY
from accounts.models import PasswordResetRequest
from people import roles
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "salasana-testi"
LIMIT = 3


@pytest.fixture
def nurse():
    return EmployeeFactory(user__email="hoitaja@hva.example", language="fi")


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/kirjaudu/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_account_locks_after_the_configured_failures_from_any_address(client, nurse):
    for attempt in range(LIMIT - 1):
        response = sign_in(client, "hoitaja@hva.example", "väärä", f"10.0.1.{attempt}")
        assert response.status_code == 200
    # The last allowed failure locks; then even the right password is refused, from
    # another address and with the user name in another case.
    response = sign_in(client, "hoitaja@hva.example", "väärä", "10.0.1.99")
    assert response.status_code == 429
    response = sign_in(client, " HOITAJA@hva.example", PASSWORD, "10.0.2.1")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Kirjautuminen on estetty hetkeksi" in page
    assert '<html lang="fi">' in page
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_address_locks_after_the_configured_failures_over_many_accounts(client, nurse):
    for number in range(LIMIT):
        sign_in(client, f"{10001 + number}", "väärä", "10.0.3.3")
    response = sign_in(client, nurse.employee_number, PASSWORD, "10.0.3.3")
    assert response.status_code == 429
    # Another address still signs the same person in.
    response = sign_in(client, nurse.employee_number, PASSWORD, "10.0.3.4")
    assert response.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_lockout_message_in_swedish(client, nurse):
    client.cookies["hyteopas_language"] = "sv"
    for _ in range(LIMIT):
        response = sign_in(client, "hoitaja@hva.example", "väärä")
    assert response.status_code == 429
    assert '<html lang="sv">' in response.content.decode()
    assert "Kirjautuminen on estetty hetkeksi" not in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=LIMIT, AXES_COOLOFF_TIME=0.5)
def test_lock_lifts_after_the_cool_off(client, nurse):
    for _ in range(LIMIT):
        sign_in(client, "hoitaja@hva.example", "väärä")
    assert sign_in(client, "hoitaja@hva.example", PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time.replace(year=2020)
    )
    assert sign_in(client, "hoitaja@hva.example", PASSWORD).status_code == 302


def test_default_limit_counts(client, nurse, settings):
    """Measures how many failures the default settings allow before the lockout."""
    failures = 0
    while sign_in(client, "hoitaja@hva.example", "väärä").status_code == 200:
        failures += 1
        assert failures < 100
    assert failures == settings.AXES_FAILURE_LIMIT - 1
    print(f"\nfailures answered normally before lockout: {failures}")


@override_settings(PASSWORD_RESET_REQUESTS_PER_HOUR=2)
def test_password_reset_requests_are_limited_per_address_and_mailed_from_a_task(
    client, nurse, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/salasana/unohtui/", {"email": "hoitaja@hva.example"}, REMOTE_ADDR="10.0.4.1"
            )
        assert response.status_code == 200
    assert len(mail.outbox) == 2
    assert "/salasana/" in mail.outbox[0].body
    response = client.post(
        "/salasana/unohtui/", {"email": "hoitaja@hva.example"}, REMOTE_ADDR="10.0.4.1"
    )
    assert response.status_code == 429
    assert len(mail.outbox) == 2
    # Another address may still ask; an unknown email gets the same answer and no mail.
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(
            "/salasana/unohtui/", {"email": "ei.ole@hva.example"}, REMOTE_ADDR="10.0.4.2"
        )
    assert unknown.status_code == 200
    assert len(mail.outbox) == 2
    assert PasswordResetRequest.objects.count() == 3


@override_settings(PASSWORD_RESET_REQUESTS_PER_HOUR=2)
def test_password_reset_mails_to_one_email_are_limited_from_any_address(
    client, nurse, django_capture_on_commit_callbacks
):
    for number in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/salasana/unohtui/",
                {"email": " Hoitaja@HVA.example "},
                REMOTE_ADDR=f"10.0.5.{number}",
            )
    assert len(mail.outbox) == 2
    assert response.status_code == 429
    # The email itself is never stored, only a keyed digest of it.
    assert not PasswordResetRequest.objects.filter(email_digest__icontains="hoitaja").exists()


def test_reset_request_page_answers_the_same_for_known_and_unknown(client, nurse):
    known = client.post("/salasana/unohtui/", {"email": "hoitaja@hva.example"})
    unknown = client.post("/salasana/unohtui/", {"email": "ei.ole@hva.example"})

    def without_tokens(response):
        return re.sub(rb'(value|nonce)="[^"]{16,}"', b"", response.content)

    assert without_tokens(known) == without_tokens(unknown)


# --- Sessions ---------------------------------------------------------------------------


def age_session(client, *, started_ago=0, seen_ago=0):
    session = client.session
    now = int(time.time())
    session[SESSION_STARTED_KEY] = now - started_ago
    session[SESSION_SEEN_KEY] = now - seen_ago
    session.save()


@override_settings(SESSION_IDLE_SECONDS=600, SESSION_MAX_SECONDS=3600)
def test_session_ends_after_inactivity(client, nurse):
    client.force_login(nurse.user)
    age_session(client, started_ago=700, seen_ago=500)
    assert client.get("/").status_code == 200
    age_session(client, started_ago=1300, seen_ago=601)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/kirjaudu/")
    assert "_auth_user_id" not in client.session


@override_settings(SESSION_IDLE_SECONDS=600, SESSION_MAX_SECONDS=3600)
def test_session_ends_at_the_absolute_limit_however_active(client, nurse):
    client.force_login(nurse.user)
    age_session(client, started_ago=3601, seen_ago=1)
    response = client.get("/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_server_session_expires_with_the_inactivity_limit(client, nurse, settings):
    sign_in(client, nurse.employee_number, PASSWORD)
    client.get("/")
    stored = Session.objects.get(session_key=client.session.session_key)
    remaining = stored.expire_date.timestamp() - time.time()
    assert settings.SESSION_IDLE_SECONDS - 120 < remaining <= settings.SESSION_IDLE_SECONDS
    assert settings.SESSION_IDLE_SECONDS == 8 * 60 * 60


@pytest.mark.parametrize("path", ["/kirjaudu-ulos/", "/admin/logout/"])
def test_sign_out_only_by_post_and_it_ends_the_server_session(client, nurse, path):
    client.force_login(nurse.user)
    key = client.session.session_key
    response = client.get(path)
    assert response.status_code == 405
    # Nothing changed: the server session and the browser's cookie both still work.
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/opinnot/").status_code == 200

    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == "/kirjaudu/"
    assert not Session.objects.filter(session_key=key).exists()


# --- 403 instead of a loop; error pages ---------------------------------------------------


def test_employee_opening_the_admin_gets_the_403_page_not_a_loop(client, nurse):
    nurse.user.groups.add(Group.objects.get(name=roles.EMPLOYEE))
    client.force_login(nurse.user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 1
    page = response.content.decode()
    assert "Ei käyttöoikeutta" in page
    assert 'class="site-header"' in page


def test_signed_in_person_on_the_sign_in_page_goes_home(client, nurse):
    client.force_login(nurse.user)
    response = client.get("/kirjaudu/")
    assert response.status_code == 302 and response["Location"] == "/"


def test_404_in_the_site_layout_and_the_persons_language(client, nurse):
    nurse.preferred_language = "sv"
    nurse.save()
    client.force_login(nurse.user)
    response = client.get("/ei-ole-tallaista-sivua/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="sv">' in page and 'class="site-header"' in page


def test_500_in_the_site_layout(client):
    from accounts.views import server_error

    response = server_error(client.get("/kirjaudu/").wsgi_request)
    page = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header"' in page and "Jokin meni vikaan" in page
