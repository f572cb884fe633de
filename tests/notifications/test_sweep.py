"""The reminder sweep as users notice it: which stage each item is in, one email and
one notice per stage however often the sweep runs, nothing for people who left, the
in-app notice only without an email address, escalation up the responsibility chain,
and a mail server that is down."""

import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from notifications import services
from notifications.enqueue import enqueue_due_reminders
from notifications.models import Notification, OutboxStatus, ReminderOutbox, Stage
from onboarding.models import ItemKind, ItemOwner
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory, make_unit
from tests.notifications.conftest import complete, enrol, item_for, make_hr_admin, today

pytestmark = pytest.mark.django_db


def stages() -> set[tuple[str, int, str]]:
    return set(ReminderOutbox.objects.values_list("stage", "recipient_id", "subject_id"))


def mails_to(employee) -> list:
    return [m for m in mail.outbox if m.to == [employee.user.email]]


def test_each_item_gets_the_stage_its_due_date_is_in(county, settings):
    nurse = county["nurse"]
    expected = {
        item_for(nurse, due_in=8, title="Ei vielä").pk: None,
        item_for(nurse, due_in=7, title="Viikon päästä").pk: Stage.DUE_SOON,
        item_for(nurse, due_in=1, title="Huomenna").pk: Stage.DUE_SOON,
        item_for(nurse, due_in=0, title="Tänään").pk: Stage.DUE_TODAY,
        item_for(nurse, due_in=-1, title="Eilen").pk: Stage.OVERDUE,
        item_for(nurse, due_in=-13, title="Melkein kaksi viikkoa").pk: Stage.OVERDUE,
        item_for(nurse, due_in=-14, title="Kaksi viikkoa").pk: Stage.LONG_OVERDUE,
        item_for(nurse, due_in=0, title="Tehty", done=True).pk: None,
    }
    result = services.reminders_sweep()

    own = dict(ReminderOutbox.objects.filter(recipient=nurse).values_list("subject_id", "stage"))
    assert own == {pk: stage for pk, stage in expected.items() if stage}
    assert result.delivery.sent == len(mail.outbox) == 6 + 1  # + the escalation to her lead
    subjects = {m.subject for m in mails_to(nurse)}
    assert "Perehdytystehtävän määräpäivä on tänään: Tänään" in subjects
    assert "Perehdytystehtävä on myöhässä: Eilen" in subjects
    assert set(Notification.objects.filter(recipient=nurse).values_list("title", flat=True)) == (
        subjects
    )


