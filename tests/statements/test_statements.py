"""The privacy notice and the accessibility statement in three languages, linked from
every page; accessibility feedback stored, mailed to the contact, listed for HR with its
14-day deadline and closed when answered."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from people import roles
from statements.models import AccessibilityFeedback
from tests.factories import EmployeeFactory, make_unit

pytestmark = pytest.mark.django_db

HEADINGS = {
    "fi": ("Tietosuojaseloste", "Saavutettavuusseloste", "Valvontaviranomainen"),
    "sv": ("Dataskyddsbeskrivning", "Tillgänglighetsutlåtande", "Tillsynsmyndighet"),
    "en": ("Privacy notice", "Accessibility statement", "Supervisory authority"),
}


def _person(group=None):
    unit = make_unit()
    employee = EmployeeFactory(unit=unit)
    if group:
        employee.user.groups.add(Group.objects.get(name=group))
    return employee


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_both_statements_read_in_each_language_from_settings(client, settings, language):
    settings.PRIVACY_CONTROLLER = "Kuvitteellisen alueen hyvinvointialue"
    settings.PRIVACY_CONTACT = "kirjaamo@kuvitteellinen.example"
    settings.RETENTION_YEARS_AFTER_LEAVING = 7
    settings.ACCESSIBILITY_AUTHORITY_NAME = "Valvova virasto"
    settings.ACCESSIBILITY_AUTHORITY_URL = "https://valvonta.example/"
    settings.ACCESSIBILITY_ASSESSED_ON = "2026-10-05"
    privacy_title, accessibility_title, authority = HEADINGS[language]

    privacy = client.get("/tietosuoja/", HTTP_ACCEPT_LANGUAGE=language)
    text = privacy.content.decode()
    assert privacy.status_code == 200
    assert f"<h1>{privacy_title}</h1>" in text
    assert "Kuvitteellisen alueen hyvinvointialue" in text
    assert "kirjaamo@kuvitteellinen.example" in text
    assert " 7 " in text

    statement = client.get("/saavutettavuus/", HTTP_ACCEPT_LANGUAGE=language)
    text = statement.content.decode()
    assert statement.status_code == 200
    assert f"<h1>{accessibility_title}</h1>" in text
    assert f"<h2>{authority}</h2>" in text
    assert "Valvova virasto" in text
    assert 'href="https://valvonta.example/"' in text
    assert "5.10.2026" in text
    assert "WCAG 2.1" in text


def test_every_page_links_both_statements_in_its_footer(client):
    for address in ("/kirjaudu/", "/tietosuoja/", "/saavutettavuus/"):
        footer = client.get(address).content.decode().split('<footer class="site-footer">')[1]
        assert 'href="/tietosuoja/"' in footer
        assert 'href="/saavutettavuus/"' in footer


def test_feedback_is_stored_and_mailed_to_the_accessibility_contact(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "saavutettavuus@kuvitteellinen.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/saavutettavuus/",
            {
                "message": "Fraasin kopiointinappi ei toimi ruudunlukijalla.",
                "page_address": "/fraasit/",
                "email": "kayttaja@example.test",
            },
        )
    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == "Fraasin kopiointinappi ei toimi ruudunlukijalla."
    assert feedback.answered_at is None
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["saavutettavuus@kuvitteellinen.example"]
    assert "kayttaja@example.test" in sent.body  # whom to answer
    assert "Fraasin kopiointinappi" in sent.body
    assert f"{feedback.reply_due:%-d.%-m.%Y}" in sent.subject


def test_empty_feedback_is_refused_and_nothing_is_sent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/saavutettavuus/", {"message": ""})
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()
    assert not mail.outbox


def test_hr_sees_open_feedback_with_reply_deadlines_in_few_queries(
    client, django_assert_max_num_queries
):
    now = timezone.now()
    for days_ago in range(30):
        item = AccessibilityFeedback.objects.create(message=f"Palaute {days_ago}")
        AccessibilityFeedback.objects.filter(pk=item.pk).update(
            created_at=now - datetime.timedelta(days=days_ago)
        )
    answered = AccessibilityFeedback.objects.create(message="Jo vastattu", answered_at=now)
    hr = _person(roles.HR_ADMIN)
    client.force_login(hr.user)

    with django_assert_max_num_queries(8):
        response = client.get("/saavutettavuus/palautteet/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Palaute 0" in text and "Palaute 29" in text
    assert answered.message not in text
    # Sent 20 days ago: due 14 days after that, and late.
    due = (now - datetime.timedelta(days=6)).date()
    assert f"{due:%-d.%-m.%Y}" in text
    assert text.index("Palaute 29") < text.index("Palaute 0")
    assert "myöhässä" in text


def test_hr_marks_feedback_answered(client):
    feedback = AccessibilityFeedback.objects.create(message="Kontrasti on heikko.")
    hr = _person(roles.HR_ADMIN)
    client.force_login(hr.user)
    response = client.post(f"/saavutettavuus/palautteet/{feedback.pk}/vastattu/")
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.answered_at is not None
    assert feedback.answered_by == hr.user
    assert "Kontrasti" not in client.get("/saavutettavuus/palautteet/").content.decode()


@pytest.mark.parametrize("group", [None, roles.TRAINER, roles.HYTE_COORDINATOR])
def test_only_hr_reads_or_closes_feedback(client, group):
    feedback = AccessibilityFeedback.objects.create(message="Kontrasti on heikko.")
    client.force_login(_person(group).user)
    assert client.get("/saavutettavuus/palautteet/").status_code == 403
    answered = client.post(f"/saavutettavuus/palautteet/{feedback.pk}/vastattu/")
    assert answered.status_code == 403
    feedback.refresh_from_db()
    assert feedback.answered_at is None
    client.logout()
    assert client.get("/saavutettavuus/palautteet/").status_code == 302


@pytest.mark.parametrize(
    ("language", "controller", "authority"),
    [
        ("fi", "Hyvinvointialue", "Lupa- ja valvontavirasto, saavutettavuusvalvonta"),
        ("sv", "Välfärdsområde", "Tillstånds- och tillsynsverket, tillgänglighetstillsynen"),
    ],
)
def test_the_default_controller_and_authority_names_are_in_the_readers_language(
    client, language, controller, authority
):
    privacy = client.get("/tietosuoja/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    statement = client.get("/saavutettavuus/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert controller in privacy
    assert authority in statement


def test_hrs_home_card_leads_to_the_open_feedback(client):
    client.force_login(_person(roles.HR_ADMIN).user)
    assert "/saavutettavuus/palautteet/" in client.get("/").content.decode()
    client.force_login(_person().user)
    assert "/saavutettavuus/palautteet/" not in client.get("/").content.decode()
