"""Who may read the audit log: HR admins (the `hr_admin` group, people.roles.HR_ADMIN)
and superusers. The group is named here rather than imported, as the audit log stands
below `people`; tests/audit checks the two names agree."""

from django.contrib.auth.models import AnonymousUser, User

LOG_READER_GROUP = "hr_admin"


def user_can_read_audit_log(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=LOG_READER_GROUP).exists()
