"""Who may do what with sessions and networks: plain yes/no functions."""

from events.models import Network
from people import roles
from people.permissions import user_has_role
from people.selectors import employee_for_user, employee_has_reports
from people.types import AnyUser


def user_is_coordinator(user: AnyUser) -> bool:
    """Hyte coordinators plan sessions, mark attendance, invite and read reports."""
    return user_has_role(user, roles.HYTE_COORDINATOR)


def user_can_convene(user: AnyUser, network: Network) -> bool:
    """Conveners maintain their own network's members; coordinators any network's."""
    if user_is_coordinator(user):
        return True
    employee = employee_for_user(user)
    return employee is not None and network.conveners.filter(pk=employee.pk).exists()


def user_can_share_with_team(user: AnyUser) -> bool:
    employee = employee_for_user(user)
    return employee is not None and employee_has_reports(employee=employee)
