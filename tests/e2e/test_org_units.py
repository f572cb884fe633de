"""An HR admin keeps the organisation tree in a real browser: creates a unit under a
sector, renames it in Swedish and English, moves it under another sector and closes
it. The list, the new-unit form and the edit form are checked with axe."""

import pytest
from django.contrib.auth.models import Group

from people import roles
from people.models import OrgUnit
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import make_unit
from tests.supervision.conftest import PASSWORD, person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def hr_admin():
    county = make_unit("HVA", kind="county")
    make_unit("SOS", county, "sector")
    make_unit("TER", county, "sector")
    hr = person(OrgUnit.objects.get(code="SOS"), "Hallinto", "Helka")
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    return hr


def save(page):
    with page.expect_navigation():
        page.locator("button.button-longrunning[type=submit]").first.click()


def test_hr_admin_creates_renames_moves_and_closes_a_unit(page, sign_in, hr_admin):
    sign_in(hr_admin.user.email, PASSWORD)
    page.goto("/admin/people/units/")
    assert_no_serious_axe_violations(page, "the organisation list")

    page.goto("/admin/people/units/new/")
    assert_no_serious_axe_violations(page, "the new unit form")
    page.locator("input[name=code]").fill("SOS-9")
    page.locator("input[name=name_fi]").fill("Kotikuntoutus")
    page.locator("select[name=kind]").select_option("unit")
    page.locator("select[name=parent]").select_option(label="SOS Yksikkö SOS")
    save(page)
    unit = OrgUnit.objects.get(code="SOS-9")
    assert unit.get_parent().code == "SOS"

    page.goto(f"/admin/people/units/edit/{unit.pk}/")
    assert_no_serious_axe_violations(page, "the unit edit form")
    page.locator("input[name=name_sv]").fill("Hemrehabilitering")
    page.locator("input[name=name_en]").fill("Home rehabilitation")
    page.locator("select[name=parent]").select_option(label="TER Yksikkö TER")
    save(page)
    unit.refresh_from_db()
    assert (unit.name_sv, unit.name_en) == ("Hemrehabilitering", "Home rehabilitation")
    assert unit.get_parent().code == "TER"

    page.goto(f"/admin/people/units/edit/{unit.pk}/")
    page.locator("input[name=closed_on]").fill("2026-12-31")
    page.keyboard.press("Escape")
    save(page)
    unit.refresh_from_db()
    assert unit.closed_on is not None
