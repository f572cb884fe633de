"""Reads about people. Each selector states its query budget."""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet

from people.models import Employee, OrgUnit


def _managed_unit_covers_employee(manager: Employee) -> Exists:
    """True for an employee whose unit lies in (or is) a unit `manager` manages."""
    return Exists(
        OrgUnit.objects.filter(managers=manager)
        .annotate(employee_path=ExpressionWrapper(OuterRef("unit__path"), output_field=CharField()))
        .filter(employee_path__startswith=F("path"))
    )


def employee_reports(*, supervisor: Employee, include_inactive: bool = False) -> QuerySet[Employee]:
    """Everyone `supervisor` answers for: direct reports, and everyone in the units
    (and sub-units) they manage. One query, whatever the size of the team."""
    reports = (
        Employee.objects.filter(
            Q(supervisor=supervisor) | _managed_unit_covers_employee(supervisor)
        )
        .exclude(pk=supervisor.pk)
        .select_related("user", "unit", "job_role")
        .order_by("user__last_name", "user__first_name", "employee_number")
    )
    if not include_inactive:
        reports = reports.filter(active=True)
    return reports


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


def employee_for_user(user) -> Employee | None:
    """The employee record of a signed-in user, or None (e.g. a technical admin account)."""
    if not user.is_authenticated:
        return None
    try:
        return user.employee
    except Employee.DoesNotExist:
        return None


def org_units_under(*, unit: OrgUnit) -> QuerySet[OrgUnit]:
    """The unit itself and all units below it. One query."""
    return OrgUnit.objects.filter(path__startswith=unit.path)
