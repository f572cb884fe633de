"""Signing in, switching the language, accessibility, keyboard and small screens,
and a supervisor kept out of other teams, in a real browser."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from people import roles
from people.demo.county import DEMO_PASSWORD
from people.forms import SignInForm
from people.models import Employee
from people.selectors import employee_reports
from tests.e2e.axe import assert_no_serious_axe_violations

# serialized_rollback: the live server's database is flushed after each test, and the
# groups, home page and Wagtail Site that migrations create must come back for the next
# (the browser fixtures ask for it too).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOGOUT_BUTTON = "form[action='/kirjaudu-ulos/'] button"


def translated(language: str, message: str, **params) -> str:
    """What the site shows for a Finnish source string in `language`, from the same
    catalogues, so the test follows the translations rather than restating them."""
    with translation.override(language):
        text = gettext(message)
    return text % params if params else text


def html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def path_of(page, live_server) -> str:
    assert page.url.startswith(live_server.url), page.url
    return page.url[len(live_server.url) :]


def click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


@pytest.fixture
def supervisor(demo_county) -> Employee:
    return demo_county[roles.SUPERVISOR]


def test_supervisor_signs_in_and_switches_to_swedish(
    page, context, live_server, sign_in, supervisor
):
    sign_in(supervisor.user.email, DEMO_PASSWORD)
    assert path_of(page, live_server) == "/"
    assert html_lang(page) == "fi"
    heading = translated("fi", "Tervetuloa, %(name)s", name=supervisor.user.first_name)
    assert page.locator("h1").inner_text() == heading

    # The supervisor's card leads to the team page, which lists their reports.
    card = page.locator("li.card[data-role='supervisor']")
    assert card.count() == 1
    team_link = card.get_by_role("link")
    assert team_link.get_attribute("href") == "/tiimi/"
    click_and_wait(page, team_link)
    assert path_of(page, live_server) == "/tiimi/"
    expected_names = {employee.full_name for employee in employee_reports(supervisor=supervisor)}
    assert expected_names
    shown_names = set(page.locator("table.team-table tbody th[scope=row]").all_inner_texts())
    assert shown_names == expected_names

    # Svenska: the page comes back in Swedish.
    page.goto("/")
    click_and_wait(page, page.get_by_role("button", name="Svenska", exact=True))
    assert path_of(page, live_server) == "/"
    assert html_lang(page) == "sv"
    assert page.locator("h1").inner_text() == translated(
        "sv", "Tervetuloa, %(name)s", name=supervisor.user.first_name
    )
    assert page.locator(LOGOUT_BUTTON).inner_text() == translated("sv", "Kirjaudu ulos")
    assert (
        page.get_by_role("button", name="Svenska", exact=True).get_attribute("aria-current")
        == "true"
    )
    assert (
        page.get_by_role("button", name="Suomi", exact=True).get_attribute("aria-current") is None
    )
    supervisor.refresh_from_db()
    assert supervisor.preferred_language == "sv"

    # It sticks on another page: unit names come from the database in Swedish too.
    page.goto("/tiimi/")
    assert html_lang(page) == "sv"
    assert page.locator("h1").inner_text() == translated("sv", "Tiimini")
    assert page.get_by_role("cell", name=supervisor.unit.name_sv, exact=True).first.is_visible()

    # Sign out, forget the language cookie, sign in again: the profile remembers.
    click_and_wait(page, page.locator(LOGOUT_BUTTON))
    assert path_of(page, live_server) == "/kirjaudu/"
    context.clear_cookies()
    sign_in(supervisor.user.email, DEMO_PASSWORD)
    assert path_of(page, live_server) == "/"
    assert html_lang(page) == "sv"
    assert page.locator(LOGOUT_BUTTON).inner_text() == translated("sv", "Kirjaudu ulos")


def test_pages_have_no_serious_accessibility_violations(page, live_server, sign_in, supervisor):
    page.goto("/kirjaudu/")
    assert_no_serious_axe_violations(page, "the sign-in page")

    sign_in(supervisor.user.email, DEMO_PASSWORD)
    assert path_of(page, live_server) == "/"
    assert html_lang(page) == "fi"
    assert_no_serious_axe_violations(page, "the home page in Finnish")

    page.goto("/tiimi/")
    assert_no_serious_axe_violations(page, "the team page")

    member = employee_reports(supervisor=supervisor).first()
    page.goto(f"/tiimi/{member.employee_number}/")
    assert_no_serious_axe_violations(page, "a team member's page")

    page.goto("/")
    click_and_wait(page, page.get_by_role("button", name="Svenska", exact=True))
    assert html_lang(page) == "sv"
    assert_no_serious_axe_violations(page, "the home page in Swedish")


def test_small_screen_and_keyboard(page, live_server, sign_in, supervisor):
    page.set_viewport_size({"width": 320, "height": 640})
    no_horizontal_scroll = "document.documentElement.scrollWidth <= 320"

    page.goto("/kirjaudu/")
    assert page.evaluate(no_horizontal_scroll), "the sign-in page scrolls sideways at 320 px"

    sign_in(supervisor.user.email, DEMO_PASSWORD)
    assert path_of(page, live_server) == "/"
    assert page.evaluate(no_horizontal_scroll), (
        f"the home page is {page.evaluate('document.documentElement.scrollWidth')} px wide at 320 px"
    )

    # The first Tab reaches the skip link, which moves focus to the main content.
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.evaluate("element => element.classList.contains('skip-link')")
    assert focused.inner_text() == translated("fi", "Siirry sisältöön")
    assert focused.is_visible(), "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"

    page.goto("/tiimi/")
    assert page.evaluate(no_horizontal_scroll), "the team page scrolls sideways at 320 px"


def test_wrong_password_shows_error_and_keeps_user_name(page, live_server, sign_in, supervisor):
    sign_in(supervisor.user.email, "not-the-password")
    assert path_of(page, live_server) == "/kirjaudu/"
    assert html_lang(page) == "fi"
    alert = page.get_by_role("alert")
    with translation.override("fi"):
        message = str(SignInForm.error_messages["invalid_login"])
    assert alert.inner_text().strip() == message
    assert page.get_by_label("Sähköposti tai henkilönumero").input_value() == supervisor.user.email
    assert page.get_by_label("Salasana", exact=True).input_value() == ""
    assert page.locator(LOGOUT_BUTTON).count() == 0


def test_supervisor_cannot_open_another_teams_person(page, live_server, sign_in, supervisor):
    own_report = employee_reports(supervisor=supervisor).first()
    stranger = (
        Employee.objects.filter(unit__code__startswith="PSP", active=True)
        .order_by("employee_number")
        .first()
    )
    assert stranger is not None
    assert (
        not employee_reports(supervisor=supervisor, include_inactive=True)
        .filter(pk=stranger.pk)
        .exists()
    )

    sign_in(supervisor.user.email, DEMO_PASSWORD)
    assert path_of(page, live_server) == "/"

    response = page.goto(f"/tiimi/{own_report.employee_number}/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == own_report.full_name

    response = page.goto(f"/tiimi/{stranger.employee_number}/")
    assert response.status == 404
    assert stranger.full_name not in page.content()
    stranger_page = page.locator("body").inner_text()

    # The same answer as for someone who does not exist: the URL confirms nothing.
    response = page.goto("/tiimi/EI-OLE-OLEMASSA/")
    assert response.status == 404
    assert page.locator("body").inner_text() == stranger_page.replace(
        stranger.employee_number, "EI-OLE-OLEMASSA"
    )
