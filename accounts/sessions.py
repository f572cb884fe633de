"""The session engine: Django's database sessions, with the one query every signed-in
request makes to read its session compiled once per process (compiledsql): compiling it
took longer than running it (`bench/learning.py --profile`). Everything else, writing
and expiring included, is Django's own."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from compiledsql import CompiledQuery

_SESSION = CompiledQuery(
    lambda session_key, now: Session.objects.filter(session_key=session_key, expire_date__gt=now),
    session_key="\x00session-key\x00",
    now=datetime.datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=datetime.UTC),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        # As Django's: the unexpired row, or none (and the key is forgotten).
        found = _SESSION.objects(session_key=self.session_key, now=timezone.now())
        if not found:
            self._session_key = None
            return None
        return found[0]
