"""The database itself keeps the audit log append-only.

PostgreSQL: a row trigger refuses every UPDATE and DELETE on audit_auditentry. The one
exception is `audit_purge_expired(years)`, which marks its own transaction with the
cut-off (a transaction-local setting) and deletes entries older than it; the trigger
lets a DELETE through only for a row older than that cut-off and at least a year old.
TRUNCATE is left to the database owner (test databases are emptied that way).
"""

from django.db import migrations

POSTGRES_FORWARD = r"""
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    purge_before text := current_setting('audit.purge_before', true);
BEGIN
    IF TG_OP = 'DELETE'
       AND coalesce(purge_before, '') <> ''
       AND OLD.created_at < purge_before::timestamptz
       AND OLD.created_at < now() - interval '1 year' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_append_only
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE OR REPLACE FUNCTION audit_purge_expired(retention_years integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    cutoff timestamptz;
    removed bigint;
BEGIN
    IF retention_years IS NULL OR retention_years < 1 THEN
        RAISE EXCEPTION 'The audit log is kept at least a year';
    END IF;
    cutoff := now() - make_interval(years => retention_years);
    PERFORM set_config('audit.purge_before', cutoff::text, true);
    DELETE FROM audit_auditentry WHERE created_at < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('audit.purge_before', '', true);
    RETURN removed;
END
$$;
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS audit_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_refuse_change();
DROP FUNCTION IF EXISTS audit_purge_expired(integer);
"""


def _run(schema_editor, sql: str) -> None:
    # No parameters, so the % in the function bodies is not taken for a placeholder.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql)


def forward(apps, schema_editor):
    _run(schema_editor, POSTGRES_FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, POSTGRES_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_copy_entries_from_supervision")]

    operations = [migrations.RunPython(forward, backward)]
