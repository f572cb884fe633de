"""Every kind of message as a mail program receives it: delivered over SMTP to a mail
server running in its own process (tests/integration/smtp_sink.py), each message read
back from the bytes that server received with Python's `email` parser. Plain-text parts
hold no HTML entities; the HTML's lang is the recipient's language; every message is
Auto-Submitted, from and identified in EMAIL_DOMAIN; the digest has a working one-click
stop (RFC 8058)."""

import email
import email.policy
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from accounts.services import send_password_reset_mail
from events.models import Invitation
from events.services.common import _tell
from golive.services import send_test_email
from notifications.delivery import DeliveryResult, deliver_pending
from notifications.enqueue import enqueue_weekly_digests, iso_week
from notifications.models import DigestOptOut, ReminderOutbox, Stage, SubjectKind
from notifications.outbox import enqueue_email, enqueue_welcome
from people.models import Employee
from tests.events.builders import add_slot, make_session
from tests.factories import EmployeeFactory
from tests.notifications.conftest import item_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
NAME = {"first_name": 'Åsa "Åke"', "last_name": "O'Brien & co"}


@pytest.fixture
def smtp_server(tmp_path, settings):
    """A mail server process on a free port; the site sends to it over SMTP."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path / "mail"
    folder.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.smtp_sink", str(port), str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
    )
    assert process.stdout.readline().strip() == b"ready"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield folder
    finally:
        process.terminate()
        process.wait(timeout=10)


def received(folder: Path, count: int) -> list[email.message.EmailMessage]:
    for _ in range(200):
        files = sorted(folder.glob("*.eml"))
        if len(files) >= count:
            break
        time.sleep(0.05)
    return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]


def deliver() -> DeliveryResult:
    result = DeliveryResult()
    deliver_pending(deadline=time.monotonic() + 60, result=result)
    return result


def people(language: str):
    lead = EmployeeFactory(language=language, user__first_name=NAME["first_name"])
    lead.user.last_name = NAME["last_name"]
    lead.user.save(update_fields=["last_name"])
    report = EmployeeFactory(language=language, supervisor=lead, unit=lead.unit)
    report.user.first_name = NAME["first_name"]
    report.user.save(update_fields=["first_name"])
    return lead, report


def queue_every_kind(language: str) -> dict[str, Employee]:
    """One outbox row (or direct send) of each kind of message, to people who read
    `language`."""
    lead, report = people(language)
    now = timezone.now()
    title = 'Avaimet & kulkukortti "heti"'
    item = item_for(report, due_in=-20, title=title)
    rows = [
        ReminderOutbox(
            recipient=report,
            about=report,
            subject_kind=SubjectKind.CHECKLIST_ITEM,
            subject_id=item.pk,
            stage=Stage.OVERDUE,
            created_at=now,
        ),
        ReminderOutbox(
            recipient=lead,
            about=report,
            subject_kind=SubjectKind.CHECKLIST_ITEM,
            subject_id=item.pk,
            stage=Stage.ESCALATION,
            created_at=now,
        ),
        ReminderOutbox(
            recipient=lead,
            about=lead,
            subject_kind=SubjectKind.DIGEST,
            subject_id=lead.pk,
            stage=iso_week(timezone.localdate()),
            created_at=now,
        ),
    ]
    ReminderOutbox.objects.bulk_create(rows)
    Employee.objects.filter(pk=report.pk).update(welcome_sent_at=None)
    enqueue_welcome(employees=Employee.objects.filter(pk=report.pk))
    session = make_session(title='Järjestöt & seurakunnat "syksy"')
    invitation = Invitation.objects.create(session=session, employee=report)
    _tell(
        Invitation.objects.filter(pk=invitation.pk),
        subject_kind=SubjectKind.SESSION_INVITATION,
        stage="invitation",
    )
    for kind in (SubjectKind.SESSION_REMINDER, SubjectKind.SESSION_FEEDBACK):
        ReminderOutbox.objects.create(
            recipient=report,
            about=report,
            subject_kind=kind,
            subject_id=session.pk,
            stage=kind,
            created_at=now,
        )
    slot = add_slot(session)
    ReminderOutbox.objects.create(
        address="yhteys@yhdistys.example.test",
        subject_kind=SubjectKind.PRESENTER_CONFIRM,
        subject_id=slot.pk,
        stage="confirm",
        created_at=now,
    )
    enqueue_email(
        key="one-off",
        subject="Palaute & kiitos",
        body="Teksti <b>ei</b> HTML:ää",
        address="kirjaamo@hyvinvointialue.example",
        language=language,
    )
    return {"lead": lead, "report": report}


@pytest.mark.parametrize(("language", "words"), [("fi", "Hei"), ("sv", "Hej")])
def test_every_kind_of_message_reads_right_in_a_mail_program(
    smtp_server, settings, client, language, words
):
    settings.SITE_URL = "https://hyteopas.jarvilaakso.example"
    settings.EMAIL_DOMAIN = "jarvilaakso.example"
    settings.DEFAULT_FROM_EMAIL = "Hyteopas <no-reply@jarvilaakso.example>"
    who = queue_every_kind(language)
    result = deliver()
    assert result.failed_permanently == 0 and result.bad_header == 0
    send_password_reset_mail(user=who["report"].user, language=language)
    send_test_email(to="it@jarvilaakso.example", sent_by=who["lead"].user)
    messages = received(smtp_server, 11)
    kinds = {message.get("X-Hyteopas-Outbox", "direct") for message in messages}
    assert len(messages) == 11 and len(kinds) == 10  # nine outbox rows and two direct
    to_people = {who["lead"].user.email, who["report"].user.email}
    for message in messages:
        subject = message["Subject"]
        assert message["Auto-Submitted"] == "auto-generated", subject
        assert message["From"].addresses[0].domain == "jarvilaakso.example", subject
        assert message["Message-ID"].strip("<>").endswith("@jarvilaakso.example"), subject
        text = message.get_body(("plain",)).get_content()
        assert not ENTITY.search(text), (subject, ENTITY.search(text))
        assert not ENTITY.search(subject), subject
        html = message.get_body(("html",))
        if html is not None:
            assert f'<html lang="{language}">' in html.get_content(), subject
        if message["To"] in to_people and message["X-Hyteopas-Outbox"]:
            assert words in text, subject  # the recipient's language
    names = [m for m in messages if NAME["first_name"] in m.get_body(("plain",)).get_content()]
    assert names, "the names are written as they are"

    (digest,) = [m for m in messages if m["List-Unsubscribe"]]
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = digest["List-Unsubscribe"].strip().strip("<>")
    assert link in digest.get_body(("plain",)).get_content()
    path = link.removeprefix(django_settings.SITE_URL)
    assert client.get(path).status_code == 200 and not DigestOptOut.objects.exists()
    # The mail program's one-click POST: no session, no CSRF token (RFC 8058).
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert DigestOptOut.objects.filter(employee=who["lead"]).exists()
    assert client.post(path[:-3] + "xx/").status_code == 404


def test_the_digest_switch_on_the_notices_page_stops_and_restarts_it(client):
    lead, _report = people("fi")
    client.force_login(lead.user)
    page = client.get(reverse("notifications:list")).content.decode()
    assert 'name="viikkokooste" value="on" checked' in page
    client.post(reverse("notifications:digest_switch"), {})
    assert DigestOptOut.objects.filter(employee=lead).exists()
    item_for(_report, due_in=-3)
    today, now = timezone.localdate(), timezone.now()
    assert enqueue_weekly_digests(today=today, now=now) == 0
    client.post(reverse("notifications:digest_switch"), {"viikkokooste": "on"})
    assert not DigestOptOut.objects.exists()
    assert enqueue_weekly_digests(today=today, now=now) == 1
