"""A trainer chooses a course's audience in the Finnish admin with the keyboard: types
part of a unit's name, adds it with Enter, removes one, saves the draft. axe checks the
editor."""

import os

import pytest
from django.contrib.auth.models import Group

from courses.models import CoursePage
from people import roles
from people.models import OrgUnit
from tests.courses.builders import make_course
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import EmployeeFactory, make_unit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
SHOTS = os.environ.get("E2E_SHOTS", "")


def _unit(parent, code, name):
    unit = make_unit(code=code, parent=parent)
    OrgUnit.objects.filter(pk=unit.pk).update(name_fi=name)
    return OrgUnit.objects.get(pk=unit.pk)


def test_trainer_chooses_the_audience_with_the_keyboard(page, sign_in):
    trainer = EmployeeFactory(user__email="aino.kouluttaja@example.test")
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    county = make_unit(code="HVA")
    clinic = _unit(county, "PAI", "Päivystys")
    _unit(county, "NEU", "Neuvola")
    _unit(county, "KOT", "Kotihoito")
    course = make_course(lessons=1)

    sign_in("aino.kouluttaja@example.test", PASSWORD)
    page.goto(f"/admin/pages/{course.pk}/edit/")
    field = page.get_by_label("kohdeyksiköt")
    assert page.locator("select[name=audience_units]").is_hidden()

    field.fill("neuvo")
    field.press("Enter")
    chosen = page.locator("[data-audience]").first.locator("ul.audience__chosen")
    chosen.get_by_text("NEU Neuvola").wait_for()
    field.fill("päivys")
    field.press("Enter")
    chosen.get_by_text("PAI Päivystys").wait_for()
    assert field.input_value() == ""
    assert chosen.get_attribute("aria-live") == "polite"

    # Keyboard only: from the input to the first remove button, and press it.
    remove = page.get_by_role("button", name="Poista: NEU Neuvola")
    remove.focus()
    page.keyboard.press("Enter")
    chosen.get_by_text("NEU Neuvola").wait_for(state="detached")
    assert page.locator("select[name=audience_units] option:checked").all_inner_texts() == [
        "PAI Päivystys"
    ]
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/audience.png", full_page=True)
    assert_no_serious_axe_violations(page, "koulutuksen kohderyhmä")

    with page.expect_navigation():
        page.locator(
            "button[name='action-draft'], button:has-text('Tallenna luonnos')"
        ).first.click()
    draft = CoursePage.objects.get(pk=course.pk).get_latest_revision_as_object()
    assert list(draft.audience_units.all()) == [clinic]
    # The live course is unchanged until the draft is approved.
    assert not CoursePage.objects.get(pk=course.pk).audience_units.exists()
