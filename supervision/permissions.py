"""Who may see which supervision page: plain yes/no functions for views and templates.
Object-level checks (is this person one of mine?) answer 404 in the views.

These ask the database the narrow question directly rather than going through
`people.permissions.user_roles`, whose "has reports" test reads every employee of the
county: at 30,000 people it costs more than the whole dashboard."""

from people import roles
from people.selectors import employee_for_user


def user_can_view_dashboard(user) -> bool:
    """Supervisors: anyone with reports (directly or through a managed unit)."""
    from supervision.team import team_members

    employee = employee_for_user(user)
    return employee is not None and team_members(supervisor=employee).exists()


def _in_groups(user, *names: str) -> bool:
    return user.groups.filter(name__in=names).exists()


def user_can_view_county_report(user) -> bool:
    """HR admins and hyte coordinators see the whole county, never single people."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or _in_groups(user, roles.HR_ADMIN, roles.HYTE_COORDINATOR)


def user_can_read_audit_log(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or _in_groups(user, roles.HR_ADMIN)


def user_can_use_export(user, job) -> bool:
    """An export file belongs to the person who asked for it."""
    return user.is_authenticated and job.owner_id == user.pk
