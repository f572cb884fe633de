"""A hyte coordinator opens the county's hyte picture on a phone, in Finnish and in
Swedish, and assigns a course to a unit from it; axe checks each page."""

import pytest

from hyte.totals import hyte_totals_refresh
from people import roles
from people.models import OrgUnit
from supervision.totals import unit_totals_refresh
from tests.courses.builders import make_course
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import make_unit
from tests.hyte.builders import copies, rate
from tests.supervision.conftest import person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEMO_PASSWORD = "hyteopas-demo"


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


def test_a_coordinator_reads_the_picture_and_assigns_a_course_on_a_phone(
    page, sign_in, demo_county
):
    # Two units under the first sector: one knows hyte little and copies no phrases.
    sector = OrgUnit.objects.filter(depth=2).order_by("path").first()
    course = make_course(lessons=1, mandatory=True)
    quiet, busy = make_unit("E2E-1", sector), make_unit("E2E-2", sector)
    rate([person(quiet, f"Hiljainen{n}", "H") for n in range(5)], course, "before", 2)
    rate([person(busy, f"Aktiivinen{n}", "A") for n in range(5)], course, "before", 5)
    copies(busy, 12)
    unit_totals_refresh()
    hyte_totals_refresh()
    page.set_viewport_size({"width": 390, "height": 844})
    coordinator = demo_county[roles.HYTE_COORDINATOR]
    # The demo's coordinator reads the site in Swedish; this walk starts in Finnish.
    type(coordinator).objects.filter(pk=coordinator.pk).update(
        language="fi", preferred_language="fi"
    )
    sign_in(coordinator.user.email, DEMO_PASSWORD)
    page.goto("/seuranta/hyte/")
    assert page.get_by_role("heading", level=1).inner_text() == "Alueen hyte-kuva"
    for heading in ("Mihin tarttua", "Oma arvio hyte-osaamisesta", "Esittäytymistilaisuudet"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.get_by_role("table", name="Toimialoittain").first.is_visible()
    assert no_sideways_scroll(page)
    assert_no_serious_axe_violations(page, "the hyte picture")

    page.get_by_role("link", name="Määrää koulutus").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Määrää koulutus yksikölle"
    assert_no_serious_axe_violations(page, "assigning a course to a unit")
    page.get_by_role("button", name="Määrää koulutus").click()
    assert "Koulutus määrätty yksikölle" in page.locator("body").inner_text()

    page.get_by_role("button", name="Valikko").click()  # the phone header's menu
    page.get_by_role("button", name="Svenska").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Områdets hyte-bild"
    assert no_sideways_scroll(page)
    assert_no_serious_axe_violations(page, "the hyte picture in Swedish")
