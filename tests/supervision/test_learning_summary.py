"""The per-person summary (`learning_summary`) says what the person's rows say: whether
any course is in each state, the worst state and the earliest open due date, read by
`courses.status.summary_state_sql` from the summary `courses.status.SUMMARY_SELECT`
builds, against `courses.selectors.course_state_sql` over every row (itself compared
with `CourseStatus`). Kept in step by the services, rebuilt and checked by the
command."""

import datetime
import itertools
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from courses.models import LearningStatus, LearningSummary
from courses.selectors import COURSE_STATE_ORDER, course_state_sql
from courses.status import SUMMARY_SELECT, summaries_refresh, summary_state_sql

pytestmark = pytest.mark.django_db


def _cells():
    """Every kind of row: open with or without a due date on each side of the due-soon
    edges, completed for good or until later, and expired with renewal dates past and
    coming."""
    today = timezone.localdate()
    now = timezone.now()
    day = datetime.timedelta(days=1)
    kinds = [(None, None, None, None)]
    kinds += [(today + n * day, None, None, None) for n in (-30, -1, 0, 1, 14, 15, 60)]
    kinds += [
        (today - 9 * day, now - 20 * day, None, None),
        (None, now - 20 * day, now + day, today + 40 * day),
        (None, now - 400 * day, now - day, today + 3 * day),
        (today + 2 * day, now - 400 * day, now - 10 * day, today - 2 * day),
        (None, now - 500 * day, now - 2 * day, None),
    ]
    return kinds


def _people():
    kinds = _cells()
    people = [list(pair) for pair in itertools.combinations_with_replacement(kinds, 2)]
    people += [[kind] for kind in kinds]
    chance = random.Random(17)
    people += [chance.sample(kinds, chance.randint(3, 7)) for _ in range(150)]
    return people


def test_the_summary_reads_as_every_row_does():
    people = _people()
    values, params = [], []
    for person, cells in enumerate(people):
        for course, (due, completed, expires, renewal) in enumerate(cells):
            values.append("(%s, %s, %s::date, %s::timestamptz, %s::timestamptz, %s::date)")
            params += [person, course, due, completed, expires, renewal]
    rows = "WITH learning_status (employee_id, course_id, due_date, completed_at, expires_at," + (
        f" renewal_due) AS (VALUES {', '.join(values)})"
    )
    expressions, named = summary_state_sql("s")
    columns = ", ".join(expressions[key] for key in (*COURSE_STATE_ORDER, "rank", "earliest_due"))
    # The placeholders by name made positional, in the order they appear.
    order = []

    def positional(sql):
        import re

        order.extend(re.findall(r"%\((\w+)\)s", sql))
        return re.sub(r"%\((\w+)\)s", "%s", sql)

    columns = positional(columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{rows} SELECT s.employee_id, {columns} FROM ({SUMMARY_SELECT}"
            " GROUP BY ls.employee_id) AS s ORDER BY s.employee_id",
            params + [named[name] for name in order],
        )
        from_summary = {row[0]: row[1:] for row in cursor.fetchall()}
        state, state_params = course_state_sql(
            due="ls.due_date", completed_at="ls.completed_at", expires_at="ls.expires_at"
        )
        cursor.execute(
            f"{rows} SELECT ls.employee_id, {state}, ls.due_date, ls.renewal_due"
            " FROM learning_status ls",
            params + state_params,
        )
        cells: dict[int, list] = {}
        for person, cell_state, due, renewal_due in cursor.fetchall():
            shown = renewal_due if cell_state == "to_renew" else due  # as the page shows it
            cells.setdefault(person, []).append((cell_state, shown))
    assert len(from_summary) == len(people)
    for person, states in cells.items():
        present = tuple(any(s == wanted for s, _ in states) for wanted in COURSE_STATE_ORDER)
        rank = min(COURSE_STATE_ORDER.index(s) for s, _ in states)
        open_dues = [due for s, due in states if s != "completed" and due is not None]
        expected = (*present, rank, min(open_dues, default=None))
        assert from_summary[person] == expected, (people[person], states)


def summaries(fields):
    return {
        tuple(tuple(value) if isinstance(value, list) else value for value in row)
        for row in LearningSummary.objects.values_list(*fields)
    }


def test_services_keep_the_summary_and_the_command_rebuilds_and_checks_it(county):
    """The county's changes went through the services: rebuilding changes no summary,
    --check passes, and a drifted summary fails the check and is rebuilt."""
    fields = [field.attname for field in LearningSummary._meta.fields]
    kept = summaries(fields)
    assert kept and len(kept) == len(
        set(LearningStatus.objects.values_list("employee_id", flat=True))
    )
    call_command("learning_status_rebuild", "--check")
    LearningSummary.objects.filter(employee=county["anna"]).update(open=9)
    with pytest.raises(SystemExit):
        call_command("learning_status_rebuild", "--check")
    call_command("learning_status_rebuild")
    assert summaries(fields) == kept


def test_a_person_without_rows_has_no_summary(county):
    anna = county["anna"]
    assert LearningSummary.objects.filter(employee=anna).exists()
    LearningStatus.objects.filter(employee=anna).delete()
    summaries_refresh([anna.pk])
    assert not LearningSummary.objects.filter(employee=anna).exists()


def test_a_refresh_costs_the_same_statements_for_one_person_and_for_everyone(county):
    """Set-based: a course published for everyone, or all rows rebuilt, costs the same
    few statements as one person's change (here 600 people made in bulk)."""
    from django.test.utils import CaptureQueriesContext

    from courses.status import learning_status_refresh
    from tests.supervision.test_dashboard import _make_reports

    _make_reports(county["lead"], county["care"], 600, [county["mandatory"]])

    def statements(**scope):
        with CaptureQueriesContext(connection) as queries:
            learning_status_refresh(**scope)
        return len(queries)

    one = statements(employee_ids=[county["anna"].pk])
    course = statements(course_ids=[county["mandatory"].pk])
    everything = statements()
    assert one == course == everything == 4  # the courses, delete, insert, the summaries
    assert LearningStatus.objects.filter(course=county["mandatory"]).count() > 600
    assert LearningSummary.objects.count() > 600
