"""Write an import plan in one transaction with a fixed number of queries.

Users and employees are upserted in bulk (INSERT ... ON CONFLICT DO UPDATE), so a
30,000-row file costs the same handful of statements as a 30-row one. Rows that did
not change are not written at all.

On PostgreSQL the rows go through staging tables: COPY into a temporary table (dropped
at commit), then one set-based `INSERT … SELECT … ON CONFLICT DO UPDATE … RETURNING`
each for the accounts and the employee records. New employee records take their ids
from the table's sequence in that same statement, before any is written, so a person
whose supervisor is new in the same file is written with the supervisor already set:
each row is written once, never inserted and then updated (an UPDATE of 30,000 fresh
rows rewrites every one of them and each of their index entries, and checks their
foreign keys again at commit). New accounts join the employee group in the same
statement. Building 60,000 model instances and a statement with
hundreds of thousands of parameters cost most of a first import's time; COPY streams
plain tuples (bench/hr_import.py compares both paths in one run, switching `STAGED`
off for the `bulk_create` upserts that did the same before, and `--baseline REF`
times an earlier commit's import in the same run).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from people import roles
from people.hr_import.validation import ImportPlan, PlannedEmployee
from people.models import Employee, OrgUnit
from people.signals import employments_changed

EMPLOYEE_UPDATE_FIELDS = [
    "unit",
    "job_role",
    "supervisor",
    "start_date",
    "end_date",
    "language",
    "active",
    "updated_at",
]


def _user_for(row: PlannedEmployee, unusable_password: str):
    user_model = get_user_model()
    return user_model(
        # A new account's user name is the employee number; an existing one keeps its own.
        username=row.existing["username"] if row.existing else row.employee_number,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        is_active=row.active,
        password=unusable_password,
    )


def _employee_for(row: PlannedEmployee, user_id: int, supervisor_id: int | None, now):
    """A new record of an active person is stamped `welcome_sent_at` (see apply_plan);
    the upsert never changes the stamp of an existing one."""
    return Employee(
        welcome_sent_at=now if row.active else None,
        user_id=user_id,
        employee_number=row.employee_number,
        unit_id=row.unit_id,
        job_role_id=row.job_role_id,
        supervisor_id=supervisor_id,
        start_date=row.start_date,
        end_date=row.end_date,
        language=row.language,
        active=row.active,
        created_at=now,
        updated_at=now,
    )


USER_CHANGES = {"first_name", "last_name", "email", "is_active"}

# The staging path on PostgreSQL; the bench turns it off to time the ORM path.
STAGED = True


def _staged() -> bool:
    return STAGED


@transaction.atomic
def apply_plan(plan: ImportPlan) -> dict:  # long: the steps of one transaction, in order
    """Write the users, then the employees, then deactivate who left, then the role
    groups. A new active person is written with `welcome_sent_at` set: the
    `employees_created` signal sent in the same transaction queues their welcome (a
    stamp written with the row, not an UPDATE of every new row afterwards). Returns
    {"created": [...numbers], "updated": n, "deactivated": n} and the go-live groups'
    employee ids."""
    now = timezone.now()
    written = [*plan.to_create, *plan.to_update]
    user_ids: dict[str, int] = {
        row.employee_number: row.existing["user_id"] for row in plan.rows if row.existing
    }
    employee_ids = _known_employee_ids(plan, written)
    user_rows = [
        row for row in written if row.existing is None or USER_CHANGES & set(row.changed_fields)
    ]
    employee_rows = [
        row for row in written if row.existing is None or set(row.changed_fields) - USER_CHANGES
    ]
    if _staged():
        new_users, new_employees = _copy_people(
            written,
            user_rows={row.employee_number for row in user_rows},
            employee_rows={row.employee_number for row in employee_rows},
            user_ids=user_ids,
            employee_ids=employee_ids,
            now=now,
        )
        user_ids.update(new_users)
        employee_ids.update(new_employees)
    else:
        user_ids.update(_write_users(user_rows))
        employee_ids.update(
            _write_employees(employee_rows, user_ids=user_ids, employee_ids=employee_ids, now=now)
        )
    leaving_ids = [data["id"] for data in plan.to_deactivate]
    if leaving_ids:
        Employee.objects.filter(pk__in=leaving_ids).update(active=False, updated_at=now)
        get_user_model().objects.filter(employee__pk__in=leaving_ids).update(is_active=False)

    _sync_role_groups(
        # The staged upsert puts new accounts in the employee group itself.
        new_user_ids=[] if _staged() else [user_ids[row.employee_number] for row in plan.to_create]
    )
    changed = [employee_ids[row.employee_number] for row in employee_rows] + leaving_ids
    if changed:
        # Into an empty staff table everyone is new: the status table of everyone is
        # built, not filtered by every id of the file.
        first_import = plan.staff_before == 0
        employments_changed.send(sender=Employee, employee_ids=None if first_import else changed)
    return {
        # Go-live (see ImportPlan): newcomers get a checklist counted from their start
        # date, moved people the items of their new fit counted from today, established
        # staff their mandatory courses due after a grace period.
        "onboard_ids": [employee_ids[row.employee_number] for row in plan.newcomers],
        "moved_ids": [employee_ids[row.employee_number] for row in plan.moved],
        "established_ids": [employee_ids[row.employee_number] for row in plan.established],
        "created": [row.employee_number for row in plan.to_create],
        "updated": len(plan.to_update) - len(plan.leaving),
        "deactivated": len(leaving_ids) + len(plan.leaving),
    }


def _known_employee_ids(plan: ImportPlan, written: list[PlannedEmployee]) -> dict[str, int]:
    """Employee ids by number: of the file's existing people, and of the supervisors the
    written rows name who are not in the file. One query."""
    employee_ids: dict[str, int] = {
        row.employee_number: row.existing["id"] for row in plan.rows if row.existing
    }
    employee_ids.update(
        Employee.objects.filter(
            employee_number__in={r.supervisor_number for r in written if r.supervisor_number}
            - set(employee_ids)
        ).values_list("employee_number", "id")
    )
    return employee_ids


def _write_users(rows: list[PlannedEmployee]) -> dict[str, int]:
    """Upsert the accounts of `rows`; their user ids by employee number. Every new
    account starts without a usable password: people set their own through the welcome
    message. One random hash serves every new row."""
    if not rows:
        return {}
    unusable_password = make_password(None)
    saved = get_user_model().objects.bulk_create(
        [_user_for(row, unusable_password) for row in rows],
        update_conflicts=True,
        unique_fields=["username"],
        update_fields=sorted(USER_CHANGES),
    )
    return {row.employee_number: user.pk for row, user in zip(rows, saved, strict=True)}


def _write_employees(
    rows: list[PlannedEmployee],
    *,
    user_ids: dict[str, int],
    employee_ids: dict[str, int],
    now: datetime.datetime,
) -> dict[str, int]:
    """Upsert the employee records of `rows`; their ids by employee number. A
    supervisor who is new in this file has no id yet: linked in a second pass."""
    if not rows:
        return {}
    second_pass = []
    first_pass = []
    for row in rows:
        supervisor_id = employee_ids.get(row.supervisor_number) if row.supervisor_number else None
        if row.supervisor_number and supervisor_id is None:
            second_pass.append(row)
        first_pass.append(_employee_for(row, user_ids[row.employee_number], supervisor_id, now))
    saved = Employee.objects.bulk_create(
        first_pass,
        update_conflicts=True,
        unique_fields=["employee_number"],
        update_fields=EMPLOYEE_UPDATE_FIELDS,
    )
    ids = {employee.employee_number: employee.pk for employee in saved}
    if second_pass:
        known = {**employee_ids, **ids}
        _link_supervisors(
            {known[row.employee_number]: known[row.supervisor_number] for row in second_pass},
            now,
        )
    return ids


def _stage(table: str, columns: dict[str, str], rows: list[tuple[object, ...]]) -> None:
    """A temporary table `table` (dropped at commit) holding `rows`, written by COPY.
    One statement (a second import in the same transaction starts afresh) and the COPY.

    The same statement turns PostgreSQL's JIT compilation off for the rest of the
    import's transaction: the planner cannot know how the staged rows join (a temporary
    table and CTEs have no statistics), overestimates, and spent 2.4 s compiling the
    30,000-row upsert, which then ran in 1.4 s (both on a loaded machine)."""
    name = sql.Identifier(table)
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "SET LOCAL jit = off; DROP TABLE IF EXISTS pg_temp.{name}; "
                "CREATE TEMPORARY TABLE {name} ({columns}) ON COMMIT DROP"
            ).format(
                name=name,
                columns=sql.SQL(", ").join(
                    sql.SQL("{} {}").format(sql.Identifier(column), sql.SQL(kind))
                    for column, kind in columns.items()
                ),
            )
        )
        copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(
            name, sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with cursor.cursor.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row)


STAGING_COLUMNS = {
    "employee_number": "text",
    "username": "text",
    "first_name": "text",
    "last_name": "text",
    "email": "text",
    "is_active": "boolean",
    "write_user": "boolean",
    "user_id": "bigint",  # the account already linked, if any
    "write_employee": "boolean",
    "unit_id": "bigint",
    "job_role_id": "bigint",
    "employee_id": "bigint",  # the record's own id; none yet for a new one
    "supervisor_id": "bigint",  # when the supervisor has a record already
    "supervisor_number": "text",
    "start_date": "date",
    "end_date": "date",
    "language": "text",
    "active": "boolean",
}

# Ids for new employee records from the sequence (once per row: a materialised CTE),
# accounts, then employee records reading the accounts' new ids from the accounts'
# INSERT's RETURNING (a statement does not see its own inserts in the table) and their
# supervisors' ids, staged or new, from the ids. The accounts of people new to the staff (no linked
# account staged) join the employee group. Both sets of ids come back.
UPSERT_SQL = """
WITH ids AS MATERIALIZED (
    SELECT employee_number,
           COALESCE(employee_id, nextval(
               (SELECT pg_get_serial_sequence(%(employee_table)s, 'id'))::regclass
           )) AS id
    FROM hr_import_staging
), users AS (
    INSERT INTO {users} (password, is_superuser, username, first_name, last_name, email,
                         is_staff, is_active, date_joined)
    SELECT %(password)s, false, username, first_name, last_name, email, false, is_active,
           %(now)s
    FROM hr_import_staging WHERE write_user
    ON CONFLICT (username) DO UPDATE SET first_name = EXCLUDED.first_name,
        last_name = EXCLUDED.last_name, email = EXCLUDED.email, is_active = EXCLUDED.is_active
    RETURNING id, username
), employees AS (
    INSERT INTO {employees} (id, user_id, employee_number, unit_id, job_role_id,
                             supervisor_id, start_date, end_date, language,
                             preferred_language, active, created_at, updated_at,
                             welcome_sent_at)
    SELECT i.id, COALESCE(s.user_id, u.id), s.employee_number, s.unit_id, s.job_role_id,
           COALESCE(s.supervisor_id, si.id), s.start_date, s.end_date, s.language, '',
           s.active, %(now)s, %(now)s, CASE WHEN s.active THEN %(now)s::timestamptz END
    FROM hr_import_staging s
    JOIN ids i ON i.employee_number = s.employee_number
    LEFT JOIN ids si ON s.supervisor_id IS NULL AND si.employee_number = s.supervisor_number
    LEFT JOIN users u ON u.username = s.username
    WHERE s.write_employee
    ON CONFLICT (employee_number) DO UPDATE SET unit_id = EXCLUDED.unit_id,
        job_role_id = EXCLUDED.job_role_id, supervisor_id = EXCLUDED.supervisor_id,
        start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
        language = EXCLUDED.language, active = EXCLUDED.active,
        updated_at = EXCLUDED.updated_at
    RETURNING id, employee_number
), members AS (
    INSERT INTO {membership} (user_id, group_id)
    SELECT u.id, g.id
    FROM users u
    JOIN hr_import_staging s ON s.username = u.username AND s.user_id IS NULL
    CROSS JOIN {groups} g
    WHERE g.name = %(employee_group)s
    ON CONFLICT DO NOTHING
)
SELECT true, id, username FROM users
UNION ALL
SELECT false, id, employee_number FROM employees
"""


def _employee_values(row: PlannedEmployee, employee_ids: dict[str, int]) -> tuple[object, ...]:
    return (
        row.unit_id,
        row.job_role_id,
        employee_ids.get(row.employee_number),
        employee_ids.get(row.supervisor_number) if row.supervisor_number else None,
        row.supervisor_number,
        row.start_date,
        row.end_date,
        row.language,
        row.active,
    )


def _copy_people(
    written: list[PlannedEmployee],
    *,
    user_rows: set[str],
    employee_rows: set[str],
    user_ids: dict[str, int],
    employee_ids: dict[str, int],
    now: datetime.datetime,
) -> tuple[dict[str, int], dict[str, int]]:
    """Stage `written` (COPY) and upsert accounts and employee records in one
    statement: two statements and the COPY. Returns the written (user ids, employee
    ids) by employee number. `employee_ids` must hold every existing person the rows
    name (themselves or as supervisor); a supervisor new in the file is found among
    the new records by number."""
    number_of: dict[str, str] = {}
    staged: list[tuple[object, ...]] = []
    for row in written:
        username = row.existing["username"] if row.existing else row.employee_number
        number_of[username] = row.employee_number
        staged.append(
            (
                row.employee_number,
                username,
                row.first_name,
                row.last_name,
                row.email,
                row.active,
                row.employee_number in user_rows,
                user_ids.get(row.employee_number),
                row.employee_number in employee_rows,
                *_employee_values(row, employee_ids),
            )
        )
    _stage("hr_import_staging", STAGING_COLUMNS, staged)
    user_model = get_user_model()
    tables = {
        "users": sql.Identifier(user_model._meta.db_table),
        "employees": sql.Identifier(Employee._meta.db_table),
        "membership": sql.Identifier(user_model.groups.through._meta.db_table),
        "groups": sql.Identifier(Group._meta.db_table),
    }
    new_users: dict[str, int] = {}
    new_employees: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(UPSERT_SQL).format(**tables),
            {
                "password": make_password(None),
                "now": now,
                "employee_group": roles.EMPLOYEE,
                "employee_table": Employee._meta.db_table,
            },
        )
        for is_user, pk, key in cursor.fetchall():
            if is_user:
                new_users[number_of[key]] = pk
            else:
                new_employees[key] = pk
    return new_users, new_employees


def _link_supervisors(supervisor_of: dict[int, int], now: datetime.datetime) -> None:
    """Set supervisors of rows whose supervisor was created in this same import: one
    UPDATE joined to two arrays (about 5× faster than re-upserting whole rows at 30,000
    people)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Employee._meta.db_table} AS e SET supervisor_id = v.supervisor_id, "  # noqa: S608
            "updated_at = %s FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, supervisor_id) "
            "WHERE e.id = v.id",
            [now, list(supervisor_of), list(supervisor_of.values())],
        )


