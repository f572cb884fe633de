"""SCORM and H5P results as xAPI statements: one per attempt and result (passed,
failed or completed) with the package's own score and the time taken, recorded by the
package services through the same outbox as the other statements; nothing while xAPI
is off; the actor never the email."""

import importlib.util
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from packages import services
from packages.models import ContentPackage
from tests.conftest import need
from tests.factories import EmployeeFactory
from tests.xapi.test_statements import ADL, statements
from xapi.models import Statement

pytestmark = pytest.mark.django_db

SITE = "https://hyteopas.jarvilaakso.example"


@pytest.fixture
def xapi_on(settings):
    settings.XAPI_LRS_URL = "http://127.0.0.1:9/xAPI"  # nothing listens: nothing is sent
    settings.XAPI_ACTOR_HOMEPAGE = settings.SITE_URL = SITE
    settings.XAPI_ACTOR_FIELD = "employee_number"
    return settings


def package(kind: str, **fields) -> ContentPackage:
    return ContentPackage.objects.create(
        title="Taukojumppa työpäivään", kind=kind, folder=uuid.uuid4().hex, **fields
    )


def sql_of(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]


def cmi_2004(*, success: str = "passed", completion: str = "completed", raw: str = "80") -> dict:
    return {
        "cmi": {
            "location": "3",
            "completion_status": completion,
            "success_status": success,
            "score": {"raw": raw, "min": "0", "max": "100", "scaled": str(int(raw) / 100)},
            "session_time": "PT30S",
            "total_time": "PT1M40S",
        }
    }


def h5p_statement(verb: str = "completed", **result) -> dict:
    return {"verb": {"id": ADL + verb}, "result": result}


def test_a_passing_scorm_2004_commit_is_one_passed_statement_with_the_score(xapi_on):
    employee = EmployeeFactory(employee_number="E-3301")
    scorm = package(ContentPackage.Kind.SCORM_2004)
    midway = cmi_2004(success="unknown", completion="incomplete")
    services.attempt_commit(employee=employee, package=scorm, data=midway)
    assert not Statement.objects.exists()

    attempt, _finished = services.attempt_commit(employee=employee, package=scorm, data=cmi_2004())
    (statement,) = statements()
    assert statement["verb"]["id"] == ADL + "passed"
    assert statement["actor"]["account"] == {"homePage": SITE, "name": "E-3301"}
    assert statement["object"] == {
        "objectType": "Activity",
        "id": f"{SITE}/xapi/package/{scorm.key}",
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/module",
            "name": dict.fromkeys(("fi", "sv", "en"), "Taukojumppa työpäivään"),
        },
    }
    assert statement["result"] == {
        "score": {"scaled": 0.8, "raw": 80.0, "min": 0.0, "max": 100.0},
        "success": True,
        "completion": True,
        "duration": "PT1M40S",
    }

    # The same commit again (the runtime commits on every page) records nothing new,
    # and costs no query for it.
    with CaptureQueriesContext(connection) as queries:
        services.attempt_commit(employee=employee, package=scorm, data=cmi_2004())
    assert Statement.objects.count() == 1
    assert len(sql_of(queries)) == 2, sql_of(queries)


def test_each_result_of_an_attempt_is_recorded_once(xapi_on):
    employee = EmployeeFactory()
    scorm = package(ContentPackage.Kind.SCORM_2004)
    for data in (cmi_2004(), cmi_2004(success="failed", raw="20"), cmi_2004()):
        services.attempt_commit(employee=employee, package=scorm, data=data)
    assert [s["verb"]["id"] for s in statements()] == [ADL + "passed", ADL + "failed"]
    assert statements("failed")[0]["result"]["success"] is False


def test_scorm_12_lesson_status_and_time_span(xapi_on):
    employee = EmployeeFactory()
    scorm = package(ContentPackage.Kind.SCORM_12)
    core = {"lesson_status": "completed", "session_time": "0000:01:05.50", "total_time": ""}
    services.attempt_commit(employee=employee, package=scorm, data={"cmi": {"core": core}})
    (statement,) = statements("completed")
    assert statement["result"] == {"completion": True, "duration": "PT1M5.5S"}


def test_a_pass_mark_decides_when_the_package_gives_a_score_without_a_verdict(xapi_on):
    employee = EmployeeFactory()
    scorm = package(ContentPackage.Kind.SCORM_12, mastery_score=70)
    core = {"lesson_status": "completed", "score": {"raw": "60", "min": "0", "max": "100"}}
    services.attempt_commit(employee=employee, package=scorm, data={"cmi": {"core": core}})
    (statement,) = statements()
    assert statement["verb"]["id"] == ADL + "failed"
    assert statement["result"]["score"] == {"raw": 60.0, "min": 0.0, "max": 100.0}


