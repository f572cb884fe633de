"""Who may produce a person's data (right of access): HR admins and superusers."""

from people import roles
from people.types import AnyUser


def user_can_export_person_data(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=roles.HR_ADMIN).exists()
