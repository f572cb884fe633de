"""Which events become xAPI statements and what each says: recorded by the services
that cause them, in their transaction, from plain values; off (nothing recorded) while
XAPI_LRS_URL is empty; the actor an account named by XAPI_ACTOR_FIELD, never the email."""

import datetime
import json
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from courses import services as course_services
from events import services as event_services
from quizzes.services import quiz_submit
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers, wrong_answers
from tests.events.builders import make_session
from tests.factories import EmployeeFactory
from xapi.models import Statement, StatementStatus
from xapi.services import Activity, Result, xapi_record

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"
NOWHERE = "http://127.0.0.1:9/xAPI"  # nothing listens: a delivery would wait


@pytest.fixture
def xapi_on(settings):
    settings.XAPI_LRS_URL = NOWHERE
    settings.XAPI_ACTOR_HOMEPAGE = "https://hyteopas.jarvilaakso.example"
    settings.SITE_URL = "https://hyteopas.jarvilaakso.example"
    settings.XAPI_ACTOR_FIELD = "employee_number"
    return settings


def statements(verb: str | None = None) -> list[dict]:
    found = [row.statement for row in Statement.objects.order_by("pk")]
    return [s for s in found if verb is None or s["verb"]["id"] == ADL + verb]


def submit(employee, quiz, answers):
    return quiz_submit(
        employee=employee, quiz_id=quiz.pk, answers=answers, submission_key=str(uuid.uuid4())
    )


def attend(employee):
    session = make_session(starts_in=datetime.timedelta(minutes=-10))
    event_services.attendance_check_in(
        session_id=session.pk, employee=employee, code=session.checkin_code
    )
    return session


def test_nothing_is_recorded_while_the_lrs_url_is_empty(settings):
    settings.XAPI_LRS_URL = ""
    employee, quiz = EmployeeFactory(), make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    submit(employee, quiz, right_answers(quiz))
    course_services.lesson_complete(employee=employee, lesson=lessons_of(course)[0])
    attend(employee)
    assert not Statement.objects.exists()


