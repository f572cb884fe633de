"""Compiled queries (compiledsql): the ORM's objects from SQL compiled once, prepared on
their connection after a few runs, and logged with their values like any query."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compiledsql import CompiledByIds, CompiledQuery
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

_USERS = CompiledQuery(
    lambda user_id: get_user_model().objects.select_related("employee__unit").filter(pk=user_id),
    user_id=-604_300_001,
)


def test_objects_are_the_orms_with_their_related_rows():
    employee = EmployeeFactory()
    (user,) = _USERS.objects(user_id=employee.user.pk)
    assert user == employee.user and user.username == employee.user.username
    with CaptureQueriesContext(connection) as queries:
        assert user.employee.unit.pk == employee.unit.pk
    assert len(queries) == 0  # selected with it
    assert _USERS.objects(user_id=0) == []


def test_a_query_over_ids_is_compiled_once_per_length():
    users = [EmployeeFactory().user for _ in range(3)]
    by_ids = CompiledByIds(lambda ids: get_user_model().objects.filter(pk__in=ids))
    found = by_ids.objects([users[0].pk, users[2].pk])
    assert {user.pk for user in found} == {users[0].pk, users[2].pk}
    assert sorted(by_ids.by_length) == [2]
    assert by_ids.objects([]) == []


def test_the_query_is_prepared_after_the_threshold_and_logged_with_its_values():
    threshold = settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"]
    assert threshold is not None
    employee = EmployeeFactory()
    for _ in range(threshold + 1):
        _USERS.objects(user_id=employee.user.pk)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "auth_user"' in statement for statement in prepared), prepared
    with CaptureQueriesContext(connection) as queries:
        _USERS.objects(user_id=employee.user.pk)
    (logged,) = queries.captured_queries
    assert f'"auth_user"."id" = {employee.user.pk}' in logged["sql"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_after_the_database_dropped_the_connection_is_answered(client):
    """A PostgreSQL restart drops the web process's kept connection: the next request's
    first query (its session, through a compiled query) gets a fresh one, as Django's
    own cursors do (CONN_HEALTH_CHECKS)."""
    import psycopg

    from tests.courses.builders import lessons_of, make_course

    lesson = lessons_of(make_course(lessons=1))[0]
    client.force_login(EmployeeFactory().user)
    assert client.get(lesson.url).status_code == 200
    pid = connection.connection.info.backend_pid
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    # As at the start of every request (django.db.close_old_connections; the test
    # client leaves that signal out).
    connection.health_check_done = False
    assert client.get(lesson.url).status_code == 200
    assert connection.connection.info.backend_pid != pid
