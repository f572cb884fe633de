"""Dates and times in the reader's language, for emails and exports rendered away from
a request (a worker, an export task): `13.12.2026 15.00` in Finnish (Django's),
`13.12.2026 kl. 15.00` in Finland-Swedish (formats/sv), Django's English otherwise."""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

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


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def clock(value: datetime.datetime) -> str:
    """A time of day in the active language's time format: klo 15.00 (fi), kl. 15.00
    (sv), 3 p.m. (en)."""
    from django.utils.translation import gettext

    return gettext("klo %(time)s") % {"time": time_format(_local(value), "TIME_FORMAT")}


def time_span(start: datetime.datetime, end: datetime.datetime) -> str:
    """A session's day and hours in the active language: ti 13.12.2026 klo 15.00–16.30
    (fi), tis 13.12.2026 kl. 15.00–16.30 (sv)."""
    from django.utils.translation import gettext

    start, end = _local(start), _local(end)
    return gettext("%(weekday)s %(day)s klo %(start)s–%(end)s") % {
        "weekday": date_format(start, "D"),
        "day": date_format(start, "SHORT_DATE_FORMAT"),
        "start": time_format(start, "TIME_FORMAT"),
        "end": time_format(end, "TIME_FORMAT"),
    }


def moment_at(value: datetime.datetime) -> str:
    """A day and a time in the active language: 13.12.2026 klo 15.00 (fi), 13.12.2026
    kl. 15.00 (sv)."""
    from django.utils.translation import gettext

    value = _local(value)
    return gettext("%(day)s klo %(time)s") % {
        "day": date_format(value, "SHORT_DATE_FORMAT"),
        "time": time_format(value, "TIME_FORMAT"),
    }
