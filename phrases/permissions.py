"""Who may do what in the phrase library: plain yes/no functions."""

from people import roles
from people.selectors import employee_for_user
from people.types import AnyUser


def user_can_use_library(user: AnyUser) -> bool:
    """Unit staff (anyone with an employee record), phrase editors and approvers."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or employee_for_user(user) is not None:
        return True
    return user.groups.filter(name__in=(roles.PHRASE_EDITOR, roles.PHRASE_APPROVER)).exists()


def user_can_import_activities(user: AnyUser) -> bool:
    return user.is_authenticated and user.has_perm("phrases.add_activity")
