"""Who sees whom: a supervisor sees direct reports and everyone under the units they
manage, nobody else; every people URL walked as every role."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people import roles
from people.permissions import user_can_view_employee, user_roles
from people.selectors import employee_reports
from tests.factories import EmployeeFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    county = make_unit("HVA")
    sector = make_unit("S1", county, "sector")
    area = make_unit("S1-A", sector, "area")
    unit_1 = make_unit("S1-A-1", area)
    unit_2 = make_unit("S1-A-2", area)
    other_sector = make_unit("S2", county, "sector")
    other_unit = make_unit("S2-1", other_sector)

    boss = EmployeeFactory(unit=area)  # manages the whole area
    area.managers.add(boss)
    lead = EmployeeFactory(unit=unit_1, supervisor=boss)
    nurse = EmployeeFactory(unit=unit_1, supervisor=lead)
    aide = EmployeeFactory(unit=unit_2)  # no supervisor set: seen through the managed area
    other_lead = EmployeeFactory(unit=other_unit)
    stranger = EmployeeFactory(unit=other_unit, supervisor=other_lead)
    return locals()


def numbers(queryset):
    return sorted(e.employee_number for e in queryset)


def test_reports_are_direct_reports_and_everyone_under_managed_units(org):
    assert numbers(employee_reports(supervisor=org["boss"])) == numbers(
        [org["lead"], org["nurse"], org["aide"]]
    )
    assert numbers(employee_reports(supervisor=org["lead"])) == numbers([org["nurse"]])
    assert numbers(employee_reports(supervisor=org["other_lead"])) == numbers([org["stranger"]])
    assert list(employee_reports(supervisor=org["nurse"])) == []


def test_people_who_left_drop_out_of_the_team(org):
    org["nurse"].active = False
    org["nurse"].save()
    assert org["nurse"] not in employee_reports(supervisor=org["lead"])


def test_reports_cost_one_query_for_3_or_60_people(org):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            list(employee_reports(supervisor=org["boss"]))
        return len(queries)

    few = count_queries()
    for _ in range(57):
        EmployeeFactory(unit=org["unit_2"])
    assert count_queries() == few == 1
    assert employee_reports(supervisor=org["boss"]).count() == 60


def test_supervisor_role_follows_the_facts(org):
    assert roles.SUPERVISOR in user_roles(org["lead"].user)
    assert roles.SUPERVISOR in user_roles(org["boss"].user)
    assert user_roles(org["nurse"].user) == {roles.EMPLOYEE}


def test_object_level_checks(org):
    lead_user = org["lead"].user
    assert user_can_view_employee(lead_user, org["nurse"])
    assert user_can_view_employee(lead_user, org["lead"])
    assert not user_can_view_employee(lead_user, org["stranger"])
    assert not user_can_view_employee(lead_user, org["aide"])
    assert user_can_view_employee(org["boss"].user, org["aide"])


def _as(client, employee):
    client.force_login(employee.user)
    return client


URLS = [
    ("/", {"anon": 200, "nurse": 200, "lead": 200, "other_lead": 200, "hr": 200}),
    ("/omat-tiedot/", {"anon": 302, "nurse": 200, "lead": 200, "other_lead": 200, "hr": 200}),
    ("/tiimi/", {"anon": 302, "nurse": 404, "lead": 200, "other_lead": 200, "hr": 404}),
    ("/tiimi/{nurse}/", {"anon": 302, "nurse": 200, "lead": 200, "other_lead": 404, "hr": 200}),
    ("/tiimi/{stranger}/", {"anon": 302, "nurse": 404, "lead": 404, "other_lead": 200, "hr": 200}),
    ("/tiimi/EI-OLE/", {"anon": 302, "nurse": 404, "lead": 404, "other_lead": 404, "hr": 404}),
    (
        "/admin/henkilostotuonti/",
        {"anon": 302, "nurse": 302, "lead": 302, "other_lead": 302, "hr": 200},
    ),
    (
        "/admin/people/employees/",
        {"anon": 302, "nurse": 302, "lead": 302, "other_lead": 302, "hr": 200},
    ),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_every_people_url_as_every_role(client, org, url, expected):
    hr = EmployeeFactory(unit=org["county"])
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    actors = {
        "anon": None,
        "nurse": org["nurse"],
        "lead": org["lead"],
        "other_lead": org["other_lead"],
        "hr": hr,
    }
    path = url.format(nurse=org["nurse"].employee_number, stranger=org["stranger"].employee_number)
    for name, employee in actors.items():
        client.logout()
        if employee is not None:
            client.force_login(employee.user)
        response = client.get(path)
        assert response.status_code == expected[name], f"{name} {path}"


def test_team_page_lists_exactly_the_reports_in_constant_queries(
    client, org, django_assert_max_num_queries
):
    client.force_login(org["boss"].user)
    with django_assert_max_num_queries(12):
        response = client.get("/tiimi/")
    shown = [row.employee_number for row in response.context["data"].page.object_list]
    assert sorted(shown) == numbers([org["lead"], org["nurse"], org["aide"]])
    for _ in range(40):
        EmployeeFactory(unit=org["unit_1"], supervisor=org["lead"])
    with django_assert_max_num_queries(12):
        client.get("/tiimi/")


def test_not_found_page_is_the_sites_own_in_finnish(client, org):
    client.force_login(org["lead"].user)
    page = client.get(f"/tiimi/{org['stranger'].employee_number}/").content.decode()
    assert "Sivua ei löydy" in page and 'href="#main"' in page
    assert org["stranger"].full_name not in page
