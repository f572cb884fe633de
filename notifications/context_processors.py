"""The unread count of the bell in the site header."""

from django.utils.functional import SimpleLazyObject

from notifications.selectors import unread_count_for_user


def unread_count(request) -> dict:
    """`unread_notifications`: counted (one query) only when a template shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count_for_user(user.pk))}
