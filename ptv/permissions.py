from people import roles
from people.permissions import user_has_role
from people.types import AnyUser


def user_can_sync_ptv(user: AnyUser) -> bool:
    """HR admins, hyte coordinators and superusers see the sync and may run it."""
    return user.is_authenticated and (
        user.is_superuser
        or user_has_role(user, roles.HR_ADMIN)
        or user_has_role(user, roles.HYTE_COORDINATOR)
    )
