"""A rule that mutation testing showed unguarded: a supervisor still opens the page of
a report who has left (their history stays the supervisor's to see), and nobody else
does."""

import pytest
from django.urls import reverse

from people.permissions import user_can_view_employee
from tests.factories import EmployeeFactory, make_unit

pytestmark = pytest.mark.django_db


def test_a_supervisor_views_a_report_who_has_left_a_stranger_does_not(client):
    unit = make_unit("HVA")
    lead = EmployeeFactory(unit=unit)
    EmployeeFactory(unit=unit, supervisor=lead)  # still a supervisor after one leaves
    leaver = EmployeeFactory(unit=unit, supervisor=lead, active=False)
    other_lead = EmployeeFactory(unit=make_unit("MUU"))
    EmployeeFactory(supervisor=other_lead, unit=other_lead.unit)

    assert user_can_view_employee(lead.user, leaver)
    assert not user_can_view_employee(other_lead.user, leaver)
    url = reverse("supervision:team_member", kwargs={"employee_number": leaver.employee_number})
    client.force_login(lead.user)
    assert client.get(url).status_code == 200
    client.force_login(other_lead.user)
    assert client.get(url).status_code == 404
