"""A presentation session in a real browser: an employee registers with the keyboard
alone and downloads the calendar file, the coordinator marks attendance on the
checklist, the employee answers the feedback form with the keyboard, and the session,
registration and report pages pass axe."""

import datetime

import icalendar
import pytest

from events.models import Feedback, Registration
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.test_course_keyboard import (
    assert_focus_visible,
    choose_radio,
    path_of,
    press_and_load,
    tab_to,
)
from tests.events.builders import add_slot, make_coordinator, make_network, make_session
from tests.factories import EmployeeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "salasana-testi"  # tests.factories.UserFactory's


def sign_in_with_keyboard(page, email: str) -> None:
    page.goto("/kirjaudu/")
    tab_to(page, page.get_by_label("Sähköposti tai henkilönumero"))
    page.keyboard.type(email)
    tab_to(page, page.get_by_label("Salasana", exact=True))
    page.keyboard.type(PASSWORD)
    press_and_load(page)


def test_register_download_calendar_attend_and_give_feedback(
    page, browser, live_server, transactional_db
):
    employee = EmployeeFactory(user__email="elli.esimerkki@example.test")
    coordinator = make_coordinator(user__email="kaisa.koordinaattori@example.test")
    session = make_session(
        title="Lapsiperheiden tuki järjestöissä",
        starts_in=datetime.timedelta(hours=2),
        capacity=20,
    )
    session.target_networks.add(make_network("Perhetyön verkosto", members=[employee]))
    session.save()
    add_slot(session, topic="Perhekahvilat ja vertaisryhmät")

    # 1. The employee finds the session meant for them and registers, keyboard only.
    sign_in_with_keyboard(page, employee.user.email)
    page.goto("/tilaisuudet/")
    mine = page.locator("section[aria-labelledby=for-me]")
    link = mine.get_by_role("link", name=session.title, exact=True)
    tab_to(page, link)
    assert_focus_visible(page, "the session link")
    press_and_load(page)
    assert path_of(page, live_server) == f"/tilaisuudet/{session.pk}/"
    assert_no_serious_axe_violations(page, "the session page")

    tab_to(page, page.get_by_role("button", name="Ilmoittaudu", exact=True))
    assert_focus_visible(page, "the register button")
    press_and_load(page)
    assert "Olet ilmoittautunut tilaisuuteen." in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name="Liity tilaisuuteen").get_attribute("href") == (
        session.meeting_link
    )
    assert Registration.objects.get(employee=employee).status == "registered"
    assert_no_serious_axe_violations(page, "the session page after registering")

    # 2. The calendar file, downloaded with Enter and read as a calendar would.
    tab_to(page, page.get_by_role("link", name="Lisää kalenteriin (.ics)"))
    with page.expect_download(timeout=TIMEOUT_MS) as download_info:
        page.keyboard.press("Enter")
    with open(download_info.value.path(), "rb") as ics_file:
        calendar = icalendar.Calendar.from_ical(ics_file.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == session.title
    assert event.decoded("DTSTART") == session.starts_at
    assert str(event["UID"]) == session.ics_uid()

    # 3. The coordinator ticks the attendee on the checklist (on another browser).
    coordinator_context = browser.new_context(base_url=live_server.url, locale="fi-FI")
    coordinator_context.set_default_timeout(TIMEOUT_MS)
    try:
        coordinator_page = coordinator_context.new_page()
        sign_in_with_keyboard(coordinator_page, coordinator.user.email)
        coordinator_page.goto(f"/koordinointi/tilaisuudet/{session.pk}/lasnaolo/")
        assert_no_serious_axe_violations(coordinator_page, "the attendance checklist")
        coordinator_page.get_by_label(employee.full_name).check()
        with coordinator_page.expect_navigation():
            coordinator_page.get_by_role("button", name="Tallenna läsnäolot").click()
        assert "1 paikalla" in coordinator_page.locator(".messages").inner_text()
        assert Registration.objects.get(employee=employee).attended_at is not None

        # 4. The employee answers the feedback form with the keyboard.
        page.goto(f"/tilaisuudet/{session.pk}/")
        tab_to(page, page.get_by_role("link", name="Anna palautetta"))
        press_and_load(page)
        assert_no_serious_axe_violations(page, "the feedback form")
        choose_radio(page, page.locator("fieldset").filter(has_text="hyödyllistä tietoa"), "Kyllä")
        choose_radio(page, page.locator("fieldset").filter(has_text="Arvosana"), "5")
        tab_to(page, page.get_by_label("Mitä teet jatkossa toisin?"))
        page.keyboard.type("Kerron perheille perhekahvilasta.")
        tab_to(page, page.get_by_role("button", name="Lähetä palaute"))
        press_and_load(page)
        assert "Kiitos palautteesta!" in page.locator(".messages").inner_text()
        answer = Feedback.objects.get(registration__employee=employee)
        assert (answer.useful, answer.rating) == (True, 5)

        # 5. The report, as the coordinator sees it.
        coordinator_page.goto(f"/koordinointi/sarjat/{session.series_id}/raportti/")
        table = coordinator_page.get_by_role("table", name="Osallistuminen ja palaute")
        assert session.title in table.inner_text()
        assert_no_serious_axe_violations(coordinator_page, "the series report")
    finally:
        coordinator_context.close()
