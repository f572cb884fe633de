"""One of every kind of email the site sends, made by the real services: the data
first (`prepare`), then the changes that queue the emails (`PRODUCERS`, each one call
that a task or a view makes). `tally` counts, per kind, the rows that should have
reached the mail server and how many were lost or doubled on the way."""

from __future__ import annotations

import contextlib
import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from events import services as events
from events.models import Registration
from notifications import services as notifications
from notifications.delivery import NO_EMAIL_NOTE
from notifications.models import OutboxStatus, ReminderOutbox
from onboarding.models import Checklist, ChecklistItem, ItemKind
from people import services as people
from people.models import Employee, ImportRun
from tests.events.builders import add_slot, make_organisation, make_session
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

HEADER = (
    "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;"
    "aloituspäivä;päättymispäivä;kieli"
)


def due_item(employee, *, days: int = 0, title: str = "Hae avaimet") -> ChecklistItem:
    """An open task item due in `days`, made well before its reminder stages."""
    checklist, _created = Checklist.objects.get_or_create(employee=employee)
    item = ChecklistItem.objects.create(
        checklist=checklist,
        kind=ItemKind.TASK,
        title=title,
        owner="employee",
        due_date=timezone.localdate() + datetime.timedelta(days=days),
    )
    # Made well before its due date: no reminder stage is sent whose day had begun
    # before the item was made.
    made = timezone.now() - datetime.timedelta(days=60)
    ChecklistItem.objects.filter(pk=item.pk).update(created_at=made)
    item.created_at = made
    return item


@dataclass
class Scenario:
    ids: dict = field(default_factory=dict)


