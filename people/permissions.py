"""Who may do what with people's data: plain yes/no functions used by views,
templates and selectors alike."""

from people import roles
from people.models import Employee
from people.selectors import employee_for_user, employee_has_reports, employee_is_report_of
from people.types import AnyUser


def user_roles(user: AnyUser) -> set[str]:
    """The roles a user holds: their groups, plus supervisor when people report to them
    (a supervisor set in the HR file or a unit manager is a supervisor by fact)."""
    if not user.is_authenticated:
        return set()
    held = {group.name for group in user.groups.all() if group.name in roles.ALL}
    employee = employee_for_user(user)
    if employee is not None:
        held.add(roles.EMPLOYEE)
        if roles.SUPERVISOR not in held and employee_has_reports(employee=employee):
            held.add(roles.SUPERVISOR)
    return held


def user_has_role(user: AnyUser, role: str) -> bool:
    return user.is_authenticated and (user.is_superuser or role in user_roles(user))


def user_can_import_employees(user: AnyUser) -> bool:
    return user.is_authenticated and user.has_perm("people.import_employees")


def user_can_view_team(user: AnyUser) -> bool:
    employee = employee_for_user(user)
    return employee is not None and employee_has_reports(employee=employee)


def user_can_view_employee(user: AnyUser, employee: Employee) -> bool:
    """Oneself, HR, or the person's supervisor (directly or through a managed unit)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("people.view_employee"):
        return True
    own = employee_for_user(user)
    if own is None:
        return False
    return own.pk == employee.pk or employee_is_report_of(employee=employee, supervisor=own)


def user_can_import_org_units(user: AnyUser) -> bool:
    return user.is_authenticated and user.has_perm("people.import_org_units")
