"""Go-live: a county's whole tree and staff arrive by import on a fresh database.
Only people inside the onboarding window get a checklist, established staff get their
mandatory course due after the grace period, and no reminder goes out for a stage
whose day had begun before the item or enrolment was made."""

import datetime
import random

import pytest
from django.core import mail
from django.utils import timezone

from courses.models import Enrolment
from notifications import services as reminders
from notifications.models import ReminderOutbox, ReminderStart, Stage, SubjectKind
from notifications.selectors import first_reminder_on, stage_starts
from onboarding.models import Checklist, ChecklistItem, ChecklistTemplate, ItemKind, TemplateItem
from people import services
from people.models import Employee, OrgUnit
from tests.courses.builders import make_course
from tests.factories import JobRoleFactory

pytestmark = pytest.mark.django_db

STAFF_HEADER = (
    "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;"
    "aloituspäivä;päättymispäivä;kieli"
)
TREE_HEADER = "koodi;nimi suomeksi;nimi ruotsiksi;nimi englanniksi;yläyksikkö;taso;esihenkilöt"


def tree_rows(units: int) -> list[str]:
    rows = ["HVA;Hyvinvointialue;Välfärdsområdet;County;;hyvinvointialue;"]
    for sector in range(1, 5):
        rows.append(f"S{sector};Toimiala {sector};Sektor {sector};Sector {sector};HVA;toimiala;")
    number = 0
    while len(rows) < units:
        number += 1
        rows.append(
            f"U{number};Yksikkö {number};Enhet {number};Unit {number};S{number % 4 + 1};yksikkö;"
        )
    return rows


def staff_rows(count: int, today: datetime.date, *, starting_next_month: int) -> list[str]:
    """`count` people with start dates spread over ten years, the last
    `starting_next_month` starting next month; everyone reports to person 1."""
    rng = random.Random(12)
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=5)
    rows = []
    for index in range(1, count + 1):
        if index > count - starting_next_month:
            start = next_month
        else:
            start = today - datetime.timedelta(days=rng.randint(0, 3650))
        supervisor = "" if index == 1 else "1"
        rows.append(
            f"{index};Etu{index};Suku{index};p{index}@hva.example;U{index % 45 + 1};SH;"
            f"{supervisor};{start:%d.%m.%Y};;fi"
        )
    return rows


def make_template_and_course():
    course = make_course(lessons=1, mandatory=True)
    template = ChecklistTemplate(name="Kaikille")
    for order, (days, title) in enumerate(
        [(0, "Avaimet"), (7, "Tutustu"), (30, "Kehityskeskustelu")]
    ):
        template.items.add(
            TemplateItem(kind=ItemKind.TASK, title=title, due_days=days, sort_order=order)
        )
    template.items.add(
        TemplateItem(kind=ItemKind.COURSE, title="Hyte", course=course, due_days=14, sort_order=9)
    )
    template.save()
    return course


