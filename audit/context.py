"""The user of the request being served, for log entries written by signal receivers
that are not handed the user (a role change saved in the admin)."""

from contextvars import ContextVar

_request: ContextVar = ContextVar("audit_request", default=None)


def current_actor():
    """The signed-in user of the current request, else None. The user is looked up only
    when an entry is written, so requests that log nothing cost nothing."""
    request = _request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class AuditActorMiddleware:
    """After AuthenticationMiddleware: remembers the request while it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
