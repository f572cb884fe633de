"""The go-live page (*Käyttöönotto*): HR admins and superusers only; every step with its
state and a link; a test email to an address of one's choice."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from golive.models import TestEmail
from notifications.models import ReminderStart
from people import roles
from tests.factories import EmployeeFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(client):
    make_unit("U1", make_unit("HVA"))
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(person.user)
    return client


def test_only_hr_admins_and_superusers_see_it(client):
    make_unit("U1", make_unit("HVA"))
    employee = EmployeeFactory()
    client.force_login(employee.user)
    assert client.get("/admin/kayttoonotto/").status_code in (302, 403)


def test_every_step_has_its_state_and_a_link(hr, settings, django_assert_max_num_queries):
    settings.OIDC_RP_CLIENT_ID = ""
    with django_assert_max_num_queries(40):
        page = hr.get("/admin/kayttoonotto/").content.decode()
    for step in ("org_units", "staff", "roles", "sign_in", "course", "test_email", "reminders"):
        assert f'id="step-{step}"' in page
    assert "Puuttuvat asetukset: OIDC_RP_CLIENT_ID" in page
    assert "Ilman haltijaa: Kouluttaja, Fraasien hyväksyjä, Hyte-koordinaattori." in page
    assert "Muistutukset ovat käytössä heti." in page
    assert 'href="/admin/organisaatiotuonti/"' in page
    assert 'href="/admin/settings/notifications/reminderstart/"' in page


def test_sign_in_and_reminder_start_show_when_set(hr, settings):
    for name in (
        "OIDC_RP_CLIENT_ID",
        "OIDC_RP_CLIENT_SECRET",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
    ):
        setattr(settings, name, "x")
    ReminderStart.objects.create(start_on="2027-01-04")
    page = hr.get("/admin/kayttoonotto/").content.decode()
    assert "Kertakirjautuminen (OIDC) on määritetty." in page
    assert "Muistutukset alkavat 04.01.2027." in page


def test_a_test_email_goes_to_the_address_given(hr):
    response = hr.post("/admin/kayttoonotto/", {"to": "it@hva.example"}, follow=True)
    assert [message.to for message in mail.outbox] == [["it@hva.example"]]
    assert "Testiviesti lähetetty osoitteeseen it@hva.example." in response.content.decode()
    assert TestEmail.objects.get().sent_to == "it@hva.example"
    assert "Viimeksi" in hr.get("/admin/kayttoonotto/").content.decode()
    assert hr.post("/admin/kayttoonotto/", {"to": "ei osoite"}).status_code == 400


def test_hr_admins_set_the_reminder_start_in_the_admin(hr):
    page = hr.get("/admin/settings/notifications/reminderstart/", follow=True)
    assert page.status_code == 200
    hr.post(page.redirect_chain[-1][0], {"start_on": "2027-01-04"})
    assert str(ReminderStart.objects.get().start_on) == "2027-01-04"