def test_running_the_sweep_again_sends_nothing_twice(county):
    nurse = county["nurse"]
    item = item_for(nurse, due_in=3)
    services.reminders_sweep()
    again = services.reminders_sweep()
    assert len(mail.outbox) == 1 and Notification.objects.count() == 1
    assert again.enqueued.reminders == 0 and again.delivery.sent == 0

    # Days pass: the item is due today now, which is a new stage, sent once.
    item.due_date = today()
    item.save()
    services.reminders_sweep()
    services.reminders_sweep()
    assert [m.subject for m in mail.outbox] == [
        "Perehdytystehtävän määräpäivä lähestyy: Hae avaimet",
        "Perehdytystehtävän määräpäivä on tänään: Hae avaimet",
    ]
    assert set(ReminderOutbox.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_the_email_has_text_and_html_and_links_straight_to_the_item(county, settings):
    settings.SITE_URL = "https://hyteopas.example"
    item = item_for(county["nurse"], due_in=2, title="Tapaa työsuojeluvaltuutettu")
    services.reminders_sweep()
    (message,) = mail.outbox
    link = f"https://hyteopas.example/#checklist-item-{item.pk}"
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="{link}"' in html
    assert message.body.startswith("Hei Noora,")
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    notice = Notification.objects.get()
    assert notice.url == f"/#checklist-item-{item.pk}" and notice.read_at is None


def test_the_email_is_in_the_recipients_language(county):
    nurse = county["nurse"]
    nurse.language = "sv"
    nurse.save()
    item_for(nurse, due_in=-2)
    services.reminders_sweep()
    (message,) = mail.outbox
    assert message.body.startswith("Hej Noora,")
    with translation.override("sv"):
        swedish = gettext("Perehdytystehtävä on myöhässä: %(title)s") % {"title": "Hae avaimet"}
    assert message.subject == swedish != "Perehdytystehtävä on myöhässä: Hae avaimet"
    assert Notification.objects.get().title == swedish
    assert 'lang="sv"' in message.alternatives[0][0]
    # Finland-Swedish dates (13.12.2026), not Sweden's ISO ones.
    late = today() - datetime.timedelta(days=2)
    assert f"{late.day}.{late.month}.{late.year}" in message.body
    assert late.isoformat() not in message.body


def test_courses_remind_until_completed_and_link_to_the_course(county, settings):
    settings.SITE_URL = "https://hyteopas.example"
    nurse, aide = county["nurse"], county["aide"]
    course = make_course(lessons=1)
    enrol(nurse, course, due_in=-3)
    enrol(aide, course, due_in=-3)
    complete(aide, course)
    services.reminders_sweep()
    (message,) = mail.outbox
    assert message.to == [nurse.user.email]
    assert message.subject == f"Koulutus on myöhässä: {course.title}"
    assert f"https://hyteopas.example{course.url}" in message.body


def test_an_expired_completion_counts_as_not_done(county):
    """Reminded as a course to renew, by its renewal's due date (the expiry: the course
    has no grace period), not by the first round's enrolment."""
    course = make_course(lessons=1, validity_months=12)
    enrol(county["nurse"], course, due_in=-2)
    complete(county["nurse"], course, days_ago=400, expires_in=-35)
    services.reminders_sweep()
    nurse = county["nurse"]
    assert [m.subject for m in mail.outbox if m.to == [nurse.user.email]] == [
        f"Koulutuksen uusiminen on ollut pitkään myöhässä: {course.title}"
    ]
    # Long overdue: escalated to her supervisor too, as a late course would be.
    assert [m.subject for m in mail.outbox if m.to != [nurse.user.email]] == [
        f"Pitkään myöhässä: {nurse.full_name} – {course.title}"
    ]


def test_a_course_item_is_reminded_through_its_enrolment_only(county):
    course = make_course(lessons=1)
    item_for(county["nurse"], due_in=0, kind=ItemKind.COURSE, title="Kurssi")
    item = item_for(county["nurse"], due_in=0, kind=ItemKind.COURSE, title="Kurssi 2")
    item.course = course
    item.save()
    enrol(county["nurse"], course, due_in=0)
    services.reminders_sweep()
    # The item whose course was deleted (no course) is a task now and is reminded.
    assert sorted(m.subject for m in mail.outbox) == [
        f"Koulutuksen määräpäivä on tänään: {course.title}",
        "Perehdytystehtävän määräpäivä on tänään: Kurssi",
    ]


def test_expiring_completions_get_one_recertification_reminder(county):
    course = make_course(lessons=1, validity_months=12)
    other = make_course(lessons=1, validity_months=12)
    nurse, aide, lead = county["nurse"], county["aide"], county["lead"]
    expiring = complete(nurse, course, days_ago=340, expires_in=20)
    complete(aide, course, days_ago=320, expires_in=40)  # not yet
    complete(lead, course, days_ago=360, expires_in=5)
    complete(lead, course, days_ago=1, expires_in=364, cycle=2)  # already renewed
    complete(aide, other, days_ago=400, expires_in=-30)  # expired already
    services.reminders_sweep()
    services.reminders_sweep()
    # The one already expired is a course to renew, reminded as such.
    renewal = ReminderOutbox.objects.exclude(stage="escalation").get(subject_kind="renewal")
    assert renewal.recipient_id == aide.pk
    (message,) = [m for m in mail.outbox if m.to not in ([aide.user.email], [lead.user.email])]
    assert message.to == [nurse.user.email]
    assert message.subject.startswith("Koulutuksen suoritus vanhenee")
    assert course.url in message.body
    row = ReminderOutbox.objects.get(subject_kind="recertification")
    assert (row.subject_kind, row.subject_id, row.stage) == (
        "recertification",
        expiring.pk,
        "recertification",
    )


def test_people_who_left_get_nothing(county):
    nurse, aide = county["nurse"], county["aide"]
    nurse.active = False
    nurse.save()
    item_for(nurse, due_in=-30)
    enrol(nurse, make_course(lessons=1), due_in=0)
    # The aide's reminder is recorded, then she leaves before it goes out.
    item_for(aide, due_in=1)
    enqueue_due_reminders(today=today(), now=timezone.now())
    aide.active = False
    aide.save()
    result = services.reminders_sweep()
    assert mail.outbox == [] and not Notification.objects.exists()
    assert result.delivery.cancelled == 1
    assert ReminderOutbox.objects.get().status == OutboxStatus.CANCELLED


def test_an_item_done_before_delivery_is_not_reminded(county):
    item = item_for(county["nurse"], due_in=0)
    enqueue_due_reminders(today=today(), now=timezone.now())
    item.done_at = item.created_at
    item.save()
    services.reminders_sweep()
    assert mail.outbox == [] and ReminderOutbox.objects.get().status == OutboxStatus.CANCELLED


def test_no_email_address_gets_the_in_app_notice_only(county):
    nurse = county["nurse"]
    nurse.user.email = ""
    nurse.user.save()
    item_for(nurse, due_in=0)
    result = services.reminders_sweep()
    services.reminders_sweep()
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=nurse).count() == 1
    row = ReminderOutbox.objects.get()
    assert row.status == OutboxStatus.SENT and "no email" in row.note
    assert result.delivery.in_app_only == 1


