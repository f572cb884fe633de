"""The go-live checklist (*Käyttöönotto*): each step's state, read from the data and
the settings. A constant number of queries (about ten), whatever the county's size."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from golive.models import TestEmail
from people import roles
from people.models import Employee, ImportRun, OrgUnit

# Roles someone must hold before the county goes live.
ROLES_NEEDED = (roles.HR_ADMIN, roles.TRAINER, roles.PHRASE_APPROVER, roles.HYTE_COORDINATOR)
# The settings mozilla-django-oidc needs to sign people in with the county's identity
# provider.
OIDC_SETTINGS = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
)


@dataclass
class Step:
    key: str
    title: str
    done: bool
    state: str
    link: str
    link_text: str


def _applied(kind: str) -> ImportRun | None:
    return (
        ImportRun.objects.filter(kind=kind, status=ImportRun.Status.APPLIED)
        .order_by("-applied_at")
        .first()
    )


def go_live_steps() -> list[Step]:  # long: the page's steps in page order, one block each
    from courses.models import CoursePage
    from notifications.selectors import reminders_start_on

    steps = []
    units = OrgUnit.objects.aggregate(
        total=Count("pk"), closed=Count("pk", filter=Q(closed_on__isnull=False))
    )
    org_run = _applied(ImportRun.Kind.ORG_UNITS)
    steps.append(
        Step(
            "org_units",
            _("Organisaatiopuu tuotu"),
            units["total"] > 0,
            _("%(total)s yksikköä, joista %(closed)s suljettu.") % units
            + (
                " " + _("Viimeisin tuonti %(day)s.") % {"day": f"{org_run.applied_at:%d.%m.%Y}"}
                if org_run
                else ""
            ),
            reverse("org_import:upload"),
            _("Tuo organisaatiopuu"),
        )
    )
    staff_run = _applied(ImportRun.Kind.STAFF)
    active = Employee.objects.filter(active=True).count()
    steps.append(
        Step(
            "staff",
            _("Henkilöstö tuotu"),
            staff_run is not None and active > 0,
            _("%(count)s voimassa olevaa henkilöä.") % {"count": active}
            + (
                " " + _("Viimeisin tuonti %(day)s.") % {"day": f"{staff_run.applied_at:%d.%m.%Y}"}
                if staff_run
                else " " + _("Henkilöstöä ei ole vielä tuotu tiedostosta.")
            ),
            reverse("people_import:upload"),
            _("Tuo henkilöstö"),
        )
    )
    holders = dict(
        Group.objects.filter(name__in=ROLES_NEEDED)
        .annotate(people=Count("user", filter=Q(user__is_active=True)))
        .values_list("name", "people")
    )
    missing = [str(roles.LABELS[role]) for role in ROLES_NEEDED if not holders.get(role)]
    steps.append(
        Step(
            "roles",
            _("Roolit annettu"),
            not missing,
            _("Jokaisella roolilla on haltija.")
            if not missing
            else _("Ilman haltijaa: %(roles)s.") % {"roles": ", ".join(missing)},
            reverse("wagtailusers_users:index"),
            _("Anna roolit"),
        )
    )
    unset = [name for name in OIDC_SETTINGS if not getattr(settings, name, "")]
    steps.append(
        Step(
            "sign_in",
            _("Kirjautuminen määritetty"),
            not unset,
            _("Kertakirjautuminen (OIDC) on määritetty.")
            if not unset
            else _("Puuttuvat asetukset: %(names)s.") % {"names": ", ".join(unset)},
            reverse("login"),
            _("Kokeile kirjautumista"),
        )
    )
    published = CoursePage.objects.live().count()
    steps.append(
        Step(
            "course",
            _("Ensimmäinen koulutus julkaistu"),
            published > 0,
            _("Julkaistuja koulutuksia: %(count)s.") % {"count": published},
            reverse("wagtailadmin_explore_root"),
            _("Julkaise koulutus"),
        )
    )
    last_email = TestEmail.objects.filter(error="").first()
    steps.append(
        Step(
            "test_email",
            _("Testiviesti lähetetty"),
            last_email is not None,
            _("Viimeksi %(day)s osoitteeseen %(to)s.")
            % {"day": f"{last_email.sent_at:%d.%m.%Y %H:%M}", "to": last_email.sent_to}
            if last_email
            else _("Testiviestiä ei ole vielä lähetetty."),
            "#test-email",
            _("Lähetä testiviesti"),
        )
    )
    start = reminders_start_on()
    if start is None:
        state = _("Muistutukset ovat käytössä heti.")
    elif start.year == 9999:
        state = _("Muistutukset ovat tauolla.")
    else:
        state = _("Muistutukset alkavat %(day)s.") % {"day": f"{start:%d.%m.%Y}"}
    steps.append(
        Step(
            "reminders",
            _("Muistutusten aloituspäivä"),
            start is not None and start.year != 9999,
            state,
            reverse("wagtailsettings:edit", args=["notifications", "reminderstart"]),
            _("Aseta aloituspäivä"),
        )
    )
    return steps
