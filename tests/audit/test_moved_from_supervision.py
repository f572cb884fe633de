"""The audit log moved from supervision to its own app: its entries come along, ids
and all, and new entries continue the numbering."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from audit.models import AuditEntry

# Serialized rollback as the other transactional tests: the flush afterwards must not
# recreate content types that the next such test restores.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(*targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(list(targets))


def test_entries_written_in_supervision_are_kept_in_the_audit_app():
    _migrate(("supervision", "0001_initial"), ("audit", "0001_initial"))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO supervision_auditentry "
                "(id, actor_name, action, target, detail, created_at) VALUES "
                "(41, 'Esihenkilö Testi (e1)', 'view_person', 'Anna Aalto', '{}', now()), "
                "(42, 'HR Testi (h1)', 'export_csv', 'Tiimin tilanne', '{\"rows\": 3}', now())"
            )
    finally:
        executor = MigrationExecutor(connection)
        _migrate(*executor.loader.graph.leaf_nodes())
    assert "supervision_auditentry" not in connection.introspection.table_names()
    moved = list(AuditEntry.objects.order_by("pk").values_list("pk", "action", "detail"))
    assert moved == [(41, "view_person", {}), (42, "export_csv", {"rows": 3})]
    newer = AuditEntry.objects.create(actor_name="x", action="sign_in", target="y")
    assert newer.pk > 42