def test_long_overdue_escalates_once_to_the_supervisor_in_her_language(county, settings):
    settings.SITE_URL = "https://hyteopas.example"
    nurse, lead = county["nurse"], county["lead"]
    lead.language = "sv"
    lead.save()
    item = item_for(nurse, due_in=-20, title="Lue tietoturvaohje")
    services.reminders_sweep()
    services.reminders_sweep()
    assert stages() == {
        (Stage.LONG_OVERDUE, nurse.pk, item.pk),
        (Stage.ESCALATION, lead.pk, item.pk),
    }
    (to_lead,) = mails_to(lead)
    with translation.override("sv"):
        expected = gettext("Pitkään myöhässä: %(name)s – %(title)s") % {
            "name": "Noora Hoitaja",
            "title": "Lue tietoturvaohje",
        }
    assert to_lead.subject == expected
    assert to_lead.body.startswith("Hej Liisa,")
    assert (
        f"https://hyteopas.example/tiimi/{nurse.employee_number}/#checklist-item-{item.pk}"
        in to_lead.body
    )
    assert len(mails_to(nurse)) == 1


def test_no_supervisor_escalates_to_the_unit_manager_then_up_the_tree_then_hr(county):
    unit, sector, root = county["unit"], county["sector"], county["root"]
    unit_manager = EmployeeFactory(unit=unit)
    unit.managers.add(unit_manager)
    loner = EmployeeFactory(unit=unit)  # no supervisor
    gone_boss = EmployeeFactory(unit=unit, active=False)
    orphan = EmployeeFactory(unit=unit, supervisor=gone_boss)  # supervisor has left
    sub_unit = make_unit("SOS-1-A", unit)
    deep = EmployeeFactory(unit=sub_unit)  # no manager in the sub-unit: the unit's
    other_unit = make_unit("TEK", root, "sector")
    far = EmployeeFactory(unit=other_unit)  # no manager anywhere up: HR
    hr = make_hr_admin(root)
    for person in (loner, orphan, deep, far):
        item_for(person, due_in=-15)
    services.reminders_sweep()
    escalated_to = dict(
        ReminderOutbox.objects.filter(stage=Stage.ESCALATION).values_list(
            "about_id", "recipient_id"
        )
    )
    assert escalated_to == {
        loner.pk: unit_manager.pk,
        orphan.pk: unit_manager.pk,
        deep.pk: unit_manager.pk,
        far.pk: hr.pk,
    }
    assert sector.managers.get() == county["sector_head"]


