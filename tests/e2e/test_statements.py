"""The privacy notice and the accessibility statement pass axe on a phone (390 px) and
on a desktop; the feedback form is sent with the keyboard alone."""

import pytest

from statements.models import AccessibilityFeedback
from tests.e2e.axe import assert_no_serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.mark.parametrize("screen", WIDTHS)
def test_statement_pages_pass_axe(page, screen):
    page.set_viewport_size({"width": WIDTHS[screen], "height": 900})
    for address, heading in (
        ("/tietosuoja/", "Tietosuojaseloste"),
        ("/saavutettavuus/", "Saavutettavuusseloste"),
    ):
        page.goto(address)
        assert page.get_by_role("heading", level=1).inner_text() == heading
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[screen]
        assert_no_serious_axe_violations(page, f"{address} at {WIDTHS[screen]} px")


def test_feedback_is_sent_with_the_keyboard(page):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/saavutettavuus/")
    page.get_by_label("Mikä ei toimi tai mitä tarvitset").focus()
    page.keyboard.type("Taulukon otsikot puuttuvat.")
    page.keyboard.press("Tab")
    page.keyboard.type("/tiimi/")
    for _field in range(3):
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("status").inner_text().startswith("Kiitos palautteesta")
    assert AccessibilityFeedback.objects.get().page_address == "/tiimi/"
    assert_no_serious_axe_violations(page, "/saavutettavuus/ after sending feedback")
