"""Calendar files (RFC 5545) for a session: one VEVENT whose UID never changes and whose
SEQUENCE grows with each change of time, so a calendar that imports the file again
updates the event it already has (or removes it, when the session is cancelled)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from events.models import Session

PRODID = "-//Hyteopas//Esittaytymistilaisuudet//FI"


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (3.1),
    never splitting a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size = [], "", 0
    for char in line:
        length = len(char.encode("utf-8"))
        limit = 75 if not parts else 74  # continuation lines start with a space
        if size + length > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += length
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def session_calendar(session: Session, *, now: datetime.datetime | None = None) -> bytes:
    now = now or timezone.now()
    link = settings.SITE_URL + reverse("events:session", args=[session.pk])
    description = session.local_description
    if session.has_meeting_link:
        description = f"{description}\n\n{session.meeting_link}".strip()
    description = f"{description}\n\n{link}".strip()
    location = session.address if session.has_address else session.meeting_link
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{session.ics_uid()}",
        f"SEQUENCE:{session.sequence}",
        f"DTSTAMP:{_utc(now)}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(session.ends_at)}",
        f"SUMMARY:{_escape(session.local_title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{link}",
        "STATUS:CANCELLED" if session.is_cancelled else "STATUS:CONFIRMED",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")
