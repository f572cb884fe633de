"""Signing in and the language people see."""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from people import roles
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "salasana-testi"


@pytest.fixture
def nurse():
    return EmployeeFactory(user__email="Hoitaja@HVA.example", language="fi")


def test_sign_in_with_email_in_any_case_or_employee_number(client, nurse):
    for identifier in ("hoitaja@hva.example", nurse.employee_number):
        client.logout()
        response = client.post("/kirjaudu/", {"username": identifier, "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/"


def test_wrong_password_says_so_in_finnish_and_keeps_the_name(client, nurse):
    response = client.post("/kirjaudu/", {"username": "hoitaja@hva.example", "password": "väärä"})
    page = response.content.decode()
    assert "Sähköposti, henkilönumero tai salasana on väärin." in page
    assert 'value="hoitaja@hva.example"' in page


def test_a_person_who_left_cannot_sign_in(client, nurse):
    nurse.user.is_active = False
    nurse.user.save()
    response = client.post("/kirjaudu/", {"username": nurse.employee_number, "password": PASSWORD})
    assert response.status_code == 200


def test_sign_in_page_is_finnish_by_default_and_follows_the_browser(client):
    assert '<html lang="fi">' in client.get("/kirjaudu/").content.decode()
    page = client.get("/kirjaudu/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9").content.decode()
    assert '<html lang="sv">' in page
    page = client.get("/kirjaudu/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").content.decode()
    assert '<html lang="fi">' in page


def test_language_switch_on_the_sign_in_page_is_one_click(client):
    response = client.post("/kieli/", {"language": "en", "next": "/kirjaudu/"})
    assert response["Location"] == "/kirjaudu/"
    assert '<html lang="en">' in client.get("/kirjaudu/").content.decode()


def test_users_own_preference_beats_the_browser(client, nurse):
    nurse.language = "sv"
    nurse.save()
    client.force_login(nurse.user)
    assert '<html lang="sv">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post("/kieli/", {"language": "en", "next": "/"})
    nurse.refresh_from_db()
    assert nurse.preferred_language == "en"
    client.cookies.clear()
    client.force_login(nurse.user)
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post("/kieli/", {"language": "sv", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_home_page_shows_a_card_per_role(client, nurse):
    client.force_login(nurse.user)
    page = client.get("/").content.decode()
    assert 'data-role="employee"' in page and 'data-role="trainer"' not in page
    for role in (roles.TRAINER, roles.PHRASE_EDITOR, roles.PHRASE_APPROVER, roles.HR_ADMIN):
        nurse.user.groups.add(Group.objects.get(name=role))
    page = client.get("/").content.decode()
    for role in ("employee", "trainer", "phrase_editor", "phrase_approver", "hr_admin"):
        assert f'data-role="{role}"' in page
    assert "/admin/henkilostotuonti/" in page


def test_supervisor_card_links_to_the_team(client, nurse):
    report = EmployeeFactory(supervisor=nurse)
    client.force_login(nurse.user)
    page = client.get("/").content.decode()
    assert 'data-role="supervisor"' in page and "/tiimi/" in page
    assert report.full_name in client.get("/tiimi/").content.decode()


def test_coordinator_and_hr_cards_lead_to_the_county_report_and_sessions(client, nurse):
    client.force_login(nurse.user)
    nurse.user.groups.add(Group.objects.get(name=roles.HYTE_COORDINATOR))
    page = client.get("/").content.decode()
    assert 'data-role="hyte_coordinator"' in page
    assert "/seuranta/alue/" in page and "/koordinointi/tilaisuudet/" in page
    assert "/seuranta/loki/" not in page, "the audit log is for HR only"
    assert client.get("/seuranta/alue/").status_code == 200
    assert client.get("/koordinointi/tilaisuudet/").status_code == 200

    nurse.user.groups.set([Group.objects.get(name=roles.HR_ADMIN)])
    page = client.get("/").content.decode()
    assert "/seuranta/alue/" in page and "/seuranta/loki/" in page
    assert client.get("/seuranta/loki/").status_code == 200


def test_the_admin_speaks_the_employees_language_unless_their_admin_profile_says_otherwise(
    client,
):
    hr = EmployeeFactory(language="sv")
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(hr.user)
    page = client.get("/admin/kayttoonotto/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="sv"' in page
    profile = UserProfile.get_for_user(hr.user)
    profile.preferred_language = "fi"
    profile.save()
    page = client.get("/admin/kayttoonotto/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fi"' in page