def test_a_unit_manager_without_supervisor_escalates_to_the_parent_units_manager(county):
    unit = county["unit"]
    unit_manager = EmployeeFactory(unit=unit)
    unit.managers.add(unit_manager)
    item_for(unit_manager, due_in=-15)
    services.reminders_sweep()
    row = ReminderOutbox.objects.get(stage=Stage.ESCALATION)
    assert row.recipient == county["sector_head"]


def test_nobody_to_escalate_to_is_counted_not_fatal():
    root = make_unit("X")
    lonely = EmployeeFactory(unit=root)
    item_for(lonely, due_in=-30)
    result = services.reminders_sweep()
    assert result.enqueued.nobody_responsible == 1
    assert len(mail.outbox) == 1  # her own reminder still goes


def test_sign_off_items_remind_the_supervisor_and_hr_items_the_hr_admins(county):
    nurse, lead = county["nurse"], county["lead"]
    hr = make_hr_admin(county["root"])
    sign_off = item_for(nurse, due_in=0, owner=ItemOwner.SUPERVISOR, kind=ItemKind.SIGN_OFF)
    account = item_for(nurse, due_in=1, owner=ItemOwner.HR, title="Luo tunnukset")
    services.reminders_sweep()
    assert stages() == {
        (Stage.DUE_TODAY, lead.pk, sign_off.pk),
        (Stage.DUE_SOON, hr.pk, account.pk),
    }
    assert mails_to(nurse) == []
    assert mails_to(lead)[0].subject.startswith("Perehdytystehtävä odottaa sinua")


def test_mail_server_down_keeps_reminders_pending_and_sends_them_next_time(county):
    item_for(county["nurse"], due_in=0)
    item_for(county["aide"], due_in=0)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    ):
        down = services.reminders_sweep()
    assert down.delivery.mail_server_down and down.delivery.sent == 0
    rows = list(ReminderOutbox.objects.order_by("pk"))
    assert [(r.status, r.attempts) for r in rows] == [(OutboxStatus.PENDING, 1)] * 2
    assert "SMTPServerDisconnected" in rows[0].last_error
    assert mail.outbox == []
    # The notices are in the app already; they are not written twice.
    assert Notification.objects.count() == 2

    services.reminders_sweep()
    assert len(mail.outbox) == 2 and Notification.objects.count() == 2
    assert set(ReminderOutbox.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_a_mail_server_that_refuses_connections_is_retried(county):
    item_for(county["nurse"], due_in=0)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.open",
        side_effect=ConnectionRefusedError(111, "Connection refused"),
    ):
        services.reminders_sweep()
    row = ReminderOutbox.objects.get()
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    services.reminders_sweep()
    assert len(mail.outbox) == 1


def test_retries_stop_after_the_maximum_attempts(county, settings):
    settings.REMINDER_MAX_ATTEMPTS = 2
    item_for(county["nurse"], due_in=0)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPException("451 try later"),
    ):
        services.reminders_sweep()
        services.reminders_sweep()
        services.reminders_sweep()
    row = ReminderOutbox.objects.get()
    assert (row.status, row.attempts) == (OutboxStatus.FAILED_PERMANENTLY, 2)


def test_an_address_the_server_refuses_for_good_is_not_retried(county):
    item_for(county["nurse"], due_in=0)
    item_for(county["aide"], due_in=0)
    refused = smtplib.SMTPRecipientsRefused(
        {county["nurse"].user.email: (550, b"5.1.1 User unknown")}
    )
    real_send = mail.backends.locmem.EmailBackend.send_messages

    def send(self, messages):
        if messages[0].to == [county["nurse"].user.email]:
            raise refused
        return real_send(self, messages)

    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", send):
        services.reminders_sweep()
    statuses = dict(ReminderOutbox.objects.values_list("recipient_id", "status"))
    assert statuses == {
        county["nurse"].pk: OutboxStatus.FAILED_PERMANENTLY,
        county["aide"].pk: OutboxStatus.SENT,
    }


