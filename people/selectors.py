"""Reads about people. Each selector states its query budget."""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet

from people.models import Employee, OrgUnit
from people.types import AnyUser


def _units_under_managed(manager: Employee) -> QuerySet[OrgUnit]:
    """The units `manager` manages and every unit below them. The "under" test runs once
    per unit (a few hundred rows), never once per employee of the county, so a team read
    stays fast at 30,000 people."""
    managed = OrgUnit.objects.filter(managers=manager).annotate(
        outer_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    )
    return OrgUnit.objects.filter(Exists(managed.filter(outer_path__startswith=F("path"))))


def employee_reports(*, supervisor: Employee, include_inactive: bool = False) -> QuerySet[Employee]:
    """Everyone `supervisor` answers for: direct reports, and everyone in the units
    (and sub-units) they manage. One query, whatever the size of the team."""
    reports = (
        Employee.objects.filter(
            Q(supervisor=supervisor) | Q(unit__in=_units_under_managed(supervisor).values("pk"))
        )
        .exclude(pk=supervisor.pk)
        .select_related("user", "unit", "job_role")
        .order_by("user__last_name", "user__first_name", "employee_number")
    )
    if not include_inactive:
        reports = reports.filter(active=True)
    return reports


def employees_answering_for(*, reports: QuerySet[Employee]) -> QuerySet[Employee]:
    """The other way round of `employee_reports`: the active people for whom at least
    one of `reports` (not themself) is a report, as their direct supervisor or as a
    manager of the person's unit or a unit above it. One query."""
    direct = reports.filter(supervisor_id=OuterRef("pk")).exclude(pk=OuterRef("pk"))
    under_unit = reports.filter(unit__path__startswith=OuterRef("orgunit__path")).exclude(
        pk=OuterRef("employee_id")
    )
    managing = OrgUnit.managers.through.objects.filter(employee_id=OuterRef("pk")).filter(
        Exists(under_unit.order_by())
    )
    return Employee.objects.filter(active=True).filter(Exists(direct.order_by()) | Exists(managing))


def employee_is_report_of(*, employee: Employee, supervisor: Employee) -> bool:
    """One query."""
    return (
        employee_reports(supervisor=supervisor, include_inactive=True)
        .filter(pk=employee.pk)
        .exists()
    )


def employee_has_reports(*, employee: Employee) -> bool:
    """One query."""
    return employee_reports(supervisor=employee).exists()


def employee_for_user(user: AnyUser) -> Employee | None:
    """The employee record of a signed-in user, or None (e.g. a technical admin account)."""
    if not user.is_authenticated:
        return None
    try:
        return user.employee
    except Employee.DoesNotExist:
        return None
