"""The session engine (accounts/sessions.py) reads a session as Django's database engine
does: the unexpired row only."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_session_is_read_back_until_it_expires():
    store = SessionStore()
    store["quiz-1-draft"] = {"3": [7]}
    store.save()
    key = store.session_key
    assert SessionStore(key).load() == {"quiz-1-draft": {"3": [7]}}

    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    expired = SessionStore(key)
    assert expired.load() == {}
    assert expired.session_key is None


def test_an_unknown_key_reads_as_an_empty_session():
    store = SessionStore("x" * 32)
    assert store.load() == {}
    assert store.session_key is None
