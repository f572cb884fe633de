from people import roles
from people.permissions import user_has_role
from people.types import AnyUser


def user_can_go_live(user: AnyUser) -> bool:
    """HR admins and superusers see the go-live page."""
    return user.is_authenticated and (user.is_superuser or user_has_role(user, roles.HR_ADMIN))