def test_rows_a_dead_sweep_left_in_sending_are_resent_only_if_never_handed_over(county):
    item_for(county["nurse"], due_in=0)
    item_for(county["aide"], due_in=0)
    enqueue_due_reminders(today=today(), now=timezone.now())
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    never_sent, maybe_sent = ReminderOutbox.objects.order_by("pk")
    ReminderOutbox.objects.filter(pk=never_sent.pk).update(
        status=OutboxStatus.SENDING, claimed_at=long_ago
    )
    ReminderOutbox.objects.filter(pk=maybe_sent.pk).update(
        status=OutboxStatus.SENDING, claimed_at=long_ago, handed_over_at=long_ago
    )
    result = services.reminders_sweep()
    assert result.delivery.recovered == 1 and result.delivery.uncertain == 1
    assert result.delivery.uncertain_ids == [maybe_sent.pk]
    assert [m.to for m in mail.outbox] == [[never_sent.recipient.user.email]]
    maybe_sent.refresh_from_db()
    assert maybe_sent.status == OutboxStatus.SENDING  # reported, not resent


def test_a_row_in_sending_is_left_alone_while_another_process_delivers(county):
    import psycopg
    from django.db import connection

    from notifications.locks import DELIVERY_LOCK_KEY

    item_for(county["nurse"], due_in=0)
    enqueue_due_reminders(today=today(), now=timezone.now())
    ReminderOutbox.objects.update(status=OutboxStatus.SENDING, claimed_at=timezone.now())
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [DELIVERY_LOCK_KEY])
        result = services.reminders_sweep()
    assert result.delivery.busy
    assert (result.delivery.recovered, result.delivery.uncertain) == (0, 0)
    assert mail.outbox == []


@pytest.mark.postgres
def test_a_second_sweep_does_not_run_while_one_holds_the_lock(county):
    import psycopg

    from notifications.locks import SWEEP_LOCK_KEY
    from tests.conftest import need

    need(connection.vendor == "postgresql", "PostgreSQL")
    item_for(county["nurse"], due_in=0)
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    other = psycopg.connect(**params, autocommit=True)
    try:
        other.execute("SELECT pg_advisory_lock(%s)", [SWEEP_LOCK_KEY])
        result = services.reminders_sweep()
        assert result.skipped and not ReminderOutbox.objects.exists()
        with pytest.raises(services.SweepBusy):
            services.reminders_send_weekly_digest()
        other.execute("SELECT pg_advisory_unlock(%s)", [SWEEP_LOCK_KEY])
        assert not services.reminders_sweep().skipped
    finally:
        other.close()
    assert len(mail.outbox) == 1


def test_finding_who_is_due_costs_the_same_queries_for_3_or_30_people(county):
    def queries_for_sweep() -> int:
        with CaptureQueriesContext(connection) as captured:
            enqueue_due_reminders(today=today(), now=timezone.now())
        return len(captured)

    unit = county["unit"]
    people = [EmployeeFactory(unit=unit, supervisor=county["lead"]) for _ in range(3)]
    for person in people:
        item_for(person, due_in=-20)
        item_for(person, due_in=0, owner=ItemOwner.SUPERVISOR)
    small = queries_for_sweep()
    people = [EmployeeFactory(unit=unit, supervisor=county["lead"]) for _ in range(30)]
    for person in people:
        item_for(person, due_in=-20)
        item_for(person, due_in=0, owner=ItemOwner.SUPERVISOR)
    assert queries_for_sweep() == small


def test_delivery_queries_per_batch_do_not_grow_with_people(county, settings):
    settings.REMINDER_BATCH_SIZE = 10

    def delivery_queries(count: int) -> int:
        for _ in range(count):
            item_for(EmployeeFactory(unit=county["unit"], supervisor=county["lead"]), due_in=0)
        with CaptureQueriesContext(connection) as captured:
            result = services.reminders_sweep()
        assert result.delivery.sent == count
        data = [q for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
        return len(data) / result.delivery.batches

    per_batch_small = delivery_queries(10)
    per_batch_large = delivery_queries(40)
    assert per_batch_large <= per_batch_small + 1
