"""Message kinds other than the reminders: how an outbox row becomes a notice and an
email when it is sent.

A kind is registered once per process under its `SubjectKind` value. Apps above
notifications (events) register theirs in their `AppConfig.ready()`, so notifications
never imports them; the welcome and the one-off email are registered here.

A kind has two functions, both called inside the claiming transaction:
- `load(rows)`: whatever the batch's rows of this kind refer to, in a fixed number of
  queries;
- `compose(row, loaded)`: a `Composed` message, or None when it is no longer needed
  (the row is then `cancelled`). It runs in the recipient's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMultiAlternatives

from notifications.messages import ReminderText


@dataclass
class Composed:
    text: ReminderText  # the subject (also the notice's title), one sentence, the link
    notice: bool = True  # an in-app notice too (only for a recipient with an account)
    email: EmailMultiAlternatives | None = None  # own email; None: the reminder template


@dataclass(frozen=True)
class Kind:
    load: Callable[[list], Any]
    compose: Callable[[Any, Any], Composed | None]


_KINDS: dict[str, Kind] = {}


def register(subject_kinds: Iterable[str], *, load, compose) -> None:
    for subject_kind in subject_kinds:
        _KINDS[str(subject_kind)] = Kind(load=load, compose=compose)


def get(subject_kind: str) -> Kind | None:
    return _KINDS.get(subject_kind)
