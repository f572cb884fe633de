"""Marks when a session's sign-in happened, for its absolute limit."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY


@receiver(user_logged_in, dispatch_uid="accounts_session_started")
def mark_session_started(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[SESSION_STARTED_KEY] = now
    request.session[SESSION_SEEN_KEY] = now
    request.session.set_expiry(settings.SESSION_IDLE_SECONDS)