def test_an_h5p_completed_result_is_one_statement(xapi_on):
    employee = EmployeeFactory()
    h5p = package(ContentPackage.Kind.H5P)
    result = {"score": {"raw": 4, "min": 0, "max": 5, "scaled": 0.8}, "completion": True}
    for _ in range(2):
        services.h5p_result_record(
            employee=employee, package=h5p, statement=h5p_statement(duration="PT12S", **result)
        )
    (statement,) = statements()
    assert statement["verb"]["id"] == ADL + "completed"
    assert statement["object"]["id"] == f"{SITE}/xapi/package/{h5p.key}"
    assert statement["result"] == {
        "score": {"scaled": 0.8, "raw": 4.0, "min": 0.0, "max": 5.0},
        "completion": True,
        "duration": "PT12S",
    }
    # A later passing result of the same attempt is a result of its own.
    services.h5p_result_record(
        employee=employee, package=h5p, statement=h5p_statement("passed", **result)
    )
    assert [s["verb"]["id"] for s in statements()] == [ADL + "completed", ADL + "passed"]


def test_nothing_is_recorded_or_queried_while_xapi_is_off(settings):
    settings.XAPI_LRS_URL = ""
    employee = EmployeeFactory()
    scorm, h5p = package(ContentPackage.Kind.SCORM_2004), package(ContentPackage.Kind.H5P)
    services.attempt_commit(employee=employee, package=scorm, data=cmi_2004())
    with CaptureQueriesContext(connection) as queries:
        services.attempt_commit(employee=employee, package=scorm, data=cmi_2004(raw="90"))
    assert len(sql_of(queries)) == 2, sql_of(queries)  # the locked attempt and its update
    services.h5p_result_record(
        employee=employee, package=h5p, statement=h5p_statement(completion=True)
    )
    assert not Statement.objects.exists()


def test_the_actor_is_never_the_email(xapi_on):
    xapi_on.XAPI_ACTOR_FIELD = "user_id"
    employee = EmployeeFactory(employee_number="E-9")
    services.attempt_commit(
        employee=employee, package=package(ContentPackage.Kind.SCORM_2004), data=cmi_2004()
    )
    (statement,) = statements()
    assert statement["actor"]["account"]["name"] == str(employee.user_id)
    assert employee.user.email not in json.dumps(statement)


def test_durations_are_read_from_both_formats():
    assert services.iso_duration("PT30S", "PT1M40S") == "PT1M40S"
    assert services.iso_duration("0001:02:03", "") == "PT1H2M3S"
    assert services.iso_duration("P1DT0.25S") == "PT24H0.25S"
    assert services.iso_duration("PT0S") == "PT0S"
    assert services.iso_duration("", "eilen", "PT", "P1DT") == ""


def test_package_statements_are_valid_xapi(xapi_on):
    # Checked against the statement model of Ralph, the LRS of the integration tests.
    need(importlib.util.find_spec("ralph") is not None, "ralph-malph (its xAPI models)")
    from ralph.models.xapi.base.statements import BaseXapiStatement

    employee = EmployeeFactory()
    services.attempt_commit(
        employee=employee, package=package(ContentPackage.Kind.SCORM_2004), data=cmi_2004()
    )
    core = {"lesson_status": "failed", "score": {"raw": "7", "min": "0", "max": "20"}}
    services.attempt_commit(
        employee=employee,
        package=package(ContentPackage.Kind.SCORM_12),
        data={"cmi": {"core": {**core, "session_time": "0000:00:09"}}},
    )
    services.h5p_result_record(
        employee=employee,
        package=package(ContentPackage.Kind.H5P),
        statement=h5p_statement(score={"raw": 1, "max": 1, "scaled": 1}, completion=True),
    )
    assert len(statements()) == 3
    for statement in statements():
        BaseXapiStatement(**statement)


def test_a_score_xapi_would_refuse_is_left_out_not_sent():
    from xapi.services import Result

    assert Result(score_scaled=1.5, score_raw=120, score_min=0, score_max=100).as_dict() == {
        "score": {"min": 0, "max": 100}
    }
    assert Result(score_raw=5, score_min=5, score_max=5).as_dict() == {"score": {"raw": 5}}
    assert Result(score_scaled=-0.5, duration="PT1S").as_dict() == {
        "score": {"scaled": -0.5},
        "duration": "PT1S",
    }