def prepare(*, bad_title: str = "") -> Scenario:
    """People, sessions and a staff file; nothing queued yet. `bad_title` puts a CR/LF
    value into one checklist item, one session and one one-off subject."""
    s = Scenario()
    unit = make_unit("U1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    lead = EmployeeFactory(unit=unit)
    team = [EmployeeFactory(unit=unit, supervisor=lead) for _ in range(3)]
    team.append(EmployeeFactory(unit=unit, supervisor=lead, language="sv"))
    for index, person in enumerate(team):
        title = bad_title if (bad_title and index == 0) else f"Hae avaimet {index}"
        due_item(person, days=-2, title=title)
    s.ids["team"] = [person.pk for person in team]

    # A full staff file: everyone already there stays as they are (the import deactivates
    # whoever is missing), and two newcomers get their welcome.
    def line(person, boss) -> str:
        user = person.user
        return (
            f"{person.employee_number};{user.first_name};{user.last_name};{user.email};U1;SH;"
            f"{boss};{person.start_date:%d.%m.%Y};;{person.preferred_language or 'fi'}"
        )

    content = "\n".join(
        [
            HEADER,
            line(lead, ""),
            *(line(person, lead.employee_number) for person in team),
            "9001;Aino;Aalto;aino@hva.example;U1;SH;;1.1.2026;;fi",
            "9002;Eero;Esa;eero@hva.example;U1;SH;;1.1.2026;;sv",
        ]
    ).encode()
    preview = people.employee_import_preview(name="h.csv", content=content)
    assert preview.ok, preview.problems
    s.ids["run"] = preview.run.pk

    invited = make_session(title=bad_title or None)
    s.ids["invite"] = (invited.pk, [p.pk for p in team])

    tomorrow = make_session(starts_in=datetime.timedelta(days=1, hours=1))
    moved, cancelled = make_session(), make_session()
    for session in (tomorrow, moved, cancelled):
        for person in team[:2]:
            events.registration_create(session_id=session.pk, employee=person)
    s.ids["moved"] = moved.pk
    s.ids["cancelled"] = cancelled.pk

    full = make_session(capacity=1)
    events.registration_create(session_id=full.pk, employee=team[0])
    events.registration_create(session_id=full.pk, employee=team[1])  # waiting
    s.ids["full"] = (full.pk, team[0].pk)

    past = make_session(starts_in=-datetime.timedelta(hours=3), minutes=60)
    now = timezone.now()
    for person in team[:3]:
        Registration.objects.create(
            session=past, employee=person, status="registered", queued_at=now, attended_at=now
        )
    add_slot(past, make_organisation("Muistiyhdistys ry"))

    links = make_session()
    add_slot(links, make_organisation("Perhekammari ry", contact_email="pk@yhdistys.example"))
    add_slot(links, make_organisation("Nuorisoseura ry", contact_email="ns@yhdistys.example"))
    s.ids["links"] = links.pk
    s.ids["one_off"] = (team[2].pk, bad_title)
    return s


def _one_off(s: Scenario) -> None:
    person_id, bad_title = s.ids["one_off"]
    person = Employee.objects.get(pk=person_id)
    with transaction.atomic():
        notifications.outbox_enqueue_email(
            key="salasana-1", subject="Salasanan vaihto", body="Linkki", recipient=person
        )
        notifications.outbox_enqueue_email(
            key="ilmoitus-1", subject=bad_title or "Ilmoitus", body="Teksti", recipient=person
        )


def _digest() -> None:
    # SweepBusy: the other run holds the sweep lock and does the work.
    with contextlib.suppress(notifications.SweepBusy):
        notifications.reminders_send_weekly_digest()


def _promote(s: Scenario) -> None:
    session_id, first = s.ids["full"]
    events.registration_cancel(session_id=session_id, employee=Employee.objects.get(pk=first))


def _reschedule(s: Scenario) -> None:
    from events.models import Session

    session = Session.objects.get(pk=s.ids["moved"])
    new_start = (timezone.now() + datetime.timedelta(days=9)).replace(
        minute=0, second=0, microsecond=0
    )
    if session.starts_at != new_start:
        events.session_reschedule(session_id=session.pk, starts_at=new_start)


def _apply_import(s):
    """The second of two imports applied at once is refused (one import at a time)."""
    from people.hr_import.locking import ImportBusy

    try:
        return people.employee_import_apply(run=ImportRun.objects.get(pk=s.ids["run"]))
    except ImportBusy:
        return None


# name → a call made by a task or a view; each must be safe to run twice at once.
PRODUCERS = {
    "welcome": lambda s: _apply_import(s),
    "reminders": lambda s: notifications.reminders_sweep(),
    "digest": lambda s: _digest(),
    "invitation": lambda s: events.invitations_send(
        session_id=s.ids["invite"][0], employee_ids=s.ids["invite"][1]
    ),
    "session reminder": lambda s: events.reminders_send(),
    "time change": _reschedule,
    "cancellation": lambda s: events.session_cancel(session_id=s.ids["cancelled"]),
    "seat from the waiting list": _promote,
    "feedback and presenter thanks": lambda s: events.feedback_requests_send(),
    "presenter links": lambda s: events.presenter_links_send(session_id=s.ids["links"]),
    "one-off email": _one_off,
}


def produce_all(s: Scenario) -> None:
    for produce in PRODUCERS.values():
        produce(s)


@dataclass
class Tally:
    expected: dict = field(default_factory=Counter)  # kind → rows that must reach the server
    lost: dict = field(default_factory=Counter)
    doubled: dict = field(default_factory=Counter)
    failed: dict = field(default_factory=Counter)
    unfinished: int = 0

    def totals(self) -> tuple[int, int, int]:
        return sum(self.expected.values()), sum(self.lost.values()), sum(self.doubled.values())

    def line(self, name: str) -> str:
        expected, lost, doubled = self.totals()
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(self.expected.items()))
        return (
            f"OUTBOX-MEASURE {name}: {expected} emails ({kinds}); lost {lost}, "
            f"doubled {doubled}, failed {sum(self.failed.values())}"
        )


def tally(delivered_row_ids: list[int]) -> Tally:
    """Compare the rows with what the mail server got (outbox row ids, in order)."""
    result = Tally()
    got = Counter(delivered_row_ids)
    for pk, kind, status, note in ReminderOutbox.objects.values_list(
        "pk", "subject_kind", "status", "note"
    ):
        if status == OutboxStatus.FAILED_PERMANENTLY:
            result.failed[kind] += 1
            result.doubled[kind] += got[pk]
            continue
        if status == OutboxStatus.CANCELLED or note == NO_EMAIL_NOTE:
            result.doubled[kind] += got[pk]
            continue
        result.expected[kind] += 1
        if status != OutboxStatus.SENT:
            result.unfinished += 1
        if got[pk] == 0:
            result.lost[kind] += 1
        result.doubled[kind] += max(got[pk] - 1, 0)
    return result
