"""Who may see which supervision page: plain yes/no functions for views and templates.
Object-level checks (is this person one of mine?) answer 404 in the views."""

from people import roles
from people.permissions import user_can_view_team
from people.types import AnyUser
from supervision.models import ExportJob


def user_can_view_dashboard(user: AnyUser) -> bool:
    """Supervisors: anyone with reports (directly or through a managed unit)."""
    return user_can_view_team(user)


def _in_groups(user: AnyUser, *names: str) -> bool:
    return user.groups.filter(name__in=names).exists()


def user_can_view_county_report(user: AnyUser) -> bool:
    """HR admins and hyte coordinators see the whole county in figures; single people
    only HR admins, through `user_can_export_people`."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or _in_groups(user, roles.HR_ADMIN, roles.HYTE_COORDINATOR)


def user_can_export_people(user: AnyUser) -> bool:
    """Person-level exports of the whole county: HR admins only. Hyte coordinators get
    the per-unit summary; supervisors export their own team from the dashboard."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or _in_groups(user, roles.HR_ADMIN)


def user_can_use_export(user: AnyUser, job: ExportJob) -> bool:
    """An export file belongs to the person who asked for it."""
    return user.is_authenticated and job.owner_id == user.pk
