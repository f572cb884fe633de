"""Demo onboarding templates for Järvilaakso and the newcomers' checklists."""

import datetime

from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from onboarding.models import ChecklistTemplate, ItemKind, ItemOwner, TemplateItem
from onboarding.services import active_templates, checklist_build
from people.models import Employee, OrgUnit

TEMPLATES = [
    {
        "name": "Kaikille uusille työntekijöille",
        "units": [],
        "items": [
            (
                ItemKind.TASK,
                "Hae kulkukortti ja avaimet",
                "Kulkukortit ja avaimet saat aulapalvelusta arkisin klo 8–15.",
                ItemOwner.EMPLOYEE,
                2,
            ),
            (
                ItemKind.MEETING,
                "Tapaa perehdyttäjäsi",
                "Sovi perehdyttäjäsi kanssa ensimmäisen viikon tapaamiset.",
                ItemOwner.BUDDY,
                5,
            ),
            (ItemKind.COURSE, "Hyte-ohjauksen perusteet", "", ItemOwner.EMPLOYEE, 30),
            (
                ItemKind.TASK,
                "Tallenna tietoturvaohje ja lue se",
                "Ohje löytyy intrasta kohdasta Tietoturva.",
                ItemOwner.EMPLOYEE,
                14,
            ),
            (
                ItemKind.SIGN_OFF,
                "Esihenkilön kuittaus: perehdytyskeskustelu käyty",
                "",
                ItemOwner.SUPERVISOR,
                30,
            ),
        ],
    },
    {
        "name": "Ikääntyneiden palvelujen perehdytys",
        "units": ["IKA"],
        "items": [
            (ItemKind.MEETING, "Kotikäynti kokeneen hoitajan mukana", "", ItemOwner.BUDDY, 7),
            (
                ItemKind.TASK,
                "Tutustu alueen järjestöjen toimintaan ikäihmisille",
                "Katso hyvinvointitarjottimelta kolme toimintaa, joihin voisit ohjata asiakkaan.",
                ItemOwner.EMPLOYEE,
                21,
            ),
        ],
    },
]


@transaction.atomic
def load_demo_onboarding() -> None:
    if not ChecklistTemplate.objects.exists():
        course = CoursePage.objects.filter(
            slug="hyte-ohjauksen-perusteet", locale__language_code="fi"
        ).first()
        for spec in TEMPLATES:
            template = ChecklistTemplate(name=spec["name"])
            for position, (kind, title, description, owner, due_days) in enumerate(spec["items"]):
                template.items.add(
                    TemplateItem(
                        kind=kind,
                        title=title,
                        description=description,
                        owner=owner,
                        due_days=due_days,
                        course=course if kind == ItemKind.COURSE else None,
                        sort_order=position,
                    )
                )
            template.units = list(OrgUnit.objects.filter(code__in=spec["units"]))
            template.save()
    recent = timezone.localdate() - datetime.timedelta(days=60)
    templates = active_templates()
    for employee_id in Employee.objects.filter(active=True, start_date__gte=recent).values_list(
        "pk", flat=True
    ):
        checklist_build(employee_id=employee_id, templates=templates)
