"""The status table (`learning_status`) the team dashboard reads agrees, after every kind
of change, with the states worked out from the facts by `supervision.team.team_rows`
(enrolments, completions, audiences and checklists read afresh, the `CourseStatus`
rule): enrolling, completing a lesson and with it a course, a completion expiring,
ticking a checklist item, an employment ending or changing, a course's audience
changing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses import services as course_services
from courses.models import CourseCompletion, LearningStatus
from onboarding.models import ChecklistItem
from people.models import Employee
from supervision.dashboard import DashboardFilters, team_page
from supervision.team import team_rows
from tests.courses.builders import lessons_of, make_course

from .conftest import checklist_item, person


def _from_facts(supervisor):
    courses, rows = team_rows(supervisor)
    cells = {
        (row.employee.pk, course_id): (cell.state, cell.due_date, cell.completed_at)
        for row in rows
        for course_id, cell in row.cells.items()
    }
    people = {row.employee.pk: (row.state, row.checklist_total, row.checklist_done) for row in rows}
    return [course.pk for course in courses], cells, people


def _from_table(supervisor):
    page = team_page(supervisor=supervisor, filters=DashboardFilters(), page_size=1000)
    cells = {
        (row.id, course.pk): (cell.state, cell.due_date, cell.completed_at)
        for row in page.page.object_list
        for course, cell in row.course_cells
        if cell is not None
    }
    people = {
        row.id: (row.state, row.checklist_total, row.checklist_done)
        for row in page.page.object_list
    }
    return [course.pk for course in page.courses], cells, people


def assert_agrees(county):
    """Everyone active but the top manager is in their team: the dashboard's cells and people
    are the facts', and the table holds a row for exactly those cells."""
    top = county["top"]
    assert _from_table(top) == _from_facts(top)
    _courses, cells, _people = _from_facts(top)
    stored = set(
        LearningStatus.objects.exclude(employee=top).values_list("employee_id", "course_id")
    )
    assert stored == set(cells)


@pytest.fixture
def everyone(county):
    top = person(county["root"], "Ylin", "Ylva", job_role=county["worker"])
    county["root"].managers.add(top)
    county["top"] = top
    return county


def test_the_table_agrees_after_every_kind_of_change(everyone):
    county = everyone
    anna, ben, eve = county["anna"], county["ben"], county["eve"]
    assert_agrees(county)
    assert LearningStatus.objects.exists()

    # Enrol: an assignment in bulk, and one due date moved.
    course = make_course(lessons=1, validity_months=12)
    assert_agrees(county)  # published: mandatory for nobody, no rows yet
    due = timezone.localdate() + datetime.timedelta(days=3)
    course_services.enrolments_assign(
        employees=Employee.objects.filter(pk__in=[ben.pk, eve.pk]), course=course, due_date=due
    )
    assert_agrees(county)
    course_services.enrolment_ensure(
        employee=ben, course=course, due_date=due - datetime.timedelta(days=10)
    )
    assert_agrees(county)

    # Complete a lesson, and with it the course (its only lesson, no quiz).
    (lesson,) = lessons_of(course)
    done, completion = course_services.lesson_complete(employee=ben, lesson=lesson)
    assert done and completion is not None
    assert_agrees(county)

    # A completion that has expired: to renew, due by the renewal's date.
    CourseCompletion.objects.create(
        employee=eve,
        course=course,
        course_title=course.title,
        completed_at=timezone.now() - datetime.timedelta(days=500),
        expires_at=timezone.now() - datetime.timedelta(days=2),
    )
    assert_agrees(county)

    # A checklist item done.
    item = checklist_item(ben, "Tutustu", -2)
    assert_agrees(county)
    ChecklistItem.objects.filter(pk=item.pk).update(done_at=timezone.now())
    assert_agrees(county)

    # The course's audience changes: mandatory for nurses.
    course.mandatory = True
    course.save_revision().publish()
    course.audience_job_roles.set([county["nurse"]])
    course.save_revision().publish()
    assert_agrees(county)
    # and no longer for anyone: unpublished.
    course.unpublish()
    assert_agrees(county)

    # Employments: a move to another job role (saved in the admin), an employment ending
    # (the nightly closing).
    anna.job_role = county["worker"]
    anna.save()
    assert_agrees(county)
    Employee.objects.filter(pk=eve.pk).update(end_date=timezone.localdate() - datetime.timedelta(1))
    from people.services import employees_deactivate_leavers

    assert employees_deactivate_leavers() == 1
    assert_agrees(county)


