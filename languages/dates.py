"""Dates and times in the reader's language, for emails and exports rendered away from
a request (a worker, an export task): `13.12.2026 15.00` in Finnish (Django's),
`13.12.2026 kl. 15.00` in Finland-Swedish (formats/sv), Django's English otherwise."""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format

from languages.fields import language_code


def day(value: datetime.date, *, language: str | None = None) -> str:
    """13.12.2026 in Finnish and Swedish; Django's short date in English."""
    with translation.override(language_code(language)):
        return date_format(value, "SHORT_DATE_FORMAT")


def moment(value: datetime.datetime, *, language: str | None = None) -> str:
    """13.12.2026 15.00 (fi), 13.12.2026 kl. 15.00 (sv), in the site's time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    with translation.override(language_code(language)):
        return date_format(value, "SHORT_DATETIME_FORMAT")
