"""Reads about people. Each selector states its query budget."""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet

from people.models import Employee, OrgUnit


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
