"""A supervisor in a real browser: opens the team dashboard, filters it to overdue,
reminds one person, exports XLSX and opens the downloaded file; a hyte coordinator
opens the county report. Both pages are checked with axe."""

import datetime
import os
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import Group

from notifications.models import ReminderOutbox
from people import roles
from supervision.totals import unit_totals_refresh
from tests.courses.builders import make_course
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import make_unit
from tests.supervision.conftest import FORMULA_NAME, PASSWORD, complete, enrol, person

# Screenshots of the phone journey go to this folder when it is set (to look at them).
SHOTS = os.environ.get("HYTEOPAS_SHOTS", "")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def team(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    county = make_unit("HVA", kind="county")
    sector = make_unit("S1", county, "sector")
    unit = make_unit("S1-1", sector)
    course = make_course(lessons=1, mandatory=True)
    lead = person(unit, "Esimies", "Eila")
    late = person(unit, "Aalto", "Anna", lead)
    formula = person(unit, FORMULA_NAME, "Eve", lead)
    done = person(unit, "Valmis", "Veli", lead)
    soon = person(unit, "Pian", "Paula", lead)
    enrol(late, course, -4)
    enrol(formula, course, -2)
    enrol(soon, course, 3)
    complete(done, course)
    coordinator = person(unit, "Koordinaattori", "Kaisa")
    coordinator.user.groups.add(Group.objects.get(name=roles.HYTE_COORDINATOR))
    unit_totals_refresh()
    return {"lead": lead, "late": late, "formula": formula, "coordinator": coordinator}


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(SHOTS) / f"{name}.png", full_page=True)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def remind_buttons_inside_their_scroll_box(page) -> bool:
    """Every row's remind button lies wholly within the table's scroll box: none is
    clipped, and none needs the box scrolled sideways to be reached."""
    return page.evaluate(
        """() => {
          const box = document.querySelector(".team-scroll").getBoundingClientRect();
          const buttons = [...document.querySelectorAll(".team-table .cell-actions button")];
          return buttons.length > 0 && buttons.every((button) => {
            const edge = button.getBoundingClientRect();
            return edge.left >= box.left && edge.right <= box.right;
          });
        }"""
    )


def rates_on_one_line(page) -> bool:
    """Each course's completion rate ("67 % (2/3)") is read on one line, whatever room
    its course title takes."""
    return page.evaluate(
        """() => [...document.querySelectorAll(".team-table tfoot td[data-label]")].every(
          (cell) => {
            const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            const lines = [];
            while (texts.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(texts.currentNode);
              lines.push(...[...range.getClientRects()].filter((rect) => rect.width > 0));
            }
            const top = Math.min(...lines.map((rect) => rect.top));
            const bottom = Math.max(...lines.map((rect) => rect.bottom));
            return bottom - top < 1.5 * parseFloat(getComputedStyle(cell).lineHeight);
          })"""
    )


def row_names(page) -> list[str]:
    return page.locator("table.team-table tbody th[scope=row]").all_inner_texts()


def test_supervisor_filters_reminds_and_exports(page, sign_in, team, tmp_path):
    sign_in(team["lead"].user.email, PASSWORD)
    page.goto("/tiimi/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tiimini"
    # Overdue first, then due soon, then done.
    assert row_names(page)[:2] == ["Anna Aalto", f"Eve {FORMULA_NAME}"]
    assert row_names(page)[-1] == "Veli Valmis"
    assert_no_serious_axe_violations(page, "the team dashboard")

    # Filter to overdue with the keyboard: choose the status, then Enter on the button.
    page.get_by_label("Tila", exact=True).select_option("overdue")
    page.get_by_role("button", name="Suodata", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "tila=overdue" in page.url
    assert sorted(row_names(page)) == sorted(["Anna Aalto", f"Eve {FORMULA_NAME}"])

    # Remind Anna only.
    with page.expect_navigation():
        page.get_by_role("button", name="Muistuta Anna Aalto").click()
    assert "Muistutettu: Anna Aalto (1 tehtävä)." in page.locator(".messages").inner_text()
    assert "tila=overdue" in page.url
    reminded = list(ReminderOutbox.objects.values_list("recipient_id", flat=True))
    assert reminded == [team["late"].pk]

    # Export the filtered view as XLSX: the file is built by the task, then downloaded.
    with page.expect_navigation():
        page.get_by_role("button", name="Vie XLSX").click()
    assert "/seuranta/viennit/" in page.url
    link = page.get_by_role("link", name="Lataa tiedosto")
    link.wait_for()
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "vienti.xlsx"
    download_info.value.save_as(target)
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Henkilönumero", "Sukunimi", "Etunimi")
    assert sorted(row[1] for row in rows[1:]) == sorted(["Aalto", FORMULA_NAME])
    formula_row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 3).value == "Eve")
    cell = sheet.cell(formula_row, 2)
    assert cell.value == FORMULA_NAME and cell.data_type == "s"


