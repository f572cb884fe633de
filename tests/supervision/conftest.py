"""A small county for the supervision tests: one supervisor's team whose members are in
every course state, another team, and a person for every role."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from courses.models import CourseCompletion, CoursePage, Enrolment
from onboarding.models import Checklist, ChecklistItem, ItemKind, ItemOwner
from people import roles
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory, JobRoleFactory, UserFactory, make_unit

FORMULA_NAME = '=HYPERLINK("http://x.invalid","y")'
PASSWORD = "salasana-testi"


def person(unit, last_name, first_name, supervisor=None, job_role=None, **fields):
    user = UserFactory(last_name=last_name, first_name=first_name)
    extra = {"job_role": job_role} if job_role else {}
    return EmployeeFactory(user=user, unit=unit, supervisor=supervisor, **extra, **fields)


def enrol(employee, course, due_in_days, source=Enrolment.Source.MANDATORY):
    today = timezone.localdate()
    return Enrolment.objects.create(
        employee=employee,
        course=course,
        source=source,
        due_date=today + datetime.timedelta(days=due_in_days),
    )


def complete(employee, course, days_ago=10, expires_in_days=None, cycle=1, score=90):
    completed_at = timezone.now() - datetime.timedelta(days=days_ago)
    expires_at = None
    if expires_in_days is not None:
        expires_at = timezone.now() + datetime.timedelta(days=expires_in_days)
    return CourseCompletion.objects.create(
        employee=employee,
        course=course,
        course_title=course.title,
        completed_at=completed_at,
        expires_at=expires_at,
        cycle=cycle,
        score=score,
    )


def checklist_item(employee, title, due_in_days, done=False, owner=ItemOwner.EMPLOYEE):
    checklist, _ = Checklist.objects.get_or_create(employee=employee)
    return ChecklistItem.objects.create(
        checklist=checklist,
        kind=ItemKind.TASK,
        title=title,
        owner=owner,
        due_date=timezone.localdate() + datetime.timedelta(days=due_in_days),
        done_at=timezone.now() if done else None,
    )


def titled(course, title):
    CoursePage.objects.filter(pk=course.pk).update(title=title)
    course.title = title
    return course


def in_swedish(county):
    """Swedish names for the home unit and the social worker's role, and a published
    Swedish translation of the mandatory course, "Hyte-grunder"."""
    home, worker = county["home"], county["worker"]
    home.name_sv = "Hemvården S1-2"
    home.save()
    worker.name_sv = "Socialhandledare"
    worker.save()
    course = county["mandatory"]
    locale, _created = Locale.objects.get_or_create(language_code="sv")
    chain = [p.specific for p in course.get_ancestors()[1:]] + [course]
    for page in chain:
        if not page.has_translation(locale):
            copy = page.copy_for_translation(locale)
            if page.pk == course.pk:
                copy.title = "Hyte-grunder"
            copy.save_revision().publish()


@pytest.fixture
def county(db):
    root = make_unit("HVA", kind="county")
    sector = make_unit("S1", root, "sector")
    care = make_unit("S1-1", sector)
    home = make_unit("S1-2", sector)
    other_sector = make_unit("S2", root, "sector")
    other_unit = make_unit("S2-1", other_sector)
    nurse = JobRoleFactory(code="SH", name_fi="Sairaanhoitaja")
    worker = JobRoleFactory(code="SO", name_fi="Sosiaaliohjaaja")

    lead = person(care, "Esimies", "Eila", job_role=nurse)
    home.managers.add(lead)
    mandatory = titled(make_course(lessons=1, mandatory=True), "Hyte-perusteet")
    assigned = titled(make_course(lessons=1), "Järjestöyhteistyö")

    anna = person(care, "Aalto", "Anna", lead, nurse)  # overdue
    ben = person(care, "Berg", "Ben", lead, nurse)  # due soon
    cai = person(home, "Carlsson", "Cai", None, worker)  # done, seen through the managed unit
    dan = person(home, "Dahl", "Dan", lead, worker)  # completion expired: to renew
    eve = person(care, FORMULA_NAME, "Eve", lead, nurse)  # not started
    enrol(anna, mandatory, -5)
    enrol(ben, mandatory, 5)
    enrol(cai, mandatory, -30)
    complete(cai, mandatory)
    complete(dan, mandatory, days_ago=400, expires_in_days=-35)
    enrol(eve, mandatory, 40)
    enrol(anna, assigned, 20, source=Enrolment.Source.ASSIGNED)
    checklist_item(anna, "Tutustu yksikköön", -3)
    checklist_item(anna, "Lue ohjeet", -10, done=True)
    checklist_item(ben, "Tapaa perehdyttäjä", 10)

    other_lead = person(other_unit, "Muu", "Maija", job_role=worker)
    stranger = person(other_unit, "Vieras", "Ville", other_lead, worker)
    enrol(stranger, mandatory, -5)

    holders = {}
    for role in (
        roles.TRAINER,
        roles.PHRASE_EDITOR,
        roles.PHRASE_APPROVER,
        roles.HR_ADMIN,
        roles.HYTE_COORDINATOR,
    ):
        holder = person(other_unit, f"Rooli{role}", "Riitta", job_role=worker)
        holder.user.groups.add(Group.objects.get(name=role))
        holders[role] = holder
    return {
        "root": root,
        "sector": sector,
        "care": care,
        "home": home,
        "other_sector": other_sector,
        "other_unit": other_unit,
        "nurse": nurse,
        "worker": worker,
        "lead": lead,
        "mandatory": mandatory,
        "assigned": assigned,
        "anna": anna,
        "ben": ben,
        "cai": cai,
        "dan": dan,
        "eve": eve,
        "other_lead": other_lead,
        "stranger": stranger,
        "holders": holders,
    }


@pytest.fixture
def as_user(client):
    def sign_in(employee_or_user):
        user = getattr(employee_or_user, "user", employee_or_user)
        client.force_login(user)
        return client

    return sign_in


def logged_actions():
    """Audit entries of what people did on the pages, without the sign-ins and role
    changes the audit app records by itself while a test sets up."""
    from audit.models import AuditAction, AuditEntry

    automatic = [AuditAction.SIGN_IN, AuditAction.SIGN_OUT, AuditAction.ROLE_CHANGE]
    return AuditEntry.objects.exclude(action__in=automatic)
