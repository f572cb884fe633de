"""What the home page offers each signed-in user, by role."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import roles
from people.permissions import user_can_import_employees, user_roles
from people.types import AnyUser

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Who gets a role card: (user, the roles they hold, the card's role) -> bool.
CardHolder = Callable[[AnyUser, set[str], str], bool]


@dataclass(frozen=True)
class HomeCard:
    role: str
    title: "StrOrPromise"
    description: "StrOrPromise"
    links: tuple[tuple[str, str], ...]

    @property
    def role_label(self) -> "StrOrPromise":
        return roles.LABELS[self.role]


@dataclass(frozen=True)
class RoleCard:
    """A role's card as data: who gets it (`holds`), what it says and its links as
    (label, URL name)."""

    role: str
    title: "StrOrPromise"
    description: "StrOrPromise"
    links: "tuple[tuple[StrOrPromise, str], ...]"
    holds: CardHolder | None = None  # default: holds the role


def _holds_role(user: AnyUser, held: set[str], role: str) -> bool:
    return role in held


def _hr_card_holder(user: AnyUser, held: set[str], role: str) -> bool:
    return role in held or user_can_import_employees(user)


ROLE_CARDS = (
    RoleCard(
        roles.EMPLOYEE,
        _("Oma perehdytys ja osaaminen"),
        _(
            "Näet omat tietosi, esihenkilösi ja yksikkösi. Täältä löydät hyte-koulutukset, "
            "perehdytyksen tehtävälistan ja fraasikirjaston."
        ),
        ((_("Omat opinnot"), "courses:my_learning"), (_("Omat tiedot"), "people:profile")),
    ),
    RoleCard(
        roles.SUPERVISOR,
        _("Tiimini"),
        _(
            "Näet suoraan sinulle raportoivat ja hallinnoimiesi yksiköiden työntekijät "
            "sekä heidän perehdytyksensä ja koulutustensa tilanteen."
        ),
        ((_("Avaa tiimisi"), "supervision:team"),),
    ),
    RoleCard(
        roles.TRAINER,
        _("Koulutusten laatiminen"),
        _("Laadit ja päivität hyte-koulutuksia, oppitunteja ja tietovisoja ylläpidossa."),
        ((_("Siirry ylläpitoon"), "wagtailadmin_explore_root"),),
    ),
    RoleCard(
        roles.PHRASE_EDITOR,
        _("Fraasien muokkaus"),
        _("Kirjoitat yksikkösi fraaseja luonnoksiksi. Hyväksyjä julkaisee ne fraasikirjastoon."),
        ((_("Siirry ylläpitoon"), "wagtailadmin_home"),),
    ),
    RoleCard(
        roles.PHRASE_APPROVER,
        _("Fraasien hyväksyntä"),
        _(
            "Tarkistat muiden kirjoittamat fraasit ja julkaiset ne. Omaa muutostasi "
            "et voi hyväksyä itse."
        ),
        ((_("Siirry ylläpitoon"), "wagtailadmin_home"),),
    ),
    RoleCard(
        roles.HR_ADMIN,
        _("Henkilöstötiedot"),
        _(
            "Tuot henkilöstön CSV- tai XLSX-tiedostosta esikatselun kautta ja "
            "ylläpidät perehdytyspohjia."
        ),
        (
            (_("Tuo henkilöstö"), "people_import:upload"),
            (_("Alueen raportti"), "supervision:county"),
            (_("Tarkastusloki"), "audit:log"),
            (_("Saavutettavuuspalautteet"), "statements:feedback_list"),
        ),
        holds=_hr_card_holder,
    ),
    RoleCard(
        roles.HYTE_COORDINATOR,
        _("Hyte-koordinointi"),
        _(
            "Seuraat koulutusten suorituksia ja hyte-osaamisen kehitystä alueella sekä "
            "suunnittelet järjestöjen ja seurakuntien esittäytymistilaisuudet."
        ),
        (
            (_("Alueen raportti"), "supervision:county"),
            (_("Tilaisuuksien koordinointi"), "events:overview"),
        ),
    ),
)


def home_cards_for(user: AnyUser) -> list[HomeCard]:
    """One card per role the user holds, in ROLE_CARDS' order, each with its actions."""
    if not user.is_authenticated:
        return []
    held = user_roles(user)
    return [
        HomeCard(
            card.role,
            card.title,
            card.description,
            tuple((str(label), reverse(name)) for label, name in card.links),
        )
        for card in ROLE_CARDS
        if (card.holds or _holds_role)(user, held, card.role)
    ]


def home_learning_for(user: AnyUser) -> dict[str, Any]:
    """The signed-in employee's next step (continue a course begun, or start the next
    one due) and their open courses with progress, from My learning's selector."""
    from courses.selectors import my_learning, next_step
    from people.selectors import employee_for_user

    employee = employee_for_user(user)
    if employee is None:
        return {}
    groups = my_learning(employee=employee)
    return {
        "next_step": next_step(groups),
        "open_courses": groups["required"] + groups["in_progress"],
    }


def home_checklist_for(user: AnyUser) -> dict[str, Any]:
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
