"""The public certificate page shows name, course, date and validity only: no score,
never cached or indexed; each check by someone else is logged and counted for the owner."""

import datetime
import re

import pytest
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from courses.models import CourseCompletion
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def completion():
    course = make_course(lessons=1)
    return CourseCompletion.objects.create(
        employee=EmployeeFactory(),
        course=course,
        course_title=course.title,
        completed_at=timezone.now() - datetime.timedelta(days=3),
        score=87,
    )


def test_the_page_shows_no_score_and_is_neither_cached_nor_indexed(client, completion):
    response = client.get(completion.get_absolute_url())
    page = response.content.decode()
    assert completion.employee.full_name in page and completion.course_title in page
    assert "Todistus on voimassa." in page
    # Random tokens (the CSRF value, the CSP nonce) may hold "87" by chance: left out.
    shown = re.sub(r'(value|nonce)="[^"]*"', "", page)
    assert "87" not in shown and "Tietovisojen tulos" not in page
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "onclick" not in page


def test_each_check_is_logged_and_the_owner_sees_the_count(client, completion):
    client.get(completion.get_absolute_url())
    someone = EmployeeFactory()
    client.force_login(someone.user)
    client.get(completion.get_absolute_url())
    checks = AuditEntry.objects.filter(action=AuditAction.VERIFY_CERTIFICATE)
    assert checks.count() == 2
    assert {check.target_employee for check in checks} == {completion.employee}
    assert [check.actor for check in checks.order_by("pk")] == [None, someone.user]

    client.force_login(completion.employee.user)
    page = client.get(completion.get_absolute_url()).content.decode()
    assert "Todistuksesi on tarkistettu tästä osoitteesta 2 kertaa." in page
    # The owner's own look is not a check.
    assert checks.count() == 2
