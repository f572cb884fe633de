"""Onboarding checklists: built from the templates that fit, once; course items become
enrolments and tick themselves on completion; sign-off is the supervisor's."""

import datetime

import pytest
from django.contrib.auth.models import Group

from courses import services as course_services
from courses.models import Enrolment
from onboarding import services
from onboarding.models import ChecklistItem, ChecklistTemplate, ItemKind, ItemOwner, TemplateItem
from people import roles
from tests.courses.builders import lessons_of, make_course
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    county = make_unit("HVA")
    sector = make_unit("S", county, "sector")
    unit = make_unit("S-1", sector)
    other = make_unit("S-2", sector)
    nurse_role = JobRoleFactory(code="SH")
    return {"county": county, "sector": sector, "unit": unit, "other": other, "nurse": nurse_role}


def template(name, units=(), roles_=(), items=()):
    tpl = ChecklistTemplate(name=name)
    for position, (kind, title, extra) in enumerate(items):
        tpl.items.add(TemplateItem(kind=kind, title=title, sort_order=position, **extra))
    tpl.units = list(units)
    tpl.job_roles = list(roles_)
    tpl.save()
    return tpl


def test_build_takes_every_fitting_template_once_and_enrols_in_courses(org):
    course = make_course(lessons=1)
    template(
        "Kaikille",
        items=[
            (ItemKind.TASK, "Hae avaimet", {"due_days": 3}),
            (ItemKind.COURSE, "Hyte-perusteet", {"course": course, "due_days": 30}),
        ],
    )
    template(
        "Sektori S",
        units=[org["sector"]],
        items=[(ItemKind.MEETING, "Tapaa perehdyttäjä", {"owner": ItemOwner.BUDDY})],
    )
    template("Toinen yksikkö", units=[org["other"]], items=[(ItemKind.TASK, "Ei minulle", {})])
    template("Sairaanhoitajat", roles_=[org["nurse"]], items=[(ItemKind.READ, "Lue ohje", {})])
    newcomer = EmployeeFactory(unit=org["unit"], start_date=datetime.date(2026, 11, 2))

    assert services.checklist_build(employee_id=newcomer.pk) == 3
    assert services.checklist_build(employee_id=newcomer.pk) == 0
    items = {
        item.title: item for item in ChecklistItem.objects.filter(checklist__employee=newcomer)
    }
    assert set(items) == {"Hae avaimet", "Hyte-perusteet", "Tapaa perehdyttäjä"}
    assert items["Hae avaimet"].due_date == datetime.date(2026, 11, 5)
    enrolment = Enrolment.objects.get(employee=newcomer)
    assert (enrolment.course_id, enrolment.source, enrolment.due_date) == (
        course.pk,
        "onboarding",
        datetime.date(2026, 12, 2),
    )


def test_a_deleted_course_leaves_a_plain_task(org):
    course = make_course(lessons=1)
    template("Kaikille", items=[(ItemKind.COURSE, "Poistettu kurssi", {"course": course})])
    course.delete()
    newcomer = EmployeeFactory(unit=org["unit"])
    services.checklist_build(employee_id=newcomer.pk)
    item = ChecklistItem.objects.get(checklist__employee=newcomer)
    assert (item.kind, item.course_id) == (ItemKind.TASK, None)
    assert not Enrolment.objects.exists()


def test_completing_the_course_ticks_its_item(org, django_capture_on_commit_callbacks):
    course = make_course(lessons=1)
    template("Kaikille", items=[(ItemKind.COURSE, "Kurssi", {"course": course})])
    newcomer = EmployeeFactory(unit=org["unit"])
    services.checklist_build(employee_id=newcomer.pk)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.lesson_complete(employee=newcomer, lesson=lessons_of(course)[0])
    assert ChecklistItem.objects.get(checklist__employee=newcomer).done_at is not None


def test_editing_a_template_reaches_only_recent_open_checklists(org, settings):
    settings.ONBOARDING_PROPAGATE_DAYS = 60
    tpl = template("Kaikille", items=[(ItemKind.TASK, "Ensimmäinen", {})])
    recent = EmployeeFactory(
        unit=org["unit"], start_date=datetime.date.today() - datetime.timedelta(days=10)
    )
    veteran = EmployeeFactory(
        unit=org["unit"], start_date=datetime.date.today() - datetime.timedelta(days=400)
    )
    for person in (recent, veteran):
        services.checklist_build(employee_id=person.pk)
    first = ChecklistItem.objects.get(checklist__employee=recent)
    TemplateItem.objects.filter(template=tpl).update(title="Muutettu otsikko")
    tpl.items.add(TemplateItem(kind=ItemKind.TASK, title="Uusi tehtävä", sort_order=5))
    tpl.save()
    assert services.template_propagate(template_id=tpl.pk) == 1
    assert set(
        ChecklistItem.objects.filter(checklist__employee=recent).values_list("title", flat=True)
    ) == {"Ensimmäinen", "Uusi tehtävä"}
    assert ChecklistItem.objects.filter(checklist__employee=veteran).count() == 1
    first.refresh_from_db()
    assert first.title == "Ensimmäinen"  # the item already given is not rewritten


