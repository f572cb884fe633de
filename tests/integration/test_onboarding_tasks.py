"""Onboarding tasks through a real worker and real Redis: an HR import builds the
newcomer's checklist after it commits, and a course completion ticks its item."""

import pytest

from courses import services as course_services
from onboarding.models import ChecklistItem, ChecklistTemplate, ItemKind, TemplateItem
from people import services as people_services
from people.models import Employee
from tasks.onboarding import build_checklists
from tests.courses.builders import lessons_of, make_course
from tests.factories import JobRoleFactory, make_unit
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"


def test_import_builds_checklists_and_completion_ticks_the_course_item(celery_worker):
    make_unit("U1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    course = make_course(lessons=1)
    template = ChecklistTemplate(name="Kaikille")
    template.items.add(
        TemplateItem(kind=ItemKind.COURSE, title="Hyte-perusteet", course=course, sort_order=0)
    )
    template.items.add(TemplateItem(kind=ItemKind.TASK, title="Hae avaimet", sort_order=1))
    template.save()

    content = f"{HEADER}\n1;Aino;Aalto;aino@hva.example;U1;SH;;1.11.2026;;fi\n".encode()
    preview = people_services.employee_import_preview(name="h.csv", content=content)
    people_services.employee_import_apply(run=preview.run)  # commits; the worker builds
    newcomer = Employee.objects.get(employee_number="1")
    wait_for(lambda: ChecklistItem.objects.filter(checklist__employee=newcomer).count() == 2)

    # The same task delivered twice adds nothing.
    build_checklists.delay([newcomer.pk])
    course_services.lesson_complete(employee=newcomer, lesson=lessons_of(course)[0])
    wait_for(
        lambda: ChecklistItem.objects.filter(kind=ItemKind.COURSE, done_at__isnull=False).exists()
    )
    assert ChecklistItem.objects.filter(checklist__employee=newcomer).count() == 2
    assert not ChecklistItem.objects.get(kind=ItemKind.TASK).done_at