def _sync_role_groups(*, new_user_ids: list[int]) -> None:
    """Every new account joins the employee group; the supervisor group holds exactly
    the active people who have active reports or manage a unit."""
    user_model = get_user_model()
    membership = user_model.groups.through
    groups = dict(
        Group.objects.filter(name__in=[roles.EMPLOYEE, roles.SUPERVISOR]).values_list("name", "id")
    )
    if new_user_ids and roles.EMPLOYEE in groups:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL(
                    "INSERT INTO {} (user_id, group_id) SELECT unnest(%s::integer[]), %s "
                    "ON CONFLICT DO NOTHING"
                ).format(sql.Identifier(membership._meta.db_table)),
                [new_user_ids, groups[roles.EMPLOYEE]],
            )
    supervisor_group = groups.get(roles.SUPERVISOR)
    if supervisor_group is None:
        return
    supervisor_user_ids = set(
        Employee.objects.filter(active=True, direct_reports__active=True).values_list(
            "user_id", flat=True
        )
    ) | set(
        OrgUnit.objects.filter(managers__active=True).values_list("managers__user_id", flat=True)
    )
    current = set(
        membership.objects.filter(group_id=supervisor_group).values_list("user_id", flat=True)
    )
    if current - supervisor_user_ids:
        membership.objects.filter(
            group_id=supervisor_group, user_id__in=current - supervisor_user_ids
        ).delete()
    if supervisor_user_ids - current:
        membership.objects.bulk_create(
            [
                membership(user_id=uid, group_id=supervisor_group)
                for uid in supervisor_user_ids - current
            ],
            ignore_conflicts=True,
        )