def test_sign_off_is_for_the_supervisor_and_tasks_for_the_employee(client, org):
    template(
        "Kaikille",
        items=[
            (ItemKind.SIGN_OFF, "Esihenkilö kuittaa", {"owner": ItemOwner.SUPERVISOR}),
            (ItemKind.TASK, "Oma tehtävä", {}),
        ],
    )
    boss = EmployeeFactory(unit=org["unit"])
    newcomer = EmployeeFactory(unit=org["unit"], supervisor=boss)
    stranger = EmployeeFactory(unit=org["other"])
    services.checklist_build(employee_id=newcomer.pk)
    sign_off = ChecklistItem.objects.get(kind=ItemKind.SIGN_OFF)
    task = ChecklistItem.objects.get(kind=ItemKind.TASK)

    client.force_login(newcomer.user)
    client.post(f"/perehdytys/{sign_off.pk}/valmis/")
    client.post(f"/perehdytys/{task.pk}/valmis/")
    sign_off.refresh_from_db()
    task.refresh_from_db()
    assert sign_off.done_at is None and task.done_by_id == newcomer.user_id

    client.force_login(stranger.user)
    assert client.post(f"/perehdytys/{sign_off.pk}/valmis/").status_code == 404

    client.force_login(boss.user)
    page = client.get(f"/tiimi/{newcomer.employee_number}/").content.decode()
    assert "Esihenkilö kuittaa" in page and "Lisää tehtävä perehdytyslistaan" in page
    client.post(f"/perehdytys/{sign_off.pk}/valmis/")
    sign_off.refresh_from_db()
    assert sign_off.done_by_id == boss.user_id


def test_supervisor_adds_an_extra_item_for_one_person(client, org):
    boss = EmployeeFactory(unit=org["unit"])
    newcomer = EmployeeFactory(unit=org["unit"], supervisor=boss)
    other = EmployeeFactory(unit=org["other"])
    client.force_login(boss.user)
    client.post(
        f"/tiimi/{newcomer.employee_number}/perehdytys/lisaa/",
        {"title": "Tutustu lääkehuoltoon", "due_date": "2026-12-01"},
    )
    assert ChecklistItem.objects.get(checklist__employee=newcomer).added_by_id == boss.user_id
    response = client.post(
        f"/tiimi/{other.employee_number}/perehdytys/lisaa/",
        {"title": "x", "due_date": "2026-12-01"},
    )
    assert response.status_code == 404
    response = client.post(
        f"/tiimi/{newcomer.employee_number}/perehdytys/lisaa/",
        {"title": "", "due_date": "huomenna"},
        follow=True,
    )
    assert "Tehtävää ei lisätty" in response.content.decode()
    assert ChecklistItem.objects.count() == 1


def test_newcomer_sees_the_checklist_on_the_home_page(client, org):
    course = make_course(lessons=1)
    template(
        "Kaikille",
        items=[
            (ItemKind.TASK, "Hae kulkukortti", {"due_days": 0}),
            (ItemKind.COURSE, "Hyte-perusteet", {"course": course, "due_days": 30}),
        ],
    )
    newcomer = EmployeeFactory(
        unit=org["unit"], start_date=datetime.date.today() - datetime.timedelta(days=3)
    )
    services.checklist_build(employee_id=newcomer.pk)
    client.force_login(newcomer.user)
    page = client.get("/").content.decode()
    assert "Perehdytys" in page and "0/2 tehty" in page
    assert 'data-state="overdue"' in page and course.url in page


def test_hr_import_builds_checklists_for_new_people(org, django_capture_on_commit_callbacks):
    from people import services as people_services

    template("Kaikille", items=[(ItemKind.TASK, "Hae avaimet", {})])
    header = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"
    content = f"{header}\n900;Uusi;Tulokas;uusi@hva.example;S-1;SH;;1.11.2026;;fi\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        preview = people_services.employee_import_preview(name="h.csv", content=content)
        people_services.employee_import_apply(run=preview.run)
    assert ChecklistItem.objects.filter(checklist__employee__employee_number="900").count() == 1
    Group.objects.get(name=roles.EMPLOYEE)
