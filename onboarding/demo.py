"""Demo onboarding templates for Järvilaakso and the newcomers' checklists."""

import datetime

from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from onboarding.models import (
    ChecklistItem,
    ChecklistTemplate,
    ItemKind,
    ItemOwner,
    TemplateItem,
)
from onboarding.services import active_templates, checklist_build
from people.models import Employee, OrgUnit

# Every text in Finnish, Swedish and English: (fi, sv, en).
TEMPLATES = [
    {
        "name": (
            "Kaikille uusille työntekijöille",
            "För alla nya medarbetare",
            "For every new employee",
        ),
        "units": [],
        "items": [
            (
                ItemKind.TASK,
                (
                    "Hae kulkukortti ja avaimet",
                    "Hämta passerkort och nycklar",
                    "Collect your access card and keys",
                ),
                (
                    "Kulkukortit ja avaimet saat aulapalvelusta arkisin klo 8–15.",
                    "Passerkort och nycklar får du i receptionen vardagar kl. 8–15.",
                    "Access cards and keys are handed out at the reception on weekdays 8–15.",
                ),
                ItemOwner.EMPLOYEE,
                2,
            ),
            (
                ItemKind.MEETING,
                ("Tapaa perehdyttäjäsi", "Träffa din introduktör", "Meet your onboarding buddy"),
                (
                    "Sovi perehdyttäjäsi kanssa ensimmäisen viikon tapaamiset.",
                    "Kom överens med din introduktör om träffarna under den första veckan.",
                    "Agree with your buddy on the meetings of your first week.",
                ),
                ItemOwner.BUDDY,
                5,
            ),
            (
                ItemKind.COURSE,
                (
                    "Hyte-ohjauksen perusteet",
                    "Grunderna i hänvisning till välfärdsverksamhet",
                    "Basics of wellbeing referrals",
                ),
                ("", "", ""),
                ItemOwner.EMPLOYEE,
                30,
            ),
            (
                ItemKind.TASK,
                (
                    "Tallenna tietoturvaohje ja lue se",
                    "Spara dataskyddsanvisningen och läs den",
                    "Save the information security guide and read it",
                ),
                (
                    "Ohje löytyy intrasta kohdasta Tietoturva.",
                    "Anvisningen finns på intranätet under Informationssäkerhet.",
                    "The guide is on the intranet under Information security.",
                ),
                ItemOwner.EMPLOYEE,
                14,
            ),
            (
                ItemKind.SIGN_OFF,
                (
                    "Esihenkilön kuittaus: perehdytyskeskustelu käyty",
                    "Chefens kvittering: introduktionssamtalet är fört",
                    "Supervisor's sign-off: onboarding talk held",
                ),
                ("", "", ""),
                ItemOwner.SUPERVISOR,
                30,
            ),
        ],
    },
    {
        "name": (
            "Ikääntyneiden palvelujen perehdytys",
            "Introduktion till äldreomsorgen",
            "Onboarding in services for older people",
        ),
        "units": ["IKA"],
        "items": [
            (
                ItemKind.MEETING,
                (
                    "Kotikäynti kokeneen hoitajan mukana",
                    "Hembesök tillsammans med en erfaren skötare",
                    "A home visit with an experienced nurse",
                ),
                ("", "", ""),
                ItemOwner.BUDDY,
                7,
            ),
            (
                ItemKind.TASK,
                (
                    "Tutustu alueen järjestöjen toimintaan ikäihmisille",
                    "Bekanta dig med organisationernas verksamhet för äldre i området",
                    "Get to know the local NGOs' activities for older people",
                ),
                (
                    "Katso hyvinvointitarjottimelta kolme toimintaa, joihin voisit ohjata "
                    "asiakkaan.",
                    "Leta upp tre verksamheter i välfärdsbrickan som du kunde hänvisa en "
                    "klient till.",
                    "Find three activities on the wellbeing tray that you could refer a client to.",
                ),
                ItemOwner.EMPLOYEE,
                21,
            ),
        ],
    },
]


def _columns(field: str, texts: tuple[str, str, str]) -> dict[str, str]:
    fi, sv, en = texts
    return {field: fi, f"{field}_sv": sv, f"{field}_en": en}


def _translate_loaded() -> None:
    """A demo loaded before the translations existed gets them, on templates, their
    items and the checklists already built; nothing written by hand is overwritten."""
    for spec in TEMPLATES:
        template = ChecklistTemplate.objects.filter(name=spec["name"][0]).first()
        if template is None:
            continue
        ChecklistTemplate.objects.filter(pk=template.pk, name_sv="").update(
            **_columns("name", spec["name"])
        )
        for _kind, title, description, _owner, _days in spec["items"]:
            texts = {**_columns("title", title), **_columns("description", description)}
            for model, filters in (
                (TemplateItem, {"template": template}),
                (ChecklistItem, {"template_item__template": template}),
            ):
                model.objects.filter(**filters, title=title[0], title_sv="").update(**texts)


@transaction.atomic
def load_demo_onboarding() -> None:
    if not ChecklistTemplate.objects.exists():
        course = CoursePage.objects.filter(
            slug="hyte-ohjauksen-perusteet", locale__language_code="fi"
        ).first()
        for spec in TEMPLATES:
            template = ChecklistTemplate(**_columns("name", spec["name"]))
            for position, (kind, title, description, owner, due_days) in enumerate(spec["items"]):
                template.items.add(
                    TemplateItem(
                        kind=kind,
                        **_columns("title", title),
                        **_columns("description", description),
                        owner=owner,
                        due_days=due_days,
                        course=course if kind == ItemKind.COURSE else None,
                        sort_order=position,
                    )
                )
            template.units = list(OrgUnit.objects.filter(code__in=spec["units"]))
            template.save()
    _translate_loaded()
    recent = timezone.localdate() - datetime.timedelta(days=60)
    templates = active_templates()
    for employee_id in Employee.objects.filter(active=True, start_date__gte=recent).values_list(
        "pk", flat=True
    ):
        checklist_build(employee_id=employee_id, templates=templates)
