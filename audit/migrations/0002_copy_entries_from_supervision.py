"""The audit log used to live in supervision: copy its entries, ids and all, before
supervision drops its table (supervision 0002 depends on this)."""

from django.core.management.color import no_style
from django.db import migrations

COLUMNS = "id, actor_id, actor_name, action, target, target_employee_id, detail, created_at"


def copy_entries(apps, schema_editor):
    connection = schema_editor.connection
    if "supervision_auditentry" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO audit_auditentry ({COLUMNS}) "
            f"SELECT {COLUMNS} FROM supervision_auditentry ORDER BY id"
        )
        entry = apps.get_model("audit", "AuditEntry")
        for statement in connection.ops.sequence_reset_sql(no_style(), [entry]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("supervision", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_entries, migrations.RunPython.noop)]
