"""People who left more than RETENTION_YEARS_AFTER_LEAVING years ago lose their names,
email, user name and employee number; unit-level statistics stay the same."""

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from notifications.models import Notification
from people.models import Employee
from privacy.services import leavers_pseudonymise
from supervision.county import completion_by_branch
from supervision.models import UnitCompletionTotal
from supervision.totals import unit_totals_refresh
from tasks.privacy import pseudonymise_leavers
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory, make_unit
from tests.supervision.conftest import complete, enrol

pytestmark = pytest.mark.django_db


def left(years_ago: float, unit, **fields):
    end = timezone.localdate() - datetime.timedelta(days=round(365.25 * years_ago))
    return EmployeeFactory(unit=unit, end_date=end, active=False, **fields)


@pytest.fixture
def unit():
    return make_unit("U1", make_unit("HVA"))


def test_leavers_past_the_period_are_pseudonymised_others_are_not(unit, settings):
    settings.RETENTION_YEARS_AFTER_LEAVING = 5
    old = left(5.2, unit)
    recent = left(4.8, unit)
    working = EmployeeFactory(unit=unit)
    Notification.objects.create(recipient=old, title="Hei Etu", body="Muista koulutus", url="/")
    names = (old.user.first_name, old.user.last_name, old.user.email, old.employee_number)

    assert pseudonymise_leavers.delay().get() == 1

    old.refresh_from_db()
    old.user.refresh_from_db()
    user = old.user
    assert (user.first_name, user.last_name, user.email) == ("", f"#{old.pk}", "")
    assert user.username.startswith("pseudonym-") and not user.has_usable_password()
    assert old.employee_number == f"X{old.pk}" and not user.is_active
    stored = str(list(Employee.objects.filter(pk=old.pk).values())) + str(
        list(type(user).objects.filter(pk=user.pk).values())
    )
    assert not any(name in stored for name in names if name)
    assert not Notification.objects.filter(recipient=old).exists()
    for kept in (recent, working):
        kept.refresh_from_db()
        assert not kept.user.username.startswith("pseudonym-")
    assert AuditEntry.objects.get(action=AuditAction.PSEUDONYMISE).target_employee == old

    # A second run finds nobody new.
    assert leavers_pseudonymise() == 0


def test_a_leaver_without_an_end_date_counts_from_when_the_record_closed(unit):
    closed = EmployeeFactory(unit=unit, active=False)
    Employee.objects.filter(pk=closed.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=365 * 6)
    )
    assert leavers_pseudonymise() == 1


def test_unit_statistics_stay_the_same(unit):
    course = make_course(lessons=1, mandatory=True)
    people = [EmployeeFactory(unit=unit) for _ in range(4)] + [left(6, unit) for _ in range(3)]
    for someone in people:
        enrol(someone, course, -5)
    for someone in people[::2]:
        complete(someone, course)
    unit_totals_refresh()
    before = list(UnitCompletionTotal.objects.values("unit", "course", "required", "completed"))
    branch_before = completion_by_branch(unit=unit.get_parent(), course_id=course.pk)["total"]

    assert leavers_pseudonymise() == 3

    unit_totals_refresh()
    after = list(UnitCompletionTotal.objects.values("unit", "course", "required", "completed"))
    branch_after = completion_by_branch(unit=unit.get_parent(), course_id=course.pk)["total"]
    assert before == after
    assert (branch_before.required, branch_before.completed) == (
        branch_after.required,
        branch_after.completed,
    )
