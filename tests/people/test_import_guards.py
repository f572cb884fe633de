"""Guards against the wrong staff file, and rules of the staff import that each get a
test of their own: mass deactivation and the uploader's own account need a second
confirmation; an email may move between people in one file; a one-day employment;
unit codes and case; someone whose account is already closed."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from people import roles, services
from people.models import Employee, OrgUnit
from tests.factories import JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db

HEADER = (
    "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;"
    "aloituspäivä;päättymispäivä;kieli"
)


def row(number, *, email=None, unit="A1", start="1.2.2024", end=""):
    email = email or f"p{number}@hva.example"
    return f"{number};Etu{number};Suku{number};{email};{unit};SH;;{start};{end};fi"


def csv(*rows) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


@pytest.fixture
def staff():
    make_unit("A1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    rows = [row(str(n)) for n in range(1, 21)]
    result = services.employee_import_apply(
        run=services.employee_import_preview(name="h.csv", content=csv(*rows)).run
    )
    assert result.ok
    return rows


def preview(content, **kwargs):
    return services.employee_import_preview(name="h.csv", content=content, **kwargs)


def active_count():
    return Employee.objects.filter(active=True).count()


def test_deactivating_more_than_the_share_is_refused_then_confirmed(staff):
    result = preview(csv(*staff[3:]))  # 3 of 20 = 15 % > 10 %
    assert result.plan.mass_deactivation and result.plan.deactivated_count == 3
    refused = services.employee_import_apply(run=result.run)
    assert refused.refused and not refused.ok and active_count() == 20
    confirmed = services.employee_import_apply(run=result.run, allow_mass_deactivation=True)
    assert confirmed.ok and active_count() == 17


def test_deactivating_up_to_the_share_needs_no_second_confirmation(staff, settings):
    result = preview(csv(*staff[2:]))  # 2 of 20 = 10 %: not more than the share
    assert not result.plan.mass_deactivation
    assert services.employee_import_apply(run=result.run).ok and active_count() == 18
    settings.IMPORT_MAX_DEACTIVATE_SHARE = 0.5
    assert preview(csv(*staff[:5])).plan.mass_deactivation  # 15 of 18
    assert not preview(csv(*staff[:14])).plan.mass_deactivation  # 6 of 18


def test_a_file_that_deactivates_its_uploader_is_refused(staff):
    uploader = Employee.objects.get(employee_number="1").user
    result = preview(csv(*staff[1:]), uploaded_by=uploader)
    assert not result.plan.mass_deactivation and result.plan.deactivates_user(uploader.pk)
    assert services.employee_import_apply(run=result.run).refused
    assert Employee.objects.get(employee_number="1").active


def test_the_admin_shows_the_count_lists_leavers_first_and_wants_a_second_confirmation(
    staff, client
):
    hr = Employee.objects.get(employee_number="1")
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(hr.user)
    response = client.post(
        "/admin/henkilostotuonti/",
        {"file": SimpleUploadedFile("h.csv", csv(*staff[10:], row("99")))},
    )
    page = client.get(response["Location"]).content.decode()
    assert "Tiedosto merkitsisi 10 henkilöä 20 voimassa olevasta (50 %) poistuneiksi" in page
    assert "Tiedosto sulkisi myös oman tunnuksesi." in page
    assert page.index("Poistuvat henkilöt") < page.index("Uudet henkilöt")
    # The forecast: person 99 started long ago (established staff); no course is live.
    assert "Tallennus luo perehdytyslistan 0 henkilölle ja 0 koulutusilmoittautumista." in page
    confirm_url = response["Location"] + "tallenna/"
    refused = client.post(confirm_url, follow=True).content.decode()
    assert "tiedosto merkitsisi 10 henkilöä poistuneiksi" in refused and active_count() == 20
    client.post(confirm_url, {"confirm_deactivations": "yes"})
    assert active_count() == 11


def test_the_command_refuses_mass_deactivation_without_the_flag(staff, tmp_path):
    path = tmp_path / "h.csv"
    path.write_bytes(csv(*staff[:5]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="--allow-mass-deactivation"):
        call_command("import_employees", str(path), "--yes", stdout=out)
    assert "Poistuu: 20 Etu20 Suku20" in out.getvalue() and active_count() == 20
    call_command("import_employees", str(path), "--yes", "--allow-mass-deactivation", stdout=out)
    assert active_count() == 5


def test_an_email_may_move_from_one_person_to_another_in_the_same_file(staff):
    moved = [row("1", email="p2@hva.example"), row("2", email="uusi@hva.example"), *staff[2:]]
    result = preview(csv(*moved))
    assert result.ok, [str(p) for p in result.problems]
    services.employee_import_apply(run=result.run)
    assert Employee.objects.get(employee_number="1").user.email == "p2@hva.example"
    # Taking the address of someone who is not in the file is refused.
    taken = preview(csv(row("1", email="p3@hva.example"), *staff[1:2], *staff[3:]))
    assert [str(p) for p in taken.problems] == [
        "Rivi 2: Sähköpostiosoite p3@hva.example kuuluu jo henkilölle 3."
    ]


def test_an_employment_of_exactly_one_day(staff):
    today = timezone.localdate()
    one_day = f"{today:%d.%m.%Y}"
    result = preview(csv(*staff, row("30", start=one_day, end=one_day)))
    assert result.ok, [str(p) for p in result.problems]
    services.employee_import_apply(run=result.run)
    assert Employee.objects.get(employee_number="30").active  # still working today
    yesterday = f"{today - datetime.timedelta(days=1):%d.%m.%Y}"
    gone = preview(csv(*staff, row("31", start=yesterday, end=yesterday)))
    assert gone.ok
    services.employee_import_apply(run=gone.run)
    assert not Employee.objects.get(employee_number="31").active


def test_unit_codes_match_as_written_else_without_case(staff):
    """Decision: a code matches its unit exactly, else without regard to case ("a1" is
    A1); the org-tree import and the unit form refuse codes differing only in case."""
    result = preview(csv(row("1", unit="a1"), *staff[1:]))
    assert result.ok and not result.plan.to_update
    assert preview(csv(row("1", unit="A2"), *staff[1:])).problems


def test_someone_whose_account_is_already_closed_is_not_deactivated_again(staff):
    Employee.objects.filter(employee_number="20").update(active=False)
    Employee.objects.get(employee_number="20").user.__class__.objects.filter(
        employee__employee_number="20"
    ).update(is_active=False)
    result = preview(csv(*staff[:19]))
    assert result.plan.to_deactivate == [] and result.plan.deactivated_count == 0
    assert not result.plan.has_changes
    # An account left open by hand for someone HR has closed is closed too.
    Employee.objects.get(employee_number="19").user.__class__.objects.filter(
        employee__employee_number="19"
    ).update(is_active=True)
    Employee.objects.filter(employee_number="19").update(active=False)
    again = preview(csv(*staff[:18]))
    assert [r["employee_number"] for r in again.plan.to_deactivate] == ["19"]
    assert OrgUnit.objects.filter(code="A1").exists()
