"""Presenter slots: the contact person's signed link (confirm, feedback; tampered or
expired links change nothing) and one organisation never presenting in two places at
once, in the service and in the admin form."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events import links, services
from events.forms import SessionAdminForm
from events.models import PresenterFeedback, PresenterSlot, Session
from tests.events.builders import add_slot, make_organisation, make_session

pytestmark = pytest.mark.django_db


def presenter_path(slot) -> str:
    return reverse("events:presenter", args=[links.presenter_token(slot.pk)])


def test_the_contact_person_confirms_the_slot_without_an_account(client):
    slot = add_slot(make_session())
    page = client.get(presenter_path(slot))
    assert page.status_code == 200
    assert slot.organisation.name in page.content.decode()
    response = client.post(
        presenter_path(slot),
        {"action": "confirm", "topic": "Perhekahvilat", "minutes": "20", "presenter_names": "Aada"},
        follow=True,
    )
    assert "Esitysvuoronne on vahvistettu" in response.content.decode()
    slot.refresh_from_db()
    assert (slot.topic, slot.minutes, slot.presenter_names) == ("Perhekahvilat", 20, "Aada")
    assert slot.confirmed_at is not None


def test_a_tampered_link_says_so_and_changes_nothing(client):
    slot = add_slot(make_session(), topic="Alkuperäinen")
    token = links.presenter_token(slot.pk)
    other = add_slot(make_session())
    forged = token.replace(token.split(":")[0], links.presenter_token(other.pk).split(":")[0])
    for bad in (token[:-2] + "xx", forged):
        response = client.post(
            reverse("events:presenter", args=[bad]),
            {"action": "confirm", "topic": "Muutettu", "minutes": "30"},
        )
        assert response.status_code == 400
        assert "Linkki ei ole kelvollinen" in response.content.decode()
        assert "Mitään ei muutettu." in response.content.decode()
    slot.refresh_from_db()
    assert slot.topic == "Alkuperäinen" and slot.confirmed_at is None


def test_an_expired_link_says_so_and_changes_nothing(client, settings):
    slot = add_slot(make_session(), topic="Alkuperäinen")
    path = presenter_path(slot)
    settings.PRESENTER_LINK_MAX_AGE = -1  # every link is already too old
    response = client.post(path, {"action": "confirm", "topic": "Muutettu", "minutes": "30"})
    assert response.status_code == 410
    assert "Linkki on vanhentunut" in response.content.decode()
    slot.refresh_from_db()
    assert slot.topic == "Alkuperäinen"


def test_after_the_session_the_presenter_answers_once_and_may_change_it(client):
    slot = add_slot(make_session(starts_in=-datetime.timedelta(days=1)))
    path = presenter_path(slot)
    first = client.post(path, {"action": "feedback", "useful": "no"}, follow=True)
    assert "Kiitos palautteesta!" in first.content.decode()
    second = client.post(path, {"action": "feedback", "useful": "yes"}, follow=True)
    assert "Palautteesi on päivitetty." in second.content.decode()
    (answer,) = PresenterFeedback.objects.all()
    assert answer.useful


def test_one_organisation_cannot_present_in_overlapping_sessions():
    organisation = make_organisation("Kylän seurakunta", kind="parish")
    first = make_session(minutes=120)
    add_slot(first, organisation)
    overlapping = make_session(starts_in=datetime.timedelta(days=7, hours=1))
    with pytest.raises(services.EventError, match="Kylän seurakunta esittää samaan aikaan"):
        services.slot_add(session_id=overlapping.pk, organisation=organisation)
    assert not PresenterSlot.objects.filter(session=overlapping).exists()
    later = make_session(starts_in=datetime.timedelta(days=7, hours=2))
    services.slot_add(session_id=later.pk, organisation=organisation)  # back to back is fine
    with pytest.raises(services.EventError, match="esittää samaan aikaan"):
        services.session_reschedule(session_id=later.pk, starts_at=first.starts_at)
    later.refresh_from_db()
    assert later.sequence == 0


def _form_data(session: Session, **changes) -> dict:
    local = timezone.localtime(session.starts_at)
    data = {
        "series": session.series_id,
        "title": session.title,
        "description": "",
        "format": session.format,
        "address": "",
        "meeting_link": session.meeting_link,
        "starts_at": local.strftime("%Y-%m-%d %H:%M"),
        "duration_minutes": session.duration_minutes,
        "capacity": session.capacity,
        "slots-TOTAL_FORMS": "0",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def _admin_form(session, data):
    from wagtail.admin.panels import ObjectList

    form_class = (
        ObjectList(Session.panels, base_form_class=SessionAdminForm)
        .bind_to_model(Session)
        .get_form_class()
    )
    return form_class(data, instance=session)


def test_the_admin_form_refuses_lower_capacity_and_overlapping_presenters():
    from events.models import Registration

    organisation = make_organisation("Muistiyhdistys")
    busy = make_session(minutes=120)
    add_slot(busy, organisation)
    session = make_session(starts_in=datetime.timedelta(days=7, minutes=30), capacity=5)
    for _ in range(4):
        from tests.factories import EmployeeFactory

        Registration.objects.create(
            session=session,
            employee=EmployeeFactory(),
            status="registered",
            queued_at=timezone.now(),
        )
    form = _admin_form(
        session,
        _form_data(
            session,
            capacity=3,
            **{
                "slots-TOTAL_FORMS": "1",
                "slots-0-organisation": organisation.pk,
                "slots-0-minutes": "15",
                "slots-0-topic": "",
                "slots-0-presenter_names": "",
                "slots-0-ORDER": "1",
            },
        ),
    )
    assert not form.is_valid()
    assert "4 henkilöä on jo ilmoittautunut" in str(form.errors["capacity"])
    assert "Muistiyhdistys esittää samaan aikaan" in str(form.errors)


def test_the_coordinator_emails_each_contact_person_a_working_link(
    client, django_capture_on_commit_callbacks
):
    import re

    from django.core import mail

    from tests.events.builders import make_coordinator

    session = make_session()
    slot = add_slot(session, make_organisation("Perhekammari ry"))
    add_slot(session, make_organisation("Ei sähköpostia ry", contact_email=""))
    client.force_login(make_coordinator().user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:send_presenter_links", args=[session.pk]), follow=True
        )
    assert "Linkki lähetettiin 1 toimijan yhteyshenkilölle." in response.content.decode()
    (email,) = mail.outbox
    assert email.to == ["yhteys@yhdistys.example.test"]
    assert "Perhekammari ry" in email.body
    path = re.search(r"http://[^/]+(/esittaja/\S+/)", email.body).group(1)
    client.logout()
    client.post(path, {"action": "confirm", "topic": "Perhekahvila", "minutes": "15"})
    slot.refresh_from_db()
    assert slot.topic == "Perhekahvila" and slot.confirmed_at is not None


def test_after_the_session_presenters_are_asked_once_for_their_view(
    django_capture_on_commit_callbacks,
):
    from django.core import mail

    session = make_session(starts_in=-datetime.timedelta(hours=3))
    add_slot(session, make_organisation("Muistiyhdistys ry"))
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_requests_send()
        services.feedback_requests_send()
    (email,) = mail.outbox
    assert email.subject == f"Kiitos esittäytymisestä: {session.title}"
    assert "oliko esittäytyminen hyödyllistä" in email.body


def test_sending_new_links_voids_the_old_ones(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    from events.services import presenter_links_send as send_now

    def presenter_links_send(*, session_id):
        # Outbox rows are delivered once the sending transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            send_now(session_id=session_id)

    slot = add_slot(make_session())
    slot.organisation.contact_email = "yhteys@jarjesto.example"
    slot.organisation.save()
    old_path = presenter_path(slot)
    assert client.get(old_path).status_code == 200
    presenter_links_send(session_id=slot.session_id)
    (sent,) = mailoutbox
    new_path = next(word for word in sent.body.split() if "/esittaja/" in word).removeprefix(
        "http://testserver"
    )
    new_path = new_path[new_path.index("/esittaja/") :]
    assert client.get(new_path).status_code == 200
    response = client.post(old_path, {"action": "confirm", "topic": "Vanha", "minutes": "30"})
    assert response.status_code == 410
    assert "korvattu uudella" in response.content.decode()
    slot.refresh_from_db()
    assert slot.confirmed_at is None
    # A second click the same day sends nothing new, so the link sent stays good.
    presenter_links_send(session_id=slot.session_id)
    assert len(mailoutbox) == 1
    assert client.get(new_path).status_code == 200
    # A link sent after the session's time changed voids the one sent before.
    from django.db.models import F

    from events.models import Session

    Session.objects.filter(pk=slot.session_id).update(sequence=F("sequence") + 1)
    presenter_links_send(session_id=slot.session_id)
    assert len(mailoutbox) == 2
    assert client.get(new_path).status_code == 410
