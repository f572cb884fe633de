"""What the home page offers each signed-in user, by role."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import roles
from people.permissions import user_can_import_employees, user_roles
from people.types import AnyUser


@dataclass(frozen=True)
class HomeCard:
    role: str
    title: str
    description: str
    links: tuple[tuple[str, str], ...]

    @property
    def role_label(self) -> str:
        return roles.LABELS[self.role]


def home_cards_for(user: AnyUser) -> list[HomeCard]:
    """One card per role the user holds, in a fixed order, each with its actions."""
    if not user.is_authenticated:
        return []
    held = user_roles(user)
    cards = []
    if roles.EMPLOYEE in held:
        cards.append(
            HomeCard(
                roles.EMPLOYEE,
                _("Oma perehdytys ja osaaminen"),
                _(
                    "Näet omat tietosi, esihenkilösi ja yksikkösi. Täältä löydät hyte-koulutukset, "
                    "perehdytyksen tehtävälistan ja fraasikirjaston."
                ),
                (
                    (str(_("Omat opinnot")), reverse("courses:my_learning")),
                    (str(_("Omat tiedot")), reverse("people:profile")),
                ),
            )
        )
    if roles.SUPERVISOR in held:
        cards.append(
            HomeCard(
                roles.SUPERVISOR,
                _("Tiimini"),
                _(
                    "Näet suoraan sinulle raportoivat ja hallinnoimiesi yksiköiden työntekijät "
                    "sekä heidän perehdytyksensä ja koulutustensa tilanteen."
                ),
                ((str(_("Avaa tiimisi")), reverse("supervision:team")),),
            )
        )
    if roles.TRAINER in held:
        cards.append(
            HomeCard(
                roles.TRAINER,
                _("Koulutusten laatiminen"),
                _("Laadit ja päivität hyte-koulutuksia, oppitunteja ja tietovisoja ylläpidossa."),
                ((str(_("Siirry ylläpitoon")), reverse("wagtailadmin_explore_root")),),
            )
        )
    if roles.PHRASE_EDITOR in held:
        cards.append(
            HomeCard(
                roles.PHRASE_EDITOR,
                _("Fraasien muokkaus"),
                _(
                    "Kirjoitat yksikkösi fraaseja luonnoksiksi. Hyväksyjä julkaisee ne "
                    "fraasikirjastoon."
                ),
                ((str(_("Siirry ylläpitoon")), reverse("wagtailadmin_home")),),
            )
        )
    if roles.PHRASE_APPROVER in held:
        cards.append(
            HomeCard(
                roles.PHRASE_APPROVER,
                _("Fraasien hyväksyntä"),
                _(
                    "Tarkistat muiden kirjoittamat fraasit ja julkaiset ne. Omaa muutostasi "
                    "et voi hyväksyä itse."
                ),
                ((str(_("Siirry ylläpitoon")), reverse("wagtailadmin_home")),),
            )
        )
    if roles.HR_ADMIN in held or user_can_import_employees(user):
        cards.append(
            HomeCard(
                roles.HR_ADMIN,
                _("Henkilöstötiedot"),
                _(
                    "Tuot henkilöstön CSV- tai XLSX-tiedostosta esikatselun kautta ja "
                    "ylläpidät perehdytyspohjia."
                ),
                (
                    (str(_("Tuo henkilöstö")), reverse("people_import:upload")),
                    (str(_("Alueen raportti")), reverse("supervision:county")),
                    (str(_("Tarkastusloki")), reverse("audit:log")),
                    (str(_("Saavutettavuuspalautteet")), reverse("statements:feedback_list")),
                ),
            )
        )
    if roles.HYTE_COORDINATOR in held:
        cards.append(
            HomeCard(
                roles.HYTE_COORDINATOR,
                _("Hyte-koordinointi"),
                _(
                    "Seuraat koulutusten suorituksia ja hyte-osaamisen kehitystä alueella sekä "
                    "suunnittelet järjestöjen ja seurakuntien esittäytymistilaisuudet."
                ),
                (
                    (str(_("Alueen raportti")), reverse("supervision:county")),
                    (str(_("Tilaisuuksien koordinointi")), reverse("events:overview")),
                ),
            )
        )
    return cards


def home_checklist_for(user: AnyUser) -> dict:
    """The signed-in employee's own onboarding checklist, while it has open items or
    was finished within the last two weeks."""
    from onboarding.selectors import checklist_for, checklist_progress
    from people.selectors import employee_for_user

    employee = employee_for_user(user)
    if employee is None:
        return {}
    views = checklist_for(employee=employee, viewer=user)
    if (
        not views
        or all(view.state == "done" for view in views)
        and employee.start_date < (timezone.localdate() - datetime.timedelta(days=90))
    ):
        return {}
    return {"checklist": views, "progress": checklist_progress(views)}