def test_a_new_person_gets_the_mandatory_courses_of_their_audience(everyone):
    newcomer = person(everyone["care"], "Uusi", "Ulla", job_role=everyone["nurse"])
    assert LearningStatus.objects.filter(employee=newcomer, course=everyone["mandatory"]).exists()
    assert_agrees(everyone)


def test_rebuild_changes_nothing_that_was_kept(everyone):
    """The command builds the same table the services keep (and --check says so)."""
    before = set(LearningStatus.objects.values_list())
    call_command("learning_status_rebuild", "--check")
    LearningStatus.objects.all().delete()
    call_command("learning_status_rebuild")
    after = {row[1:] for row in LearningStatus.objects.values_list()}
    assert after == {row[1:] for row in before}


def test_the_stored_renewal_due_follows_the_window_and_a_material_change(everyone, settings):
    """A course with a renewal window is due at the window's end; a material change
    expires the completions at once and gives the course's grace period
    (`courses.selectors.renewal_due_date`, with everything it reads loaded)."""
    from courses.models import CoursePage
    from courses.selectors import renewal_due_date
    from courses.services import course_mark_material_change
    from tests.courses.test_recertification import completed, local_midnight, window_course

    anna = everyone["anna"]
    today = timezone.localdate()
    window = window_course(
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=5),
        mandatory=True,
    )
    # Without a grace period of its own: a material change gives COURSE_GRACE_DAYS.
    changed = make_course(lessons=1, validity_months=36, mandatory=True)
    completed(anna, window, at=local_midnight(today) - datetime.timedelta(days=330))
    completed(anna, changed, at=timezone.now() - datetime.timedelta(days=50))
    course_mark_material_change(course=changed)
    for course in (window, changed):
        completion = CourseCompletion.objects.get(employee=anna, course=course)
        expected = renewal_due_date(
            completion=completion, course=CoursePage.objects.get(pk=course.pk)
        )
        assert expected is not None
        row = LearningStatus.objects.get(employee=anna, course=course)
        assert (row.expires_at, row.renewal_due) == (completion.expires_at, expected)
    assert expected == today + datetime.timedelta(days=settings.COURSE_GRACE_DAYS)
    assert_agrees(everyone)  # the Python path of the exports reads the same dates


def test_a_sector_wide_course_reaches_its_sub_units_and_the_latest_cycle_counts(everyone):
    """An audience unit takes in its sub-units (a path prefix) and nobody outside; of two
    completions the later cycle is the one the row holds."""
    from courses.models import CoursePage

    county = everyone
    course = make_course(lessons=1, mandatory=True, validity_months=12)
    course.audience_units.set([county["sector"]])
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    in_scope = set(
        LearningStatus.objects.filter(course=course).values_list("employee_id", flat=True)
    )
    assert {county["anna"].pk, county["dan"].pk} <= in_scope  # care and home, below S1
    assert county["stranger"].pk not in in_scope  # S2
    now = timezone.now()
    for cycle, days_ago, expires_in in ((1, 800, -400), (2, 30, 335)):
        CourseCompletion.objects.create(
            employee=county["anna"],
            course=course,
            course_title=course.title,
            cycle=cycle,
            completed_at=now - datetime.timedelta(days=days_ago),
            expires_at=now + datetime.timedelta(days=expires_in),
        )
    call_command("learning_status_rebuild")
    row = LearningStatus.objects.get(employee=county["anna"], course=course)
    assert row.completed_at == now - datetime.timedelta(days=30)
    assert_agrees(county)