def test_a_course_its_lessons_a_quiz_and_a_session_each_become_a_statement(xapi_on):
    employee = EmployeeFactory(employee_number="E-20417")
    quiz = make_quiz(pass_mark=50)
    course = make_course(lessons=2, quiz=quiz)
    first, second = lessons_of(course)
    failed = submit(employee, quiz, wrong_answers(quiz))
    passed = submit(employee, quiz, right_answers(quiz))
    course_services.lesson_complete(employee=employee, lesson=first)
    _done, completion = course_services.lesson_complete(employee=employee, lesson=second)
    assert completion is not None
    session = attend(employee)

    site = "https://hyteopas.jarvilaakso.example"
    by_verb = {verb: statements(verb) for verb in ("failed", "passed", "completed", "attended")}
    assert [len(by_verb[v]) for v in ("failed", "passed", "completed", "attended")] == [1, 1, 3, 1]
    for statement in statements():
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": site, "name": "E-20417"},
        }
        assert statement["object"]["id"].startswith(f"{site}/xapi/")
        assert statement["object"]["definition"]["name"]["fi"]
        assert uuid.UUID(statement["id"])
        assert datetime.datetime.fromisoformat(statement["timestamp"]).tzinfo is not None

    (fail,) = by_verb["failed"]
    assert fail["result"] == {
        "score": {"scaled": failed.score / 100, "raw": failed.score, "min": 0, "max": 100},
        "success": False,
        "completion": True,
    }
    assert fail["object"]["id"] == f"{site}/xapi/quiz/{quiz.translation_key}"
    assert fail["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment"
    assert fail["object"]["definition"]["name"] == {"fi": quiz.title}
    (ok,) = by_verb["passed"]
    assert ok["result"]["success"] is True and ok["result"]["score"]["raw"] == passed.score == 100

    course_statement = next(
        s for s in by_verb["completed"] if s["object"]["id"].endswith(str(course.translation_key))
    )
    assert course_statement["object"]["definition"]["name"] == {"fi": course.title}
    assert course_statement["result"] == {
        "score": {"scaled": 1.0, "raw": 100, "min": 0, "max": 100},
        "success": True,
        "completion": True,
    }
    assert course_statement["timestamp"] == completion.completed_at.isoformat()
    lesson_statements = [s for s in by_verb["completed"] if "/xapi/lesson/" in s["object"]["id"]]
    assert {s["object"]["id"] for s in lesson_statements} == {
        f"{site}/xapi/lesson/{lesson.translation_key}" for lesson in (first, second)
    }
    for statement in lesson_statements:
        (parent,) = statement["context"]["contextActivities"]["parent"]
        assert parent["id"] == course_statement["object"]["id"]

    (attended,) = by_verb["attended"]
    assert attended["object"]["id"] == f"{site}/xapi/session/{session.pk}"
    assert attended["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/meeting"
    assert attended["object"]["definition"]["name"]["fi"] == session.title


def test_session_names_are_given_in_finnish_swedish_and_english(xapi_on):
    session = make_session(starts_in=datetime.timedelta(minutes=-10))
    session.title_sv, session.title_en = "Organisationerna presenterar sig", "NGOs present"
    session.save()
    employee = EmployeeFactory()
    event_services.attendance_check_in(
        session_id=session.pk, employee=employee, code=session.checkin_code
    )
    (statement,) = statements("attended")
    assert statement["object"]["definition"]["name"] == {
        "fi": session.title,
        "sv": "Organisationerna presenterar sig",
        "en": "NGOs present",
    }


def test_the_actor_is_never_the_email_and_may_be_the_user_id(xapi_on):
    employee = EmployeeFactory(employee_number="E-1")
    email = employee.user.email
    assert email
    course = make_course(lessons=1)
    course_services.lesson_complete(employee=employee, lesson=lessons_of(course)[0])
    assert statements()
    assert email not in json.dumps(statements())
    assert employee.user.first_name not in json.dumps([s["actor"] for s in statements()])

    xapi_on.XAPI_ACTOR_FIELD = "user_id"
    attend(employee)
    (attended,) = statements("attended")
    assert attended["actor"]["account"]["name"] == str(employee.user_id)
    assert email not in json.dumps(attended)


def test_an_unknown_actor_field_is_a_configuration_error(xapi_on):
    xapi_on.XAPI_ACTOR_FIELD = "email"
    with pytest.raises(ImproperlyConfigured):
        xapi_record(
            event_key="x/1",
            employee_number="E-1",
            user_id=1,
            verb="completed",
            activity=Activity(kind="course", key="k", names={"fi": "Kurssi"}),
        )


def test_the_same_event_is_one_statement_with_a_fixed_id(xapi_on):
    def record():
        return xapi_record(
            event_key="course-completion/77",
            employee_number="E-77",
            user_id=7,
            verb="completed",
            activity=Activity(kind="course", key="abc", names={"fi": "Kurssi", "sv": ""}),
            result=Result(completion=True),
            timestamp=timezone.now(),
        )

    assert record() and record()
    (row,) = Statement.objects.all()
    assert str(row.statement_id) == row.statement["id"]
    assert row.status == StatementStatus.PENDING
    # The empty Swedish name is left out of the language map.
    assert row.statement["object"]["definition"]["name"] == {"fi": "Kurssi"}
    # A second lesson completion of the same lesson (another tab) records nothing new.
    employee, course = EmployeeFactory(), make_course(lessons=1)
    (lesson,) = lessons_of(course)
    course_services.lesson_complete(employee=employee, lesson=lesson)
    count = Statement.objects.count()
    course_services.lesson_complete(employee=employee, lesson=lesson)
    assert Statement.objects.count() == count


def test_a_statement_is_recorded_in_the_transaction_of_its_cause(xapi_on):
    employee, quiz = EmployeeFactory(), make_quiz()
    with pytest.raises(RuntimeError), transaction.atomic():
        submit(employee, quiz, right_answers(quiz))
        assert Statement.objects.count() == 1
        raise RuntimeError("the request failed after grading")
    assert not Statement.objects.exists()


def test_a_person_without_the_chosen_identifier_gets_no_statement(xapi_on):
    assert not xapi_record(
        event_key="x/2",
        employee_number="",
        user_id=None,
        verb="completed",
        activity=Activity(kind="course", key="k", names={"fi": "Kurssi"}),
    )
    assert not Statement.objects.exists()
