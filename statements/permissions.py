"""Who may read and close accessibility feedback: HR admins (and superusers)."""

from people import roles
from people.permissions import user_has_role
from people.types import AnyUser


def user_can_handle_accessibility_feedback(user: AnyUser) -> bool:
    return user_has_role(user, roles.HR_ADMIN)
