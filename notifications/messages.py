"""What a reminder says, in the recipient's language: the subject line (also the title
of the in-app notice), one sentence, and the link straight to the item.

Source strings are Finnish and go through gettext; the Swedish and English catalogues
translate them. Everything is rendered inside `translation.override(language)`, so a
person reads the email and the notice in their own language whatever the worker's is.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from languages import dates
from notifications.models import Stage
from notifications.selectors import TeamDigest
from people.models import Employee


@dataclass
class ReminderText:
    title: str
    intro: str
    path: str  # site-relative; the email gets SITE_URL in front
    item: str = ""  # the item or course, shown on its own line
    digest: TeamDigest | None = None
    lines: list[dict] = field(default_factory=list)  # a digest's rows, ready to show


def day(value: datetime.date) -> str:
    """13.12.2026 in Finnish and Swedish (languages.dates)."""
    return dates.day(value)


def own_checklist_item(stage: str, *, title: str, due: datetime.date, item_id: int) -> ReminderText:
    date = day(due)
    texts = {
        Stage.DUE_SOON: (
            _("Perehdytystehtävän määräpäivä lähestyy: %(title)s"),
            _("Muista tehdä tämä perehdytystehtävä %(date)s mennessä."),
        ),
        Stage.DUE_TODAY: (
            _("Perehdytystehtävän määräpäivä on tänään: %(title)s"),
            _("Tämän perehdytystehtävän määräpäivä on tänään."),
        ),
        Stage.OVERDUE: (
            _("Perehdytystehtävä on myöhässä: %(title)s"),
            _("Tämän perehdytystehtävän määräpäivä oli %(date)s. Tee se mahdollisimman pian."),
        ),
        Stage.LONG_OVERDUE: (
            _("Perehdytystehtävä on ollut pitkään myöhässä: %(title)s"),
            _(
                "Tämän perehdytystehtävän määräpäivä oli %(date)s. Tee se nyt tai kysy "
                "neuvoa esihenkilöltäsi."
            ),
        ),
    }
    subject, intro = texts[Stage(stage)]
    return ReminderText(
        title=subject % {"title": title},
        intro=intro % {"date": date},
        path=f"/#checklist-item-{item_id}",
        item=title,
    )


def own_enrolment(stage: str, *, title: str, due: datetime.date, path: str) -> ReminderText:
    date = day(due)
    texts = {
        Stage.DUE_SOON: (
            _("Koulutuksen määräpäivä lähestyy: %(title)s"),
            _("Muista suorittaa tämä koulutus %(date)s mennessä."),
        ),
        Stage.DUE_TODAY: (
            _("Koulutuksen määräpäivä on tänään: %(title)s"),
            _("Tämän koulutuksen määräpäivä on tänään."),
        ),
        Stage.OVERDUE: (
            _("Koulutus on myöhässä: %(title)s"),
            _("Tämän koulutuksen määräpäivä oli %(date)s. Suorita se mahdollisimman pian."),
        ),
        Stage.LONG_OVERDUE: (
            _("Koulutus on ollut pitkään myöhässä: %(title)s"),
            _(
                "Tämän koulutuksen määräpäivä oli %(date)s. Suorita se nyt tai kysy neuvoa "
                "esihenkilöltäsi."
            ),
        ),
    }
    subject, intro = texts[Stage(stage)]
    return ReminderText(
        title=subject % {"title": title}, intro=intro % {"date": date}, path=path, item=title
    )


def renewal(stage: str, *, title: str, due: datetime.date, path: str) -> ReminderText:
    """A course to renew (its completion expired, or the course changed materially)."""
    date = day(due)
    texts = {
        Stage.DUE_SOON: (
            _("Koulutus on uusittava %(date)s mennessä: %(title)s"),
            _("Suorituksesi ei ole enää voimassa. Uusi koulutus %(date)s mennessä."),
        ),
        Stage.DUE_TODAY: (
            _("Koulutus on uusittava tänään: %(title)s"),
            _("Tämän koulutuksen uusimisen määräpäivä on tänään."),
        ),
        Stage.OVERDUE: (
            _("Koulutuksen uusiminen on myöhässä: %(title)s"),
            _("Koulutus piti uusia %(date)s mennessä. Uusi se mahdollisimman pian."),
        ),
        Stage.LONG_OVERDUE: (
            _("Koulutuksen uusiminen on ollut pitkään myöhässä: %(title)s"),
            _(
                "Koulutus piti uusia %(date)s mennessä. Uusi se nyt tai kysy neuvoa "
                "esihenkilöltäsi."
            ),
        ),
    }
    subject, intro = texts[Stage(stage)]
    return ReminderText(
        title=subject % {"title": title, "date": date},
        intro=intro % {"date": date},
        path=path,
        item=title,
    )


def team_member_path(employee: Employee, anchor: str = "") -> str:
    return reverse("supervision:team_member", args=[employee.employee_number]) + anchor


def for_someone_else(
    stage: str, *, title: str, due: datetime.date, about: Employee, path: str
) -> ReminderText:
    """An item the supervisor (or HR) owns for a report, or a long-overdue item or
    course escalated to the person who answers for them."""
    values = {"title": title, "name": about.full_name, "date": day(due)}
    if stage == Stage.ESCALATION:
        return ReminderText(
            title=_("Pitkään myöhässä: %(name)s – %(title)s") % values,
            intro=_(
                "Tämän määräpäivä oli %(date)s, eikä %(name)s ole vielä tehnyt sitä. "
                "Saat tämän viestin, koska vastaat hänen perehdytyksestään ja koulutuksistaan."
            )
            % values,
            path=path,
            item=title,
        )
    if stage in (Stage.DUE_SOON, Stage.DUE_TODAY):
        intro = _("Määräpäivä on %(date)s.")
    else:
        intro = _("Määräpäivä oli %(date)s, eikä tätä ole vielä tehty.")
    return ReminderText(
        title=_("Perehdytystehtävä odottaa sinua: %(title)s (%(name)s)") % values,
        intro=intro % values,
        path=path,
        item=title,
    )


def recertification(*, title: str, expires: datetime.date, path: str) -> ReminderText:
    values = {"title": title, "date": day(expires)}
    return ReminderText(
        title=_("Koulutuksen suoritus vanhenee %(date)s: %(title)s") % values,
        intro=_(
            "Suorituksesi vanhenee %(date)s. Käy koulutus uudelleen ennen sitä, niin "
            "pätevyytesi pysyy voimassa."
        )
        % values,
        path=path,
        item=title,
    )


def weekly_digest(*, week: str, digest: TeamDigest) -> ReminderText:
    overdue = ngettext(
        "%(count)s tehtävä tai koulutus on myöhässä.",
        "%(count)s tehtävää tai koulutusta on myöhässä.",
        digest.overdue,
    ) % {"count": digest.overdue}
    due_soon = ngettext(
        "%(count)s tehtävä tai koulutus erääntyy %(days)s päivän sisällä.",
        "%(count)s tehtävää tai koulutusta erääntyy %(days)s päivän sisällä.",
        digest.due_soon,
    ) % {"count": digest.due_soon, "days": settings.REMINDER_DUE_SOON_DAYS}
    lines = [
        {
            "name": line.employee.full_name,
            "title": line.title,
            "due": day(line.due_date),
            "overdue": line.overdue,
            "link": settings.SITE_URL
            + team_member_path(
                line.employee,
                f"#checklist-item-{line.subject_id}" if line.kind == "checklist_item" else "",
            ),
        }
        for line in digest.lines
    ]
    return ReminderText(
        title=_("Tiimisi viikkokooste, viikko %(week)s") % {"week": week.split("-W")[-1]},
        intro=f"{overdue} {due_soon}",
        path=reverse("supervision:team"),
        digest=digest,
        lines=lines,
    )


def automatic_headers(message_id: str) -> dict[str, str]:
    """The headers of every message the site sends by itself: a Message-ID made from
    `message_id` in EMAIL_DOMAIN (the same key gives the same id, so a repeat is
    recognisable) and Auto-Submitted (RFC 3834), so auto-replies stay quiet."""
    return {
        "Message-ID": f"<{message_id}@{settings.EMAIL_DOMAIN}>",
        "Auto-Submitted": "auto-generated",
    }


def build_email(
    *, recipient: Employee | None, text: ReminderText, message_id: str, headers: dict | None = None
) -> EmailMultiAlternatives:
    """Plain text and HTML in the active language (the HTML's lang too), with
    `automatic_headers(message_id)`; a digest gets its one-click stop link."""
    context = {
        "recipient": recipient,
        "text": text,
        "link": f"{settings.SITE_URL}{text.path}",
        "site_url": settings.SITE_URL,
        "notices_link": f"{settings.SITE_URL}{reverse('notifications:list')}",
        "team_link": f"{settings.SITE_URL}{reverse('supervision:team')}",
        "language": get_language() or settings.LANGUAGE_CODE,
        "unsubscribe_link": (headers or {}).get("List-Unsubscribe", "").strip("<>"),
    }
    template = "digest" if text.digest is not None else "reminder"
    body = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    message = EmailMultiAlternatives(
        text.title,
        body,
        to=[recipient.user.email] if recipient is not None else [],
        headers={**automatic_headers(message_id), **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message
