"""Remind now (one person, or everyone overdue; once a day per person and item; logged
and delivered through the notifications outbox) and the audit log HR reads."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from courses.models import Enrolment
from notifications.enqueue import enqueue_due_reminders
from notifications.models import Notification, ReminderOutbox, SubjectKind, manual_stage
from onboarding.models import ChecklistItem, ItemKind
from supervision.services import reminders_remind_overdue
from tests.supervision.conftest import checklist_item, enrol, logged_actions, person

pytestmark = pytest.mark.django_db


def remind(client, captured, **data):
    with captured(execute=True):
        return client.post("/seuranta/tiimi/muistuta/", data, follow=True)


def test_remind_one_person_sends_their_overdue_items_once_a_day(
    county, as_user, django_capture_on_commit_callbacks
):
    client = as_user(county["lead"])
    anna = county["anna"]
    response = remind(client, django_capture_on_commit_callbacks, henkilo=anna.employee_number)
    assert "Muistutettu: Anna Aalto (2 tehtävää)." in response.content.decode()
    rows = ReminderOutbox.objects.filter(recipient=anna, stage=manual_stage(timezone.localdate()))
    assert sorted(rows.values_list("subject_kind", flat=True)) == [
        SubjectKind.CHECKLIST_ITEM,
        SubjectKind.ENROLMENT,
    ]
    # Delivered right away: an email and a notice in the bell, in Anna's language.
    assert {message.to[0] for message in mail.outbox} == {anna.user.email}
    assert len(mail.outbox) == 2
    titles = set(Notification.objects.filter(recipient=anna).values_list("title", flat=True))
    assert "Koulutus on myöhässä: Hyte-perusteet" in titles
    entry = AuditEntry.objects.get(action=AuditAction.REMIND)
    assert entry.actor == county["lead"].user and entry.target_employee == anna
    assert entry.detail == {"reminders": 2}

    # The same day again: nothing new, and the page says so.
    again = remind(client, django_capture_on_commit_callbacks, henkilo=anna.employee_number)
    assert "jo muistutettu tänään" in again.content.decode()
    assert rows.count() == 2 and len(mail.outbox) == 2
    assert AuditEntry.objects.filter(action=AuditAction.REMIND).count() == 1


def test_a_new_overdue_item_the_same_day_is_still_reminded(
    county, as_user, django_capture_on_commit_callbacks
):
    client = as_user(county["lead"])
    anna = county["anna"]
    remind(client, django_capture_on_commit_callbacks, henkilo=anna.employee_number)
    checklist_item(anna, "Allekirjoita vaitiolositoumus", -1)
    response = remind(client, django_capture_on_commit_callbacks, henkilo=anna.employee_number)
    assert "Muistutettu: Anna Aalto (1 tehtävä)." in response.content.decode()


def test_remind_all_overdue_reaches_everyone_late_in_the_team_only(
    county, as_user, django_capture_on_commit_callbacks
):
    enrol(county["ben"], county["assigned"], -2, source="assigned")
    response = remind(as_user(county["lead"]), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    reminded = set(ReminderOutbox.objects.values_list("recipient__user__last_name", flat=True))
    # Dan's expired completion has no overdue enrolment; Cai is done; the stranger
    # belongs to another team.
    assert reminded == {"Aalto", "Berg"}
    assert AuditEntry.objects.filter(action=AuditAction.REMIND).count() == 2
    assert "Muistutettu: Anna Aalto, Ben Berg (3 tehtävää)." in response.content.decode()


def test_remind_a_selection_names_each_person_reminded(
    county, as_user, django_capture_on_commit_callbacks
):
    enrol(county["ben"], county["assigned"], -2, source="assigned")
    client = as_user(county["lead"])
    anna, ben = county["anna"], county["ben"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/seuranta/tiimi/muistuta/",
            {"valitut": "1", "henkilo": [ben.employee_number]},
            follow=True,
        )
    assert "Muistutettu: Ben Berg (1 tehtävä)." in response.content.decode()
    assert set(ReminderOutbox.objects.values_list("recipient", flat=True)) == {ben.pk}
    # The whole selection at once; who had already been reminded today is not named.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/seuranta/tiimi/muistuta/",
            {"valitut": "1", "henkilo": [anna.employee_number, ben.employee_number]},
            follow=True,
        )
    assert "Muistutettu: Anna Aalto (2 tehtävää)." in response.content.decode()


def test_remind_selected_with_nothing_ticked_asks_to_choose(county, as_user):
    response = as_user(county["lead"]).post(
        "/seuranta/tiimi/muistuta/", {"valitut": "1"}, follow=True
    )
    assert "Valitse ensin muistutettavat henkilöt." in response.content.decode()
    assert not ReminderOutbox.objects.exists()


def test_a_selection_with_someone_outside_the_team_answers_404(county, as_user):
    response = as_user(county["lead"]).post(
        "/seuranta/tiimi/muistuta/",
        {"henkilo": [county["anna"].employee_number, county["stranger"].employee_number]},
    )
    assert response.status_code == 404
    assert not ReminderOutbox.objects.exists()


def test_reminding_someone_outside_the_team_answers_404(county, as_user):
    client = as_user(county["lead"])
    response = client.post(
        "/seuranta/tiimi/muistuta/", {"henkilo": county["stranger"].employee_number}
    )
    assert response.status_code == 404
    assert not ReminderOutbox.objects.exists()


def test_viewing_another_persons_record_is_logged_own_record_is_not(county, as_user):
    client = as_user(county["lead"])
    assert client.get(f"/tiimi/{county['anna'].employee_number}/").status_code == 200
    assert client.get(f"/tiimi/{county['lead'].employee_number}/").status_code == 200
    assert client.get(f"/tiimi/{county['stranger'].employee_number}/").status_code == 404
    entries = list(logged_actions())
    assert len(entries) == 1
    assert entries[0].action == AuditAction.VIEW_PERSON
    assert entries[0].target_employee == county["anna"]
    assert "Esimies" in entries[0].actor_name


def test_hr_reads_the_audit_log_others_cannot(county, as_user, client):
    as_user(county["lead"]).get(f"/tiimi/{county['anna'].employee_number}/")
    hr = county["holders"]["hr_admin"]
    html = as_user(hr).get("/seuranta/loki/").content.decode()
    assert "Henkilön tietojen katselu" in html and "Anna Aalto" in html
    filtered = client.get("/seuranta/loki/?toiminto=export_csv").content.decode()
    assert "Ei lokimerkintöjä." in filtered
    assert as_user(county["lead"]).get("/seuranta/loki/").status_code == 403
    assert as_user(county["holders"]["hyte_coordinator"]).get("/seuranta/loki/").status_code == 403


def test_audit_log_page_queries_do_not_grow_with_entries(county, as_user):
    hr = county["holders"]["hr_admin"]
    client = as_user(hr)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/seuranta/loki/").status_code == 200
        return len(queries)

    AuditEntry.objects.create(actor=hr.user, actor_name="x", action="export_csv", target="t")
    few = count()
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(actor=hr.user, actor_name="x", action="export_csv", target=f"t{n}")
            for n in range(300)
        ]
    )
    assert count() == few


def test_remind_now_and_the_sweep_remind_one_overdue_course_once(county):
    """A mandatory course on a newcomer's checklist is one piece of work: its enrolment
    is reminded, its checklist item (same course, same due date) is not, by the sweep and
    by *Muistuta* alike."""
    long_ago = timezone.now() - datetime.timedelta(days=60)
    olli = person(county["care"], "Ojala", "Olli", county["lead"], county["nurse"])
    enrolment = enrol(olli, county["mandatory"], -3)
    item = checklist_item(olli, "Hyte-perusteet", -3)
    ChecklistItem.objects.filter(pk=item.pk).update(
        kind=ItemKind.COURSE, course=county["mandatory"], created_at=long_ago
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=long_ago)

    enqueue_due_reminders(today=timezone.localdate(), now=timezone.now())
    swept = ReminderOutbox.objects.filter(recipient=olli)
    assert list(swept.values_list("subject_kind", "subject_id")) == [
        (SubjectKind.ENROLMENT, enrolment.pk)
    ]
    swept.delete()

    assert reminders_remind_overdue(actor=county["lead"].user, people=[olli]) == 1
    assert list(swept.values_list("subject_kind", "subject_id")) == [
        (SubjectKind.ENROLMENT, enrolment.pk)
    ]


def test_remind_everyone_overdue_ignores_the_ticked_boxes(
    county, as_user, django_capture_on_commit_callbacks
):
    enrol(county["ben"], county["assigned"], -2, source="assigned")
    with django_capture_on_commit_callbacks(execute=True):
        as_user(county["lead"]).post(
            "/seuranta/tiimi/muistuta/",
            {"kaikki": "1", "henkilo": [county["anna"].employee_number]},
        )
    reminded = set(ReminderOutbox.objects.values_list("recipient__user__last_name", flat=True))
    assert reminded == {"Aalto", "Berg"}