def test_coordinator_county_report_is_accessible(page, sign_in, team):
    sign_in(team["coordinator"].user.email, PASSWORD)
    page.goto("/seuranta/alue/")
    assert page.get_by_role("heading", level=1).inner_text() == "Aluetason raportti"
    assert page.get_by_role("link", name="Yksikkö S1").is_visible()
    assert_no_serious_axe_violations(page, "the county report")
    with page.expect_navigation():
        page.get_by_role("link", name="Yksikkö S1").click()
    # Six people in the unit, one done, two late.
    row = page.get_by_role("row", name="Yksikkö S1-1")
    assert row.get_by_role("cell").all_inner_texts() == ["6", "1", "2", "17 %"]
    assert_no_serious_axe_violations(page, "the county report, one sector")


def test_supervisor_on_a_phone_finds_who_is_overdue_and_reminds_them(page, sign_in, team):
    """390 × 844: nothing scrolls sideways; the overdue people are ticked and reminded at
    once, the message names them; a sign-off far down a team member's page shows its
    message on screen."""
    from onboarding.models import Checklist, ChecklistItem, ItemKind, ItemOwner

    checklist = Checklist.objects.create(employee=team["late"])
    for number in range(8):
        ChecklistItem.objects.create(
            checklist=checklist,
            kind=ItemKind.TASK,
            title=f"Tehtävä {number}",
            owner=ItemOwner.EMPLOYEE,
            due_date=datetime.date.today() + datetime.timedelta(days=9),
        )
    ChecklistItem.objects.create(
        checklist=checklist,
        kind=ItemKind.SIGN_OFF,
        title="Perehdytyksen kuittaus",
        owner=ItemOwner.SUPERVISOR,
        due_date=datetime.date.today() + datetime.timedelta(days=9),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(team["lead"].user.email, PASSWORD)
    page.goto("/tiimi/")
    assert fits_the_screen(page)
    assert_no_serious_axe_violations(page, "the team dashboard on a phone")
    shot(page, "team-phone")
    # Who is overdue: the status is on each card, and the filter narrows to them.
    anna = page.locator("table.team-table tbody tr").filter(has_text="Anna Aalto")
    assert anna.locator(".cell-state").inner_text() == "Myöhässä"
    assert anna.get_by_role("button", name="Muistuta Anna Aalto").is_visible()
    page.get_by_label("Tila", exact=True).select_option("overdue")
    with page.expect_navigation():
        page.get_by_role("button", name="Suodata", exact=True).click()
    assert sorted(row_names(page)) == sorted(["Anna Aalto", f"Eve {FORMULA_NAME}"])
    assert fits_the_screen(page)

    # Tick both and remind them at once.
    page.get_by_label("Valitse Anna Aalto").check()
    page.get_by_label(f"Valitse Eve {FORMULA_NAME}").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Muistuta valittuja").click()
    message = page.locator(".messages").inner_text()
    assert message.startswith("Muistutettu: ") and "(2 tehtävää)" in message
    assert "Anna Aalto" in message and f"Eve {FORMULA_NAME}" in message
    assert in_view(page, ".messages") and fits_the_screen(page)
    assert set(ReminderOutbox.objects.values_list("recipient_id", flat=True)) == {
        team["late"].pk,
        team["formula"].pk,
    }
    assert_no_serious_axe_violations(page, "the team dashboard on a phone, after reminding")
    shot(page, "team-phone-reminded")

    # Sign off an item at the bottom of Anna's checklist: the message is on screen.
    with page.expect_navigation():
        page.get_by_role("link", name="Anna Aalto").click()
    assert fits_the_screen(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Kuittaa").click()
    assert "#checklist-item-" in page.url
    assert "Merkitty tehdyksi: Perehdytyksen kuittaus" in page.locator(".messages").inner_text()
    assert in_view(page, ".messages")
    shot(page, "team-member-signed-off")


@pytest.fixture
def demo_team(demo_county):
    """The demo county with its courses, learning history and onboarding checklists, as
    `manage.py load_demo` leaves it: the supervisor's team has one course column and a
    newcomer with overdue work to remind."""
    from cms.models import HomePage
    from courses.demo.loading import load_demo_courses
    from courses.demo.progress import load_demo_progress
    from onboarding.demo import load_demo_onboarding

    load_demo_courses(HomePage.objects.get(locale__language_code="fi"))
    load_demo_progress()
    load_demo_onboarding()
    return demo_county


def test_the_team_table_fits_a_laptop_and_a_phone_in_finnish_and_swedish(page, sign_in, demo_team):
    """At 1366 px the whole table, its last column's remind button included, fits the
    page's scroll box; at 390 and 320 px the cards do not scroll sideways, and a long
    course title does not break the completion rate beside it."""
    from people.demo.county import DEMO_PASSWORD
    from people.models import Employee

    supervisor = demo_team[roles.SUPERVISOR]
    sign_in(supervisor.user.email, DEMO_PASSWORD)
    for language in ("fi", "sv"):
        Employee.objects.filter(pk=supervisor.pk).update(preferred_language=language)
        for width, height in ((1366, 900), (390, 844), (320, 700)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto("/tiimi/")
            assert page.locator("html").get_attribute("lang") == language
            where = f"{language}, {width} px"
            assert fits_the_screen(page), where
            assert remind_buttons_inside_their_scroll_box(page), where
            assert rates_on_one_line(page), where
            shot(page, f"team-{language}-{width}")
