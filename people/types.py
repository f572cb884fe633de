"""Types the apps' services, selectors and permissions share."""

from django.contrib.auth.models import AnonymousUser, User

# Whoever makes a request: a signed-in account, or nobody yet.
AnyUser = User | AnonymousUser
