"""What sessions tell people — invitations, reminders, time changes, seats from the
waiting list, feedback requests — in the bell and by email, in each person's language.

The texts use `notifications.messages.ReminderText` and the notifications app's email
templates, so every message of the site looks and reads alike. A batch of people gets
its in-app notices in one insert and its emails over one SMTP connection.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.messages import ReminderText, build_email
from notifications.models import Notification
from people.models import Employee

logger = logging.getLogger(__name__)

INVITATION = "invitation"
SHARED = "shared"
REMINDER = "reminder"
TIME_CHANGED = "time_changed"
PROMOTED = "promoted"
FEEDBACK_REQUEST = "feedback_request"
CANCELLED = "cancelled"


def when(session) -> str:
    local = timezone.localtime(session.starts_at)
    return f"{date_format(local, 'SHORT_DATE_FORMAT')} {date_format(local, 'TIME_FORMAT')}"


def text_for(kind: str, session) -> ReminderText:
    """The message of `kind` about `session`, in the active language."""
    values = {"title": session.title, "when": when(session)}
    path = reverse("events:session", args=[session.pk])
    if kind == INVITATION:
        title = _("Kutsu tilaisuuteen: %(title)s") % values
        intro = _(
            "Sinut on kutsuttu järjestöjen ja seurakuntien esittäytymistilaisuuteen "
            "%(when)s. Ilmoittaudu tilaisuuden sivulla."
        )
    elif kind == SHARED:
        title = _("Esihenkilösi vinkkaa tilaisuudesta: %(title)s") % values
        intro = _("Esihenkilösi jakoi sinulle tilaisuuden %(when)s. Ilmoittaudu sivulla.")
    elif kind == REMINDER:
        title = _("Huomenna: %(title)s") % values
        intro = _("Olet ilmoittautunut tilaisuuteen, joka alkaa %(when)s.")
    elif kind == TIME_CHANGED:
        title = _("Tilaisuuden aika muuttui: %(title)s") % values
        intro = _(
            "Tilaisuuden uusi aika on %(when)s. Lataa kalenteritiedosto uudelleen, niin "
            "kalenterisi päivittyy."
        )
    elif kind == PROMOTED:
        title = _("Sait paikan jonosta: %(title)s") % values
        intro = _("Paikka vapautui, ja olet nyt ilmoittautunut tilaisuuteen %(when)s.")
    elif kind == CANCELLED:
        title = _("Tilaisuus on peruttu: %(title)s") % values
        intro = _("Tilaisuus %(when)s on peruttu.")
    elif kind == FEEDBACK_REQUEST:
        title = _("Anna palautetta: %(title)s") % values
        intro = _("Kiitos osallistumisesta! Vastaa lyhyeen palautekyselyyn.")
        path = reverse("events:feedback", args=[session.pk])
    else:
        raise ValueError(kind)
    return ReminderText(title=title, intro=intro % values, path=path, item=session.title)


def _email(recipient: Employee, text: ReminderText, *, message_key: str) -> EmailMultiAlternatives:
    # The same message key always gives the same Message-ID, so a batch sent again
    # after a crash is recognisable as a repeat.
    return build_email(recipient=recipient, text=text, message_id=f"{message_key}-{recipient.pk}")


def tell(recipients: Iterable[Employee], kind: str, session, *, message_key: str) -> int:
    """An in-app notice and an email to each recipient (people without an email address
    get the notice only). Returns the number of people told."""
    recipients = list(recipients)
    notices, emails = [], []
    for recipient in recipients:
        with translation.override(recipient.ui_language):
            text = text_for(kind, session)
            notices.append(
                Notification(recipient=recipient, title=text.title, body=text.intro, url=text.path)
            )
            if recipient.user.email:
                emails.append(_email(recipient, text, message_key=message_key))
    Notification.objects.bulk_create(notices)
    if emails:
        connection = get_connection()
        try:
            connection.send_messages(emails)
        finally:
            connection.close()
    logger.info("events: %s for session %s to %s people", kind, session.pk, len(recipients))
    return len(recipients)


def presenter_email(slot, *, link: str, after_session: bool) -> EmailMultiAlternatives:
    """To an organisation's contact person (no account, so Finnish, the county's
    working language): confirm the slot, or after the session answer one question."""
    session = slot.session
    values = {
        "title": session.title,
        "when": when(session),
        "organisation": slot.organisation.name,
        "link": link,
    }
    if after_session:
        subject = _("Kiitos esittäytymisestä: %(title)s") % values
        body = _(
            "Kiitos, että %(organisation)s esittäytyi tilaisuudessa %(title)s "
            "(%(when)s). Kertoisitteko, oliko esittäytyminen hyödyllistä "
            "organisaatiollenne? Vastaaminen vie minuutin:\n\n%(link)s"
        )
    else:
        subject = _("Vahvistakaa esitysvuoronne: %(title)s") % values
        body = _(
            "%(organisation)s on mukana esittäytymässä tilaisuudessa %(title)s "
            "(%(when)s). Vahvistakaa esitysvuoro ja tarkistakaa aihe ja kesto tästä "
            "henkilökohtaisesta linkistä:\n\n%(link)s"
        )
    host = urlsplit(settings.SITE_URL).hostname or "hyteopas"
    purpose = "thanks" if after_session else "confirm"
    return EmailMultiAlternatives(
        subject,
        body % values,
        to=[slot.organisation.contact_email],
        headers={
            "Message-ID": f"<presenter-{purpose}-{slot.pk}-{session.sequence}@{host}>",
            "Auto-Submitted": "auto-generated",
        },
    )


def tell_presenters(slots, *, after_session: bool) -> int:
    """One email per slot whose organisation has a contact email, over one connection."""
    from events.links import presenter_url

    with translation.override(settings.LANGUAGE_CODE):
        emails = [
            presenter_email(slot, link=presenter_url(slot, renew=True), after_session=after_session)
            for slot in slots
            if slot.organisation.contact_email
        ]
    if emails:
        connection = get_connection()
        try:
            connection.send_messages(emails)
        finally:
            connection.close()
    return len(emails)
