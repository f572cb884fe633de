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
