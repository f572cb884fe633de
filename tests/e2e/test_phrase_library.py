"""A nurse finds a phrase by typing "liikunta", opens it, fills its gaps with the
keyboard alone, copies it with Ctrl+Enter and finds the finished text on the clipboard;
the library page and the hyte card pass axe."""

import pytest

from phrases.models import PhraseCopyCount
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.e2e.test_course_keyboard import path_of, press_and_load, tab_to
from tests.e2e.test_team_dashboard import fits_the_screen
from tests.factories import EmployeeFactory
from tests.phrases.builders import make_activity, make_phrase

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "hilkka.hoitaja@example.test"
PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
BODY = (
    "Asiakas ohjattu liikuntaryhmään {{activity}} ({{organiser}}) alkaen {{date}}. "
    "Osallistuu {{choice:Osallistumistapa|itsenäisesti|tuettuna}}."
)
EXPECTED = (
    "Asiakas ohjattu liikuntaryhmään Kävelyryhmä Järvelässä (Järvelän Kuntoilijat ry) "
    "alkaen 7.7.2027. Osallistuu itsenäisesti."
)


@pytest.fixture
def nurse(transactional_db):
    return EmployeeFactory(user__email=EMAIL)


@pytest.fixture
def library(transactional_db):
    make_activity("kavely", "Kävelyryhmä Järvelässä", "Järvelän Kuntoilijat ry")
    make_phrase("HYTE-KULTTUURI-1", "Kuoro", "Kuorolaulua seurakunnassa.")
    return make_phrase("HYTE-LIIKUNTA-1", "Ohjaus liikuntaryhmään", BODY, themes=["liikunta"])


def test_search_fill_and_copy_with_the_keyboard(context, page, live_server, nurse, library):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto("/kirjaudu/")
    tab_to(page, page.get_by_label("Sähköposti tai henkilönumero"))
    page.keyboard.type(EMAIL)
    tab_to(page, page.get_by_label("Salasana", exact=True))
    page.keyboard.type(PASSWORD)
    press_and_load(page)

    page.goto("/fraasit/")
    assert_no_serious_axe_violations(page, "the phrase library")
    search = page.get_by_label("Hae fraasia")
    tab_to(page, search)
    page.keyboard.type("liikunta")
    # Search as you type: the list narrows without submitting and the count is announced.
    status = page.locator("#phrase-result-count")
    status.filter(has_text="1 fraasi").wait_for()
    link = page.get_by_role("link", name="Ohjaus liikuntaryhmään")
    assert page.get_by_role("link", name="Kuoro").count() == 0
    tab_to(page, link)
    press_and_load(page)
    assert path_of(page, live_server) == "/fraasit/HYTE-LIIKUNTA-1/"

    # The preview marks the required gaps still to fill.
    missing = page.locator("#phrase-preview mark.gap-missing")
    assert missing.all_inner_texts() == [
        "[Toiminta]",
        "[Järjestäjä]",
        "[Päivämäärä]",
        "[Osallistumistapa]",
    ]

    # Copying before the gaps are filled is refused, naming the gap.
    page.keyboard.press("Control+Enter")
    copy_status = page.locator("#copy-status")
    copy_status.filter(has_text="Täytä ensin: Toiminta").wait_for()

    activity = page.get_by_label("Toiminta")
    tab_to(page, activity)
    page.keyboard.press("ArrowDown")
    assert activity.evaluate("el => el.value") == "Kävelyryhmä Järvelässä"
    tab_to(page, page.get_by_label("Päivämäärä"))
    # Day and month alike: the field's order follows the browser's own locale.
    page.keyboard.type("07072027")
    assert page.get_by_label("Päivämäärä").evaluate("el => el.value") == "2027-07-07"
    tab_to(page, page.get_by_label("Osallistumistapa"))
    page.keyboard.press("ArrowDown")
    assert page.locator("#phrase-preview").inner_text() == EXPECTED

    # The copy is counted by a POST sent after the clipboard write; wait for its answer.
    with page.expect_response(lambda response: "/kopioitu/" in response.url) as counted:
        page.keyboard.press("Control+Enter")
    assert counted.value.status == 204
    copy_status.filter(has_text="Kopioitu leikepöydälle.").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == EXPECTED
    assert PhraseCopyCount.objects.get(phrase=library, unit=nurse.unit).count == 1

    page.goto("/fraasit/hyte-kortti/")
    assert page.locator("svg").count() == 2
    assert_no_serious_axe_violations(page, "the hyte card")


def labels_above_their_filters(page) -> bool:
    """Each of the library's filters has its label on a line of its own above the
    control, both starting at the same left edge."""
    return page.evaluate(
        """() => {
          const selects = [...document.querySelectorAll(".phrase-search select")];
          return selects.length === 3 && selects.every((select) => {
            const label = document.querySelector(`label[for="${select.id}"]`).getBoundingClientRect();
            const control = select.getBoundingClientRect();
            return label.bottom <= control.top && Math.abs(label.left - control.left) < 1;
          });
        }"""
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_filters_fit_a_phone(page, nurse, language):
    """At 320 and 390 px the library does not scroll sideways, in any language, and its
    three filters are laid out alike."""
    from people.models import Employee

    Employee.objects.filter(pk=nurse.pk).update(preferred_language=language)
    page.goto("/kirjaudu/")
    page.get_by_label("Sähköposti tai henkilönumero").fill(EMAIL)
    page.get_by_label("Salasana", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Kirjaudu", exact=True).click()
    for width in (320, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/fraasit/")
        assert page.locator("html").get_attribute("lang") == language
        assert fits_the_screen(page), f"{language}, {width} px"
        assert labels_above_their_filters(page), f"{language}, {width} px"
