"""A hyte coordinator on a phone (390 × 844) plans a session — series, time, link,
capacity, target units and job roles chosen by autocomplete with a live count of the
people reached — and invites its target group; the page then says how many of them
hold an invitation. Checked with axe; nothing scrolls sideways."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Invitation, Session
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.events.builders import make_coordinator, make_network, make_series
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
SHOTS = os.environ.get("HYTEOPAS_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(SHOTS) / f"{name}.png", full_page=True)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def county():
    root = make_unit("HVA")
    home_care = make_unit("KH", root)
    make_unit("KH-ITA", home_care)
    school = make_unit("KOULU", root)
    nurse = JobRoleFactory(code="NURSE", name_fi="Sairaanhoitaja")
    aide = JobRoleFactory(code="AIDE", name_fi="Lähihoitaja")
    for unit, role in ((home_care, nurse), (home_care, nurse), (home_care, aide), (school, nurse)):
        EmployeeFactory(unit=unit, job_role=role)
    make_network("Muistihoitajat")
    series = make_series("Ikäihmisten palvelut")
    coordinator = make_coordinator(unit=school, job_role=aide)
    return {"coordinator": coordinator, "series": series}


def test_coordinator_plans_a_session_and_invites_its_target_group_on_a_phone(page, sign_in, county):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(county["coordinator"].user.email, PASSWORD)
    page.goto("/koordinointi/tilaisuudet/")
    with page.expect_navigation():
        page.get_by_role("link", name="Suunnittele tilaisuus").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Suunnittele tilaisuus"
    assert fits_the_screen(page)
    assert_no_serious_axe_violations(page, "the planning page on a phone")

    page.get_by_label("Sarja").select_option(label=str(county["series"]))
    page.get_by_label("Otsikko").fill("Järjestöt esittäytyvät: kotihoito")
    starts = timezone.localtime() + datetime.timedelta(days=14)
    page.get_by_label("Alkaa").fill(starts.strftime("%Y-%m-%dT14:00"))
    page.get_by_label("Etätilaisuus").check()
    page.get_by_label("Etäyhteyden linkki").fill("https://kokous.example.test/kotihoito")
    page.get_by_label("Paikkoja").fill("25")

    # Targets by autocomplete: part of the name, then Lisää (or Enter).
    reach = page.locator("#reach")
    assert reach.inner_text() == "Kohderyhmä tavoittaa 0 henkilöä."
    page.get_by_label("Hae yksikköä").fill("Yksikkö KH (KH)")
    page.get_by_role("button", name=re.compile(r"^Lisää\W+Kohdeyksiköt")).click()
    assert page.get_by_role("checkbox", name="Yksikkö KH (KH)").is_checked()
    expect(reach).to_have_text("Kohderyhmä tavoittaa 3 henkilöä.")
    page.get_by_label("Hae tehtävänimikettä").fill("Sairaanhoitaja")
    page.get_by_label("Hae tehtävänimikettä").press("Enter")
    expect(reach).to_have_text("Kohderyhmä tavoittaa 2 henkilöä.")
    assert page.url.endswith("/koordinointi/tilaisuudet/uusi/")  # nothing sent yet
    # A typo says so, and adds nothing.
    page.get_by_label("Hae verkostoa").fill("Ei tällaista")
    page.get_by_label("Hae verkostoa").press("Enter")
    assert page.locator("#verkostot-error").inner_text() == "Valitse jokin ehdotuksista."
    assert fits_the_screen(page)
    assert_no_serious_axe_violations(page, "the planning page with targets chosen")
    shot(page, "coordinator-plan-phone")

    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tilaisuus").click()
    session = Session.objects.get()
    assert session.capacity == 25 and session.target_units.count() == 1
    status = page.locator(".invitation-status")
    assert "Kohderyhmää ei ole vielä kutsuttu (kohderyhmässä 2 henkilöä)." in status.inner_text()
    assert fits_the_screen(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Kutsu kohderyhmä").click()
    # Tasks run eagerly here: by the time the page is back, both are invited.
    assert status.inner_text() == "Kohderyhmä kutsuttu: 2/2."
    assert Invitation.objects.filter(session=session).count() == 2
    assert fits_the_screen(page)
    assert_no_serious_axe_violations(page, "the session's coordination page after inviting")
    shot(page, "coordinator-invited-phone")
