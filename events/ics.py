"""Calendar files (RFC 5545, with the iTIP methods of RFC 5546) for a session, written
with the `icalendar` library: one VEVENT whose UID never changes and whose SEQUENCE
grows with each change of time and with a cancellation, so a calendar that imports the
file again updates the event it already has.

- A session that takes place is `METHOD:PUBLISH`; a cancelled one is `METHOD:CANCEL`
  with `STATUS:CANCELLED`, its title marked as cancelled, and the person it is for as
  ATTENDEE (RFC 5546 names the attendees of a cancelled event; PUBLISH has none).
- ORGANIZER is the address in CALENDAR_ORGANIZER_EMAIL (by default the no-reply sender
  of DEFAULT_FROM_EMAIL): sessions have no single organiser with an account.
- The UID ends in the installation's host (SITE_URL), so two counties' files never
  share one.
"""

from __future__ import annotations

import datetime

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Session

PRODID = "-//Hyteopas//Esittaytymistilaisuudet//FI"


def _organizer() -> icalendar.vCalAddress:
    organizer = icalendar.vCalAddress(f"mailto:{settings.CALENDAR_ORGANIZER_EMAIL}")
    organizer.params["CN"] = "Hyteopas"
    return organizer


def session_calendar(
    session: Session, *, attendee_email: str = "", now: datetime.datetime | None = None
) -> bytes:
    """The session as a calendar file, in the active language. `attendee_email` is the
    person downloading it, named in a cancellation."""
    now = now or timezone.now()
    link = settings.SITE_URL + reverse("events:session", args=[session.pk])
    description = session.local_description
    if session.has_meeting_link:
        description = f"{description}\n\n{session.meeting_link}".strip()
    description = f"{description}\n\n{link}".strip()
    location = session.address if session.has_address else session.meeting_link
    cancelled = session.is_cancelled

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")

    event = icalendar.Event()
    event.add("uid", session.ics_uid())
    event.add("sequence", session.sequence)
    event.add("dtstamp", now.astimezone(datetime.UTC))
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session.ends_at.astimezone(datetime.UTC))
    title = session.local_title
    if cancelled:
        title = _("Peruttu: %(title)s") % {"title": session.local_title}
    event.add("summary", title)
    event.add("description", description)
    event.add("url", link)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("organizer", _organizer())
    if cancelled and attendee_email:
        event.add("attendee", icalendar.vCalAddress(f"mailto:{attendee_email}"))
    if location:
        event.add("location", location)
    calendar.add_component(event)
    return calendar.to_ical()
