"""Sign in with an email address or an employee number."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from compiledsql import CompiledQuery

# Compiled once per process: the user is loaded on every signed-in request.
_USER = CompiledQuery(
    lambda user_id: (
        get_user_model()
        ._default_manager.select_related("employee__unit", "employee__job_role")
        .filter(pk=user_id)
    ),
    user_id=-318_664_902,
)


class EmailOrEmployeeNumberBackend(ModelBackend):
    """Accepts the work email (any case) or the employee number as the user name."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user_model = get_user_model()
        identifier = username.strip()
        candidates = list(
            user_model.objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))[
                :2
            ]
        )
        if len(candidates) != 1:
            # Run the hasher anyway so timing does not tell whether the account exists.
            user_model().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The signed-in user with their employee record, its unit and job role in one
        query (people.middleware then needs none of its own on every request)."""
        try:
            user_id = int(user_id)
        except (TypeError, ValueError):
            return None
        found = _USER.objects(user_id=user_id)
        if not found:
            return None
        user = found[0]
        return user if self.user_can_authenticate(user) else None
