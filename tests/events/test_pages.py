"""What an employee and a coordinator see: the session list (meant-for-me first), the
session page, the calendar file, check-in, feedback, networks; access answers 404."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Feedback, Registration
from onboarding.models import Checklist, ChecklistItem, ItemKind, ItemOwner
from tests.events.builders import add_slot, make_coordinator, make_network, make_session
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee():
    return EmployeeFactory()


@pytest.fixture
def signed_in(client, employee):
    client.force_login(employee.user)
    return client


def test_sessions_meant_for_me_come_first_with_a_constant_number_of_queries(signed_in, employee):
    network = make_network(members=[employee])
    other = make_session(starts_in=datetime.timedelta(days=1), title="Ikäihmisten palvelut")
    mine = make_session(starts_in=datetime.timedelta(days=5), title="Perhetyön verkosto")
    mine.target_networks.add(network)
    mine.save()

    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            response = signed_in.get(reverse("events:list"))
        assert response.status_code == 200
        return response, len(queries)

    response, few = page_queries()
    body = response.content.decode()
    assert body.index("Perhetyön verkosto") < body.index("Ikäihmisten palvelut")
    for _ in range(5):
        session = make_session()
        add_slot(session)
        services.registration_create(session_id=session.pk, employee=EmployeeFactory())
    assert page_queries()[1] == few
    assert other  # listed under the others


def test_a_unit_target_reaches_sub_units_and_job_roles_narrow_it(employee):
    from events.selectors import target_group

    county = make_unit("HVA-T")
    sector = make_unit("SOS-T", county, "sector")
    unit = make_unit("SOS-T-1", sector)
    nurse_role, aide_role = JobRoleFactory(code="SHT"), JobRoleFactory(code="LHT")
    nurse = EmployeeFactory(unit=unit, job_role=nurse_role)
    aide = EmployeeFactory(unit=unit, job_role=aide_role)
    outside = EmployeeFactory(unit=county, job_role=nurse_role)
    member = EmployeeFactory(unit=county, job_role=aide_role)
    left = EmployeeFactory(unit=unit, job_role=nurse_role, active=False)
    session = make_session()
    session.target_units.add(sector)
    session.target_job_roles.add(nurse_role)
    session.target_networks.add(make_network(members=[member]))
    session.save()
    assert set(target_group(session=session)) == {nurse, member}
    assert aide not in target_group(session=session)
    assert outside not in target_group(session=session) and left not in target_group(
        session=session
    )


def test_registering_shows_the_meeting_link_and_the_calendar_file_is_valid(signed_in, employee):
    session = make_session(title="Perheiden tuki; järjestöt, seurakunnat")
    page = reverse("events:session", args=[session.pk])
    assert session.meeting_link not in signed_in.get(page).content.decode()
    response = signed_in.post(reverse("events:register", args=[session.pk]), follow=True)
    assert "Olet ilmoittautunut tilaisuuteen." in response.content.decode()
    assert session.meeting_link in response.content.decode()

    ics = signed_in.get(reverse("events:ics", args=[session.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    content = ics.getvalue()
    assert b"\r\n" in content
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == session.title
    assert event.decoded("DTSTART") == session.starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(minutes=90)
    uid, sequence = str(event["UID"]), int(event["SEQUENCE"])
    assert sequence == 0

    services.session_reschedule(
        session_id=session.pk, starts_at=session.starts_at + datetime.timedelta(hours=2)
    )
    (event,) = icalendar.Calendar.from_ical(
        signed_in.get(reverse("events:ics", args=[session.pk])).getvalue()
    ).walk("VEVENT")
    assert str(event["UID"]) == uid
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == session.starts_at + datetime.timedelta(hours=2)


def test_a_full_session_offers_the_waiting_list(signed_in):
    session = make_session(capacity=1)
    services.registration_create(session_id=session.pk, employee=EmployeeFactory())
    page = signed_in.get(reverse("events:session", args=[session.pk])).content.decode()
    assert "Ilmoittaudu jonoon" in page
    response = signed_in.post(reverse("events:register", args=[session.pk]), follow=True)
    assert "Olet jonossa" in response.content.decode()


def test_registering_for_a_past_session_says_so_in_finnish(signed_in):
    session = make_session(starts_in=-datetime.timedelta(days=1))
    response = signed_in.post(reverse("events:register", args=[session.pk]), follow=True)
    assert "Tilaisuus on jo alkanut tai pidetty" in response.content.decode()
    assert not Registration.objects.exists()


def test_check_in_with_the_code_then_feedback_twice_updates_one_answer(signed_in, employee):
    session = make_session(starts_in=-datetime.timedelta(minutes=10))
    check_in = reverse("events:check_in", args=[session.pk])
    wrong = signed_in.post(check_in, {"code": "XXXXXX"}, follow=True)
    assert "Koodi ei täsmää" in wrong.content.decode()
    response = signed_in.post(check_in, {"code": session.checkin_code.lower()}, follow=True)
    assert "Osallistumisesi on kirjattu" in response.content.decode()

    feedback = reverse("events:feedback", args=[session.pk])
    answer = {"useful": "yes", "rating": "4", "will_do_differently": "Kerron perheille kerhosta."}
    assert "Kiitos palautteesta!" in signed_in.post(feedback, answer, follow=True).content.decode()
    answer["rating"] = "5"
    again = signed_in.post(feedback, answer, follow=True).content.decode()
    assert "Palautteesi on päivitetty." in again
    (saved,) = Feedback.objects.all()
    assert saved.rating == 5 and saved.useful


def test_feedback_without_attendance_is_refused(signed_in):
    session = make_session(starts_in=-datetime.timedelta(days=1))
    response = signed_in.post(
        reverse("events:feedback", args=[session.pk]), {"useful": "yes", "rating": "3"}, follow=True
    )
    assert "kun osallistumisesi on kirjattu" in response.content.decode()
    assert not Feedback.objects.exists()


def test_coordinator_pages_answer_404_to_an_employee(signed_in):
    session = make_session()
    for name, args in [
        ("events:overview", []),
        ("events:attendance", [session.pk]),
        ("events:session_report", [session.pk]),
        ("events:series_report", [session.series_id]),
    ]:
        assert signed_in.get(reverse(name, args=args)).status_code == 404
    assert signed_in.post(reverse("events:invite", args=[session.pk])).status_code == 404
    assert (
        signed_in.post(reverse("events:copy_series", args=[session.series_id])).status_code == 404
    )


def test_attendance_checklist_marks_people_and_ticks_their_checklist_item(
    client, django_assert_max_num_queries
):
    coordinator = make_coordinator()
    session = make_session(starts_in=-datetime.timedelta(hours=3))
    people = [EmployeeFactory() for _ in range(3)]
    for person in people:
        Registration.objects.create(
            session=session, employee=person, status="registered", queued_at=timezone.now()
        )
    checklist = Checklist.objects.create(employee=people[0])
    item = ChecklistItem.objects.create(
        checklist=checklist,
        kind=ItemKind.SESSION,
        title="Käy järjestöjen esittäytymistilaisuudessa",
        session_series=session.series,
        owner=ItemOwner.EMPLOYEE,
        due_date=timezone.localdate(),
    )
    client.force_login(coordinator.user)
    page = reverse("events:attendance", args=[session.pk])
    with django_assert_max_num_queries(12):
        response = client.get(page)
    assert people[0].full_name in response.content.decode()
    registrations = {r.employee_id: r.pk for r in Registration.objects.all()}
    chosen = [registrations[people[0].pk], registrations[people[2].pk]]
    response = client.post(page, {"attended": chosen}, follow=True)
    assert "2 paikalla" in response.content.decode()
    assert set(
        Registration.objects.filter(attended_at__isnull=False).values_list("employee", flat=True)
    ) == {people[0].pk, people[2].pk}
    item.refresh_from_db()
    assert item.done_at is not None
    for _ in range(10):
        Registration.objects.create(
            session=session,
            employee=EmployeeFactory(),
            status="registered",
            queued_at=timezone.now(),
        )
    with django_assert_max_num_queries(12):
        client.get(page)


def test_a_convener_adds_and_removes_members_and_others_get_404(client):
    convener, member, stranger = EmployeeFactory(), EmployeeFactory(), EmployeeFactory()
    network = make_network("Muistihoitajat")
    network.conveners.add(convener)
    client.force_login(stranger.user)
    assert client.get(reverse("events:network", args=[network.pk])).status_code == 404
    client.force_login(convener.user)
    url = reverse("events:network", args=[network.pk])
    response = client.post(url, {"employee_number": member.employee_number}, follow=True)
    assert "lisättiin verkostoon" in response.content.decode()
    assert list(network.members.all()) == [member]
    missing = client.post(url, {"employee_number": "999999"}).content.decode()
    assert "Henkilönumerolla 999999 ei löydy" in missing
    client.force_login(member.user)
    assert "Muistihoitajat" in client.get(reverse("events:networks")).content.decode()
    client.force_login(convener.user)
    client.post(url, {"remove": member.pk})
    assert not network.members.exists()


def test_a_supervisor_shares_a_session_with_the_team(client, django_capture_on_commit_callbacks):
    from notifications.models import Notification

    lead = EmployeeFactory()
    reports = [EmployeeFactory(supervisor=lead) for _ in range(2)]
    session = make_session()
    client.force_login(lead.user)
    assert (
        "Jaa tiimilleni"
        in client.get(reverse("events:session", args=[session.pk])).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:share", args=[session.pk]), follow=True)
    assert "2 henkilöä" in response.content.decode()
    assert set(Notification.objects.values_list("recipient", flat=True)) == {r.pk for r in reports}
    client.force_login(reports[0].user)
    assert client.post(reverse("events:share", args=[session.pk])).status_code == 404


def test_a_session_for_a_sector_and_role_is_meant_for_those_in_its_sub_units(client):
    from events.selectors import upcoming_sessions_for

    county = make_unit("HVA-M")
    sector = make_unit("IKA-M", county, "sector")
    unit = make_unit("IKA-M-1", sector)
    memory_nurse = JobRoleFactory(code="MHM")
    nurse = EmployeeFactory(unit=unit, job_role=memory_nurse)
    other_role = EmployeeFactory(unit=unit, job_role=JobRoleFactory(code="FTM"))
    elsewhere = EmployeeFactory(unit=county, job_role=memory_nurse)
    session = make_session(title="Muistiyhdistykset esittäytyvät")
    session.target_units.add(sector)
    session.target_job_roles.add(memory_nurse)
    session.save()
    meant = {
        person: upcoming_sessions_for(employee=person)[0].meant_for_me
        for person in (nurse, other_role, elsewhere)
    }
    assert meant == {nurse: True, other_role: False, elsewhere: False}
    client.force_login(nurse.user)
    page = client.get(reverse("events:list")).content.decode()
    mine = page[page.index('id="for-me"') : page.index('id="others"')]
    assert "Muistiyhdistykset esittäytyvät" in mine
