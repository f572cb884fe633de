"""What sessions tell people — invitations, reminders, time changes, seats from the
waiting list, feedback requests, presenter links — in the bell and by email, in each
person's language.

The session services write one outbox row per person and message (notifications'
outbox, in the transaction of the change); this module registers how each kind of
row becomes its notice and email when the outbox delivers it (notifications/kinds.py).
The texts use `notifications.messages.ReminderText` and the notifications app's email
templates, so every message of the site looks and reads alike. A message no longer
true when it is sent is dropped: an invitation or reminder to a cancelled session, a
time change superseded by a later one, a seat the person has since given up.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from languages.dates import moment
from notifications import kinds
from notifications.messages import ReminderText
from notifications.models import SubjectKind

logger = logging.getLogger(__name__)

INVITATION = "invitation"
SHARED = "shared"
REMINDER = "reminder"
TIME_CHANGED = "time_changed"
PROMOTED = "promoted"
FEEDBACK_REQUEST = "feedback_request"
CANCELLED = "cancelled"


def when(session) -> str:
    """13.12.2026 15.00 in Finnish, 13.12.2026 kl. 15.00 in Swedish (languages.dates)."""
    return moment(session.starts_at)


def text_for(kind: str, session) -> ReminderText:
    """The message of `kind` about `session`, in the active language."""
    values = {"title": session.local_title, "when": when(session)}
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
    return ReminderText(title=title, intro=intro % values, path=path, item=session.local_title)


def presenter_email(slot, *, link: str, after_session: bool) -> EmailMultiAlternatives:
    """To an organisation's contact person (no account, so Finnish, the county's
    working language, which the outbox sets for a row without a recipient): confirm
    the slot, or after the session answer one question."""
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
    # The outbox addresses it and adds the Message-ID of its row.
    return EmailMultiAlternatives(subject, body % values)


# How outbox rows become messages -------------------------------------------------

# Rows about a session (subject id = the session).
SESSION_KINDS = {
    SubjectKind.SESSION_REMINDER: REMINDER,
    SubjectKind.SESSION_CHANGED: TIME_CHANGED,
    SubjectKind.SESSION_CANCELLED: CANCELLED,
    SubjectKind.SESSION_FEEDBACK: FEEDBACK_REQUEST,
}


def changed_stage(session) -> str:
    """The key of a time-change message: one per calendar sequence."""
    return f"seq-{session.sequence}"


def _load_sessions(rows) -> dict:
    from events.models import Session

    return Session.objects.in_bulk({row.subject_id for row in rows})


def _compose_session(row, sessions) -> kinds.Composed | None:
    session = sessions.get(row.subject_id)
    if session is None:
        return None
    kind = SESSION_KINDS[row.subject_kind]
    if kind != CANCELLED and session.is_cancelled:
        return None
    if kind == TIME_CHANGED and row.stage != changed_stage(session):
        return None  # changed again since: the later message tells the time
    return kinds.Composed(text=text_for(kind, session))


def _load_invitations(rows) -> dict:
    from events.models import Invitation

    return Invitation.objects.select_related("session").in_bulk({row.subject_id for row in rows})


def _compose_invitation(row, invitations) -> kinds.Composed | None:
    """Subject id = the Invitation (one per person and session, ever); the stage says
    whether the county invited them or their supervisor shared the session."""
    invitation = invitations.get(row.subject_id)
    if invitation is None:
        return None
    session = invitation.session
    if session.is_cancelled or session.starts_at <= timezone.now():
        return None
    return kinds.Composed(text=text_for(SHARED if row.stage == SHARED else INVITATION, session))


def _load_registrations(rows) -> dict:
    from events.models import Registration

    return Registration.objects.select_related("session").in_bulk({row.subject_id for row in rows})


def _compose_promoted(row, registrations) -> kinds.Composed | None:
    from events.models import Registration

    registration = registrations.get(row.subject_id)
    if registration is None or registration.status != Registration.Status.REGISTERED:
        return None
    if registration.session.is_cancelled:
        return None
    return kinds.Composed(text=text_for(PROMOTED, registration.session))


def _load_slots(rows) -> dict:
    from events.models import PresenterSlot

    return PresenterSlot.objects.select_related("organisation", "session").in_bulk(
        {row.subject_id for row in rows}
    )


def _compose_presenter(row, slots) -> kinds.Composed | None:
    """To an organisation's contact person (row.address): no account, no notice."""
    from events.links import presenter_url

    slot = slots.get(row.subject_id)
    if slot is None:
        return None
    after_session = row.subject_kind == SubjectKind.PRESENTER_THANKS
    if not after_session and slot.session.is_cancelled:
        return None
    email = presenter_email(slot, link=presenter_url(slot.pk), after_session=after_session)
    return kinds.Composed(
        text=ReminderText(title=email.subject, intro="", path=""), notice=False, email=email
    )


def register_kinds() -> None:
    kinds.register(SESSION_KINDS, load=_load_sessions, compose=_compose_session)
    kinds.register(
        [SubjectKind.SESSION_INVITATION], load=_load_invitations, compose=_compose_invitation
    )
    kinds.register(
        [SubjectKind.SESSION_PROMOTED], load=_load_registrations, compose=_compose_promoted
    )
    kinds.register(
        [SubjectKind.PRESENTER_CONFIRM, SubjectKind.PRESENTER_THANKS],
        load=_load_slots,
        compose=_compose_presenter,
    )
