"""The demo county shows four-eyes publishing and keeps each role with its own person;
its tree and staff arrive through the imports."""

import pytest

from people import roles
from people.models import Employee, ImportRun

pytestmark = pytest.mark.django_db


def test_two_trainers_and_a_phrase_approver_who_is_not_the_coordinator():
    from people.demo.loading import load_demo_county

    sign_ins = load_demo_county()
    trainers = Employee.objects.filter(user__groups__name=roles.TRAINER)
    assert trainers.count() == 2
    by_role = {}
    for role, employee in sign_ins:
        by_role.setdefault(role, set()).add(employee.pk)
    assert by_role[roles.PHRASE_APPROVER].isdisjoint(by_role[roles.HYTE_COORDINATOR])
    assert by_role[roles.PHRASE_APPROVER].isdisjoint(by_role[roles.TRAINER])
    assert set(
        Employee.objects.get(pk=next(iter(by_role[roles.PHRASE_APPROVER]))).user.groups.values_list(
            "name", flat=True
        )
    ) == {roles.EMPLOYEE, roles.PHRASE_APPROVER}
    kinds = set(
        ImportRun.objects.filter(status=ImportRun.Status.APPLIED).values_list("kind", flat=True)
    )
    assert kinds == {ImportRun.Kind.STAFF, ImportRun.Kind.ORG_UNITS}
    assert (
        Employee.objects.get(unit__code="IKA-KH-1", job_role__code="OSH")
        .managed_units.filter(code="IKA-KH-1")
        .exists()
    )