def at_day(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def go_live(django_capture_on_commit_callbacks, settings):
    settings.REMINDER_BATCH_SIZE = 500
    JobRoleFactory(code="SH", name_fi="Sairaanhoitaja")
    make_template_and_course()
    today = timezone.localdate()
    tree = "\n".join([TREE_HEADER, *tree_rows(50)]).encode()
    preview = services.org_import_preview(name="puu.csv", content=tree)
    assert preview.ok, preview.problems
    services.org_import_apply(run=preview.run)
    assert OrgUnit.objects.count() == 50

    rows = staff_rows(2000, today, starting_next_month=20)
    preview = services.employee_import_preview(
        name="henkilosto.csv", content="\n".join([STAFF_HEADER, *rows]).encode()
    )
    assert preview.ok, preview.problems[:5]
    window_starts = today - datetime.timedelta(days=settings.ONBOARDING_WINDOW_DAYS)
    inside = {
        row.split(";")[0]
        for row in rows
        if datetime.datetime.strptime(row.split(";")[7], "%d.%m.%Y").date() >= window_starts
    }
    forecast = preview.forecast
    assert forecast.checklists == len(inside)
    assert forecast.enrolments == 2000  # a course item for each newcomer, the rest established
    with django_capture_on_commit_callbacks(execute=True):
        assert services.employee_import_apply(run=preview.run).ok
    # Welcome messages are their own matter (tests/people/test_hr_import.py); here only
    # reminders count as mail.
    ReminderOutbox.objects.filter(subject_kind=SubjectKind.WELCOME).delete()
    mail.outbox.clear()
    return {"inside": inside, "today": today, "forecast": forecast}


def sent_rows_since(pk: int):
    return list(ReminderOutbox.objects.filter(pk__gt=pk).exclude(stage__startswith="20"))


def test_go_live_onboards_only_the_window_and_reminds_only_stages_ahead(go_live, settings):
    today = go_live["today"]
    inside = go_live["inside"]
    with_checklist = set(Checklist.objects.values_list("employee__employee_number", flat=True))
    assert with_checklist == inside
    assert len([n for n in inside if int(n) > 1980]) == 20  # the 20 starting next month
    established = Employee.objects.exclude(employee_number__in=inside)
    grace_due = today + datetime.timedelta(days=settings.COURSE_GRACE_DAYS)
    assert set(
        Enrolment.objects.filter(employee__in=established).values_list("due_date", flat=True)
    ) == {grace_due}
    assert Enrolment.objects.filter(employee__in=established).count() == established.count()

    # An hour after the import, on the same day: nothing at all. (In the last hour of a
    # day an hour later is the next day, whose stages rightly begin: the last minute of
    # the day is taken then.)
    last_minute = at_day(0, hour=23) + datetime.timedelta(minutes=59)
    later = min(timezone.now() + datetime.timedelta(hours=1), last_minute)
    result = reminders.reminders_sweep(now=later)
    assert result.delivery.sent == 0 and not mail.outbox
    assert not ReminderOutbox.objects.exists()

    # Later days: each sweep sends only stages that begin on its day (never one whose day
    # had begun when the item or enrolment was made).
    last = 0
    days = [*range(1, 45), 83, 90, 91, 104]
    first_sent_day = None
    for day in days:
        reminders.reminders_sweep(now=at_day(day))
        for row in sent_rows_since(last):
            assert row.stage in (*stage_starts(row.due_date), Stage.ESCALATION)
            stage = Stage.LONG_OVERDUE.value if row.stage == Stage.ESCALATION else row.stage
            begins = stage_starts(row.due_date)[stage]
            assert begins > today, (row.stage, row.due_date)
            if day <= 44:
                assert begins == today + datetime.timedelta(days=day), (row.stage, row.due_date)
            first_sent_day = first_sent_day or day
        last = ReminderOutbox.objects.order_by("-pk").values_list("pk", flat=True).first() or last
    assert ReminderOutbox.objects.filter(stage=Stage.DUE_SOON).exists()
    assert today + datetime.timedelta(days=first_sent_day) == go_live["forecast"].first_reminder
    # Established staff's course: due soon, due today, overdue, long overdue; nothing else.
    about_established = ReminderOutbox.objects.filter(
        about__in=established, subject_kind="enrolment"
    )
    assert set(about_established.values_list("stage", flat=True)) == {
        Stage.DUE_SOON,
        Stage.DUE_TODAY,
        Stage.OVERDUE,
        Stage.LONG_OVERDUE,
        Stage.ESCALATION,
    }


def test_reminders_start_on_holds_everything_and_then_sends_only_that_days_stages(
    go_live, settings
):
    settings.REMINDERS_START_ON = go_live["today"] + datetime.timedelta(days=20)
    for day in range(1, 20):
        assert reminders.reminders_sweep(now=at_day(day)).enqueued.reminders == 0
        assert reminders.reminders_send_weekly_digest(now=at_day(day)).digests == 0
    assert not ReminderOutbox.objects.exists() and not mail.outbox
    reminders.reminders_sweep(now=at_day(20))
    start = settings.REMINDERS_START_ON
    for row in ReminderOutbox.objects.all():
        stage = Stage.LONG_OVERDUE.value if row.stage == Stage.ESCALATION else row.stage
        assert stage_starts(row.due_date)[stage] == start


def test_the_admin_switch_pauses_reminders_and_releasing_it_sends_no_burst(go_live):
    switch = ReminderStart.load()
    switch.paused = True
    switch.save()
    for day in range(1, 15):
        reminders.reminders_sweep(now=at_day(day))
    assert not ReminderOutbox.objects.exists()
    switch.paused = False
    switch.save()
    switch.refresh_from_db()
    assert switch.start_on == timezone.localdate()
    # The pause ended today: only stages beginning today or later will ever be sent.
    reminders.reminders_sweep(now=at_day(0, hour=23))
    assert all(
        stage_starts(row.due_date)[row.stage] >= timezone.localdate()
        for row in ReminderOutbox.objects.exclude(stage=Stage.ESCALATION)
    )


def test_first_reminder_on_skips_stages_already_begun():
    created = datetime.date(2026, 3, 10)
    assert first_reminder_on(datetime.date(2026, 3, 30), created_on=created) == datetime.date(
        2026, 3, 23
    )
    # Due in three days: "due soon" had begun, the first reminder is on the due day.
    assert first_reminder_on(datetime.date(2026, 3, 13), created_on=created) == datetime.date(
        2026, 3, 13
    )
    # Long overdue already: nothing left.
    assert first_reminder_on(datetime.date(2026, 1, 1), created_on=created) is None


def test_a_move_counts_the_new_items_from_the_day_of_the_move(
    django_capture_on_commit_callbacks,
):
    JobRoleFactory(code="SH")
    tree = "\n".join([TREE_HEADER, *tree_rows(8)]).encode()
    services.org_import_apply(run=services.org_import_preview(name="t.csv", content=tree).run)
    for_u2 = ChecklistTemplate(name="Yksikkö 2")
    for_u2.items.add(TemplateItem(kind=ItemKind.TASK, title="Uuden yksikön avaimet", due_days=5))
    for_u2.save()
    for_u2.units.add(OrgUnit.objects.get(code="U2"))
    start = "1.3.2021"
    staff = [f"{n};A{n};B{n};p{n}@hva.example;U1;SH;;{start};;fi" for n in range(1, 30)]

    def run_import(rows, **kwargs):
        content = "\n".join([STAFF_HEADER, *rows]).encode()
        with django_capture_on_commit_callbacks(execute=True):
            result = services.employee_import_apply(
                run=services.employee_import_preview(name="h.csv", content=content).run, **kwargs
            )
        assert result.ok

    run_import(staff)
    assert not ChecklistItem.objects.exists()
    run_import([staff[0].replace(";U1;", ";U2;"), *staff[1:]])
    item = ChecklistItem.objects.get()
    assert item.checklist.employee.employee_number == "1"
    assert item.due_date == timezone.localdate() + datetime.timedelta(days=5)
