"""Recertification by a yearly window and by a material change of the course: when a
completion expires, when its renewal is due (in Python and in SQL, the same answer),
what the learner and the team dashboard's rule say, and the reminders the hourly sweep
queues for it."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from courses.models import CourseCompletion, CourseMaterialChange
from courses.renewal import RenewalWindow
from courses.selectors import (
    CourseStatus,
    course_state_sql,
    is_to_renew,
    my_learning,
    renewal_due_date,
    renewal_due_date_sql,
)
from courses.services import course_mark_material_change
from notifications import services
from notifications.enqueue import enqueue_due_reminders
from notifications.models import ReminderOutbox, Stage
from tests.courses.builders import make_course
from tests.notifications import conftest as reminder_county
from tests.notifications.conftest import complete, enrol, today

county = reminder_county.county  # the reminder tests' small county, as a fixture here

pytestmark = pytest.mark.django_db


def _day(date: datetime.date) -> datetime.date:
    # Window days exist every year: step off February 29th.
    return date - datetime.timedelta(days=1) if (date.month, date.day) == (2, 29) else date


def window_course(*, start: datetime.date, end: datetime.date, **fields):
    start, end = _day(start), _day(end)
    return make_course(
        lessons=1,
        renewal_start_month=start.month,
        renewal_start_day=start.day,
        renewal_end_month=end.month,
        renewal_end_day=end.day,
        **fields,
    )


def completed(employee, course, *, at: datetime.datetime, cycle: int = 1) -> CourseCompletion:
    """A completion made at `at`, with the expiry the course gives it."""
    return CourseCompletion.objects.create(
        employee=employee,
        course=course,
        cycle=cycle,
        course_title=course.title,
        completed_at=at,
        expires_at=course.expiry_for(at),
    )


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# --- the window's dates -----------------------------------------------------------------


def test_a_completion_counts_until_the_next_window_and_is_due_at_its_end():
    window = RenewalWindow(1, 1, 3, 31)
    # In the 2027 window and after it: both valid until the 2028 window begins.
    assert window.next_start_after(datetime.date(2027, 2, 10)) == datetime.date(2028, 1, 1)
    assert window.next_start_after(datetime.date(2027, 1, 1)) == datetime.date(2028, 1, 1)
    assert window.next_start_after(datetime.date(2027, 5, 10)) == datetime.date(2028, 1, 1)
    assert window.end_on_or_after(datetime.date(2028, 1, 1)) == datetime.date(2028, 3, 31)


def test_a_window_over_the_turn_of_the_year():
    window = RenewalWindow(11, 1, 2, 28)
    assert window.next_start_after(datetime.date(2027, 12, 5)) == datetime.date(2028, 11, 1)
    assert window.next_start_after(datetime.date(2028, 1, 20)) == datetime.date(2028, 11, 1)
    assert window.end_on_or_after(datetime.date(2028, 11, 1)) == datetime.date(2029, 2, 28)


def test_the_expiry_is_local_midnight_at_the_window_start():
    course = window_course(start=datetime.date(2027, 1, 1), end=datetime.date(2027, 3, 31))
    at = timezone.make_aware(datetime.datetime(2027, 2, 10, 14, 0))
    assert course.expiry_for(at) == local_midnight(datetime.date(2028, 1, 1))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"renewal_start_month": 1}, "renewal_start_month"),
        (
            {
                "renewal_start_month": 2,
                "renewal_start_day": 29,
                "renewal_end_month": 3,
                "renewal_end_day": 31,
            },
            "renewal_start_day",
        ),
        (
            {
                "renewal_start_month": 1,
                "renewal_start_day": 1,
                "renewal_end_month": 3,
                "renewal_end_day": 31,
                "validity_months": 12,
            },
            "validity_months",
        ),
    ],
)
def test_the_editor_refuses_half_a_window_a_leap_day_and_both_rules(fields, field):
    course = make_course(lessons=1)
    for name, value in fields.items():
        setattr(course, name, value)
    with pytest.raises(ValidationError) as refused:
        course.clean()
    assert field in refused.value.message_dict


# --- the calendar window, as the learner and the sweep see it --------------------------


def test_calendar_window_renewal_with_reminders_at_due_soon_and_overdue(county):
    nurse, aide = county["nurse"], county["aide"]
    now = timezone.now()
    window_start = _day(today() - datetime.timedelta(days=30))
    window_end = _day(today() + datetime.timedelta(days=5))
    course = window_course(start=window_start, end=window_end, mandatory=True)
    # Last year, between the windows: valid until this year's window began.
    last_year = completed(
        nurse, course, at=local_midnight(window_start) - datetime.timedelta(days=300)
    )
    assert last_year.expires_at == local_midnight(window_start)
    # In this year's window: valid until next year's.
    this_year = completed(aide, course, at=now - datetime.timedelta(days=1))
    assert this_year.expires_at.date().year == window_start.year + 1

    assert is_to_renew(last_year, now) and not is_to_renew(this_year, now)
    assert renewal_due_date(completion=last_year, course=course) == window_end
    (status,) = my_learning(employee=nurse)["required"]
    assert (status.state, status.due_date) == ("to_renew", window_end)
    assert my_learning(employee=aide)["completed"][0].state == "completed"

    services.reminders_sweep()
    rows = list(ReminderOutbox.objects.values_list("subject_kind", "subject_id", "stage"))
    assert rows == [("renewal", last_year.pk, Stage.DUE_SOON)]
    (message,) = mail.outbox
    assert message.to == [nurse.user.email]
    date = f"{window_end.day}.{window_end.month}.{window_end.year}"
    assert message.subject == f"Koulutus on uusittava {date} mennessä: {course.title}"

    # The day after the window ends: overdue, once however often the sweep runs.
    later = window_end + datetime.timedelta(days=1)
    for _ in range(2):
        enqueue_due_reminders(today=later, now=local_midnight(later))
    assert set(ReminderOutbox.objects.values_list("stage", flat=True)) == {
        Stage.DUE_SOON,
        Stage.OVERDUE,
    }


def test_a_renewed_course_gets_no_more_renewal_reminders(county):
    nurse = county["nurse"]
    course = window_course(
        start=today() - datetime.timedelta(days=30), end=today() + datetime.timedelta(days=5)
    )
    first = completed(nurse, course, at=local_midnight(today()) - datetime.timedelta(days=330))
    completed(nurse, course, at=timezone.now() - datetime.timedelta(hours=1), cycle=2)
    assert is_to_renew(first, timezone.now())  # the first one has expired…
    services.reminders_sweep()
    assert not ReminderOutbox.objects.exists()  # …but the course is renewed


# --- a material change ------------------------------------------------------------------


def test_material_change_makes_earlier_completions_to_renew_within_the_grace_period(county):
    nurse, aide, lead = county["nurse"], county["aide"], county["lead"]
    course = make_course(lessons=1, validity_months=24, grace_days=30, mandatory=True)
    now = timezone.now()
    before = completed(nurse, course, at=now - datetime.timedelta(days=100))
    lapsed = complete(lead, course, days_ago=900, expires_in=-170)  # expired before it

    change = course_mark_material_change(course=course)
    after = completed(aide, course, at=timezone.now())

    before.refresh_from_db()
    lapsed.refresh_from_db()
    assert change.completions_affected == 1
    assert change.revision_id == course.live_revision_id
    assert before.expires_at == change.changed_at
    assert before.renewal_required_by == change
    assert lapsed.renewal_required_by is None  # its own expiry stays
    assert is_to_renew(before, timezone.now()) and not is_to_renew(after, timezone.now())
    due = timezone.localtime(change.changed_at).date() + datetime.timedelta(days=30)
    assert renewal_due_date(completion=before, course=course) == due
    (status,) = my_learning(employee=nurse)["required"]
    assert (status.state, status.due_date) == ("to_renew", due)
    assert my_learning(employee=aide)["completed"][0].state == "completed"

    # Marking the same published revision again changes nothing.
    assert course_mark_material_change(course=course) == change
    assert CourseMaterialChange.objects.count() == 1


def test_without_its_own_grace_period_a_material_change_gives_the_settings(county, settings):
    settings.COURSE_GRACE_DAYS = 45
    course = make_course(lessons=1, validity_months=12)
    done = completed(county["nurse"], course, at=timezone.now() - datetime.timedelta(days=5))
    change = course_mark_material_change(course=course)
    done.refresh_from_db()
    assert renewal_due_date(completion=done, course=course) == timezone.localtime(
        change.changed_at
    ).date() + datetime.timedelta(days=45)


def test_material_change_reminders_at_due_soon_and_overdue_and_none_for_later(county):
    nurse, aide = county["nurse"], county["aide"]
    course = make_course(lessons=1, grace_days=10)  # never expires by itself
    before = completed(nurse, course, at=timezone.now() - datetime.timedelta(days=100))
    completed(aide, course, at=timezone.now() - datetime.timedelta(days=1))  # after the change
    change = course_mark_material_change(
        course=course, now=timezone.now() - datetime.timedelta(days=5)
    )
    enrol(nurse, course, due_in=-200)  # the first round's date: never reminded again

    services.reminders_sweep()  # due in 5 days
    assert list(ReminderOutbox.objects.values_list("recipient_id", "subject_id", "stage")) == [
        (nurse.pk, before.pk, Stage.DUE_SOON)
    ]
    due = timezone.localtime(change.changed_at).date() + datetime.timedelta(days=10)
    overdue_day = due + datetime.timedelta(days=1)
    enqueue_due_reminders(today=overdue_day, now=local_midnight(overdue_day))
    assert set(ReminderOutbox.objects.values_list("stage", flat=True)) == {
        Stage.DUE_SOON,
        Stage.OVERDUE,
    }


def test_no_stage_is_sent_that_had_begun_when_the_change_was_marked(county):
    course = make_course(lessons=1, grace_days=3)
    completed(county["nurse"], course, at=timezone.now() - datetime.timedelta(days=100))
    course_mark_material_change(course=course)
    services.reminders_sweep()  # due in 3 days: the due-soon stage began before the change
    assert not ReminderOutbox.objects.exists()


def test_a_material_change_moves_the_status_rows_the_dashboard_reads(county):
    """The completions the change expires are read by the team dashboard from the
    status table: their rows say to renew, due after the grace period, at once."""
    from django.core.management import call_command

    from courses.models import LearningStatus

    nurse = county["nurse"]
    course = make_course(lessons=1, validity_months=24, grace_days=30, mandatory=True)
    completed(nurse, course, at=timezone.now() - datetime.timedelta(days=100))
    change = course_mark_material_change(course=course)
    row = LearningStatus.objects.get(employee=nurse, course=course)
    due = timezone.localtime(change.changed_at).date() + datetime.timedelta(days=30)
    assert (row.expires_at, row.renewal_due) == (change.changed_at, due)
    call_command("learning_status_rebuild", "--check")


def test_the_mark_is_written_in_the_audit_log(county):
    from audit.models import AuditAction, AuditEntry

    course = make_course(lessons=1, validity_months=12)
    completed(county["nurse"], course, at=timezone.now() - datetime.timedelta(days=3))
    change = course_mark_material_change(course=course, actor=county["lead"].user)
    course_mark_material_change(course=course, actor=county["lead"].user)  # the same revision
    (entry,) = AuditEntry.objects.filter(action=AuditAction.COURSE_MATERIAL_CHANGE)
    assert entry.actor == county["lead"].user
    assert entry.target == course.title
    assert entry.detail == {
        "course_id": course.pk,
        "revision_id": change.revision_id,
        "completions_affected": 1,
    }


def test_a_long_overdue_renewal_escalates_once_to_whoever_answers(county, settings):
    nurse, lead = county["nurse"], county["lead"]
    course = make_course(lessons=1, grace_days=10, title="Puheeksiottamisen perusteet")
    before = completed(nurse, course, at=timezone.now() - datetime.timedelta(days=200))
    change = course_mark_material_change(
        course=course, now=timezone.now() - datetime.timedelta(days=100)
    )
    due = timezone.localtime(change.changed_at).date() + datetime.timedelta(days=10)
    long_overdue = due + datetime.timedelta(days=settings.REMINDER_LONG_OVERDUE_DAYS)
    for day in (long_overdue, long_overdue + datetime.timedelta(days=1)):
        enqueue_due_reminders(today=day, now=local_midnight(day))
    escalations = ReminderOutbox.objects.filter(stage=Stage.ESCALATION)
    assert list(escalations.values_list("recipient_id", "about_id", "subject_id")) == [
        (lead.pk, nurse.pk, before.pk)
    ]
    services.reminders_sweep(now=local_midnight(long_overdue) + datetime.timedelta(hours=9))
    (to_lead,) = [m for m in mail.outbox if m.to == [lead.user.email]]
    assert to_lead.subject == "Pitkään myöhässä: Noora Hoitaja – Puheeksiottamisen perusteet"
    assert f"/tiimi/{nurse.employee_number}/" in to_lead.body


def test_the_weekly_digest_counts_and_names_a_course_to_renew(county):
    nurse, lead = county["nurse"], county["lead"]
    course = make_course(lessons=1, grace_days=3, title="Elintapaohjaus")
    completed(nurse, course, at=timezone.now() - datetime.timedelta(days=100))
    course_mark_material_change(
        course=course, now=timezone.now() - datetime.timedelta(days=10)
    )  # due a week ago
    services.reminders_send_weekly_digest()
    (digest,) = [m for m in mail.outbox if m.to == [lead.user.email]]
    assert "1 tehtävä tai koulutus on myöhässä." in digest.body
    assert "Noora Hoitaja: Elintapaohjaus" in digest.body


def test_the_admin_marks_the_published_revision(county, client):
    from django.contrib.auth.models import Group

    from people import roles

    course = make_course(lessons=1, validity_months=12, grace_days=20)
    completed(county["nurse"], course, at=timezone.now() - datetime.timedelta(days=3))
    trainer = county["lead"].user
    trainer.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer)
    url = f"/admin/koulutukset/{course.pk}/olennainen-muutos/"
    page = client.get(url)
    assert page.status_code == 200
    assert "1 voimassa oleva suoritus on uusittava" in page.content.decode()
    assert client.post(url).status_code == 302
    assert CourseMaterialChange.objects.get().completions_affected == 1


# --- one rule in Python and in SQL ------------------------------------------------------


def _cases(county):
    """Completions of every kind of course, with a grace period or without."""
    nurse = county["nurse"]
    now = timezone.now()
    months = make_course(lessons=1, validity_months=12)
    months_grace = make_course(lessons=1, validity_months=12, grace_days=14)
    window = window_course(
        start=today() - datetime.timedelta(days=30), end=today() + datetime.timedelta(days=5)
    )
    over_new_year = make_course(
        lessons=1,
        renewal_start_month=11,
        renewal_start_day=1,
        renewal_end_month=2,
        renewal_end_day=28,
    )
    changed = make_course(lessons=1, validity_months=36)
    changed_window = window_course(
        start=today() + datetime.timedelta(days=40),
        end=today() + datetime.timedelta(days=90),
        grace_days=7,
    )
    never = make_course(lessons=1)
    cases = [
        complete(nurse, months, days_ago=400, expires_in=-35),
        complete(nurse, months_grace, days_ago=400, expires_in=-35),
        complete(nurse, months, days_ago=10, expires_in=355, cycle=2),
        completed(nurse, window, at=local_midnight(today()) - datetime.timedelta(days=330)),
        completed(nurse, over_new_year, at=now - datetime.timedelta(days=500)),
        completed(nurse, over_new_year, at=now - datetime.timedelta(days=2), cycle=2),
        completed(nurse, changed, at=now - datetime.timedelta(days=50)),
        completed(nurse, changed_window, at=now - datetime.timedelta(days=50)),
        completed(nurse, never, at=now - datetime.timedelta(days=50)),
    ]
    course_mark_material_change(course=changed)
    course_mark_material_change(course=changed_window)
    return cases


def test_the_renewal_due_date_is_the_same_in_sql(county):
    _cases(county)
    annotated = CourseCompletion.objects.select_related("course").annotate(
        due_in_sql=renewal_due_date_sql()
    )
    seen = 0
    for completion in annotated:
        expected = renewal_due_date(completion=completion, course=completion.course)
        assert completion.due_in_sql == expected, completion.course.title
        seen += expected is not None
    assert seen == 8


def test_the_sql_state_rule_reads_renewals_as_course_status_does(county):
    """`course_state_sql` over the real completion rows (the dashboard's cells) says what
    `CourseStatus` says, for windows and material changes too."""
    cases = _cases(county)
    for due_in in (None, -1, 3):
        due = today() + datetime.timedelta(days=due_in) if due_in is not None else None
        _compare_states(cases, due)


def _compare_states(cases, due) -> None:
    case, params = course_state_sql(
        due="%s::date", completed_at="cc.completed_at", expires_at="cc.expires_at"
    )
    for completion in cases:
        completion.refresh_from_db()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {case} FROM courses_coursecompletion cc WHERE cc.id = %s",
                [params[0], due, params[1], due, params[2], completion.pk],
            )
            in_sql = cursor.fetchone()[0]
        expected = CourseStatus(completion.course, None, 0, 0, completion, today()).state
        assert in_sql == expected, completion.course.title
