"""A coordinator plans a session without the admin: the form, targets added with or
without JavaScript, the live count of people reached, and the invitation status that
follows the sending (lähetetään, N/M kutsuttu)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.coordination_selectors import SENDING_WINDOW, invitation_status
from events.models import Invitation, Session, SessionFormat
from intents.models import TaskIntent
from tests.events.builders import make_coordinator, make_network, make_series, make_session
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db

PLAN = "/koordinointi/tilaisuudet/uusi/"
REACH = "/koordinointi/tilaisuudet/kohderyhma/"


@pytest.fixture
def world():
    county = make_unit("HVA")
    home_care = make_unit("KH", county)
    home_care_east = make_unit("KH-ITA", home_care)
    school = make_unit("KOULU", county)
    nurse = JobRoleFactory(code="NURSE", name_fi="Sairaanhoitaja")
    aide = JobRoleFactory(code="AIDE", name_fi="Lähihoitaja")
    people = {
        "nurse_home": EmployeeFactory(unit=home_care, job_role=nurse),
        "nurse_east": EmployeeFactory(unit=home_care_east, job_role=nurse),
        "aide_home": EmployeeFactory(unit=home_care, job_role=aide),
        "nurse_school": EmployeeFactory(unit=school, job_role=nurse),
        "member": EmployeeFactory(unit=school, job_role=aide),
    }
    network = make_network("Muistihoitajat", members=[people["member"], people["nurse_home"]])
    return {
        "series": make_series(),
        "home_care": home_care,
        "school": school,
        "nurse": nurse,
        "aide": aide,
        "network": network,
        "coordinator": make_coordinator(unit=school),
        **people,
    }


def _when(days=10) -> str:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.strftime("%Y-%m-%dT%H:%M")


def _form(world, **overrides) -> dict:
    data = {
        "series": world["series"].pk,
        "title": "Järjestöt esittäytyvät: muisti",
        "description": "",
        "format": SessionFormat.REMOTE,
        "address": "",
        "meeting_link": "https://kokous.example.test/muisti",
        "starts_at": _when(),
        "duration_minutes": "90",
        "capacity": "40",
    }
    data.update(overrides)
    return data


def test_a_coordinator_plans_a_session_with_its_target_group(client, world):
    client.force_login(world["coordinator"].user)
    page = client.get(PLAN)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Suunnittele tilaisuus" in html and 'list="yksikot-options"' in html
    assert "Yksikkö KH (KH)" in html and "Sairaanhoitaja" in html and "Muistihoitajat" in html
    response = client.post(
        PLAN,
        {
            **_form(world),
            "verkostot": [world["network"].pk],
            "yksikot": [world["home_care"].pk],
            "nimikkeet": [world["nurse"].pk],
        },
    )
    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:attendance", args=[session.pk])
    assert session.series == world["series"] and session.capacity == 40
    assert list(session.target_networks.all()) == [world["network"]]
    assert list(session.target_units.all()) == [world["home_care"]]
    assert list(session.target_job_roles.all()) == [world["nurse"]]
    follow = client.get(response["Location"]).content.decode()
    assert "Tilaisuus suunniteltu" in follow
    # Nurses of home care (sub-unit included) and the network's members: three people.
    assert "Kohderyhmää ei ole vielä kutsuttu (kohderyhmässä 3 henkilöä)." in follow


def test_adding_a_target_without_javascript_keeps_what_was_typed(client, world):
    client.force_login(world["coordinator"].user)
    response = client.post(
        PLAN,
        {
            **_form(world, title="Luonnos"),
            "yksikot": [world["home_care"].pk],
            "nimikkeet_haku": "sairaanhoit",
            "lisaa": "nimikkeet",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Session.objects.exists()
    assert f'name="nimikkeet" value="{world["nurse"].pk}" checked' in html
    assert f'name="yksikot" value="{world["home_care"].pk}" checked' in html
    assert 'value="Luonnos"' in html
    assert "Kohderyhmä tavoittaa 2 henkilöä." in html  # two nurses in home care
    assert "errorlist" not in html.split('id="nimikkeet-error"')[0].split("<form")[1]
    unknown = client.post(PLAN, {**_form(world), "yksikot_haku": "Kuu", "lisaa": "yksikot"})
    assert "Valitse jokin ehdotuksista." in unknown.content.decode()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"format": SessionFormat.ON_SITE}, "address", "Kirjoita paikka"),
        ({"meeting_link": ""}, "meeting_link", "Anna linkki"),
        ({"starts_at": _when(days=-1)}, "starts_at", "Valitse aika tulevaisuudesta."),
        ({"capacity": "0"}, "capacity", ""),
        ({"title": ""}, "title", ""),
    ],
)
def test_a_plan_with_a_problem_is_not_saved_and_nothing_is_lost(
    client, world, overrides, field, message
):
    client.force_login(world["coordinator"].user)
    response = client.post(PLAN, {**_form(world, **overrides), "verkostot": [world["network"].pk]})
    html = response.content.decode()
    assert response.status_code == 200 and not Session.objects.exists()
    assert f'id="id_{field}-errors"' in html and message in html
    assert "Tarkista merkityt kohdat." in html
    assert f'name="verkostot" value="{world["network"].pk}" checked' in html


def test_the_live_count_follows_the_target_group_rule(client, world):
    client.force_login(world["coordinator"].user)

    def count(**targets):
        response = client.get(REACH, targets)
        assert response.status_code == 200
        return response.json()["count"]

    assert count() == 0
    assert count(yksikot=[world["home_care"].pk]) == 3  # sub-unit included, every role
    assert count(yksikot=[world["home_care"].pk], nimikkeet=[world["nurse"].pk]) == 2
    assert count(nimikkeet=[world["nurse"].pk]) == 3  # roles alone: anywhere
    assert count(verkostot=[world["network"].pk], nimikkeet=[world["aide"].pk]) == 3
    world["member"].active = False
    world["member"].save()
    assert count(verkostot=[world["network"].pk]) == 1
    assert client.get(REACH, {"yksikot": "x"}).json()["text"] == "Kohderyhmä tavoittaa 0 henkilöä."
    # The same count as the saved session's target group.
    session = make_session()
    session.target_units.add(world["home_care"])
    session.target_job_roles.add(world["nurse"])
    session.save()
    assert invitation_status(session=session).target == 2


def test_the_pages_cost_the_same_queries_for_many_targets(client, world):
    client.force_login(world["coordinator"].user)
    client.get(PLAN)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PLAN).status_code == 200
            assert client.get(REACH, {"yksikot": [world["home_care"].pk]}).status_code == 200
        return len(captured)

    few = queries()
    for number in range(30):
        make_unit(f"LISA-{number}", world["school"])
        JobRoleFactory(code=f"LISA-{number}")
        make_network(f"Verkosto lisä {number}")
    assert queries() == few


def test_the_invitation_status_says_sending_then_n_of_m(
    client, world, django_capture_on_commit_callbacks
):
    session = make_session()
    session.target_networks.add(world["network"])
    session.save()
    client.force_login(world["coordinator"].user)
    attendance = reverse("events:attendance", args=[session.pk])
    assert "Kohderyhmää ei ole vielä kutsuttu" in client.get(attendance).content.decode()
    # Asked, the task not run yet: "being sent".
    client.post(reverse("events:invite", args=[session.pk]))
    assert TaskIntent.objects.filter(task="events.invite_target_group").exists()
    assert "Kutsuja lähetetään: 0/2 kutsuttu." in client.get(attendance).content.decode()
    Invitation.objects.create(session=session, employee=world["member"])
    assert "Kutsuja lähetetään: 1/2 kutsuttu." in client.get(attendance).content.decode()
    # The tasks run: everyone invited.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:invite", args=[session.pk]))
    html = client.get(attendance).content.decode()
    assert "Kohderyhmä kutsuttu: 2/2." in html
    # Someone joins the network long after: not "being sent", but newcomers to invite.
    world["network"].members.add(world["aide_home"])
    later = timezone.now() + SENDING_WINDOW + datetime.timedelta(minutes=1)
    status = invitation_status(session=session, now=later)
    assert (status.state, status.invited, status.target) == ("newcomers", 2, 3)


@pytest.mark.parametrize("who", ["employee", "supervisor", "trainer", "hr_admin"])
def test_only_coordinators_plan(client, world, who):
    from django.contrib.auth.models import Group

    person = EmployeeFactory()
    if who != "employee":
        person.user.groups.add(Group.objects.get(name=who))
    client.force_login(person.user)
    assert client.get(PLAN).status_code == 404
    assert client.post(PLAN, _form(world)).status_code == 404
    assert client.get(REACH).status_code == 404
    assert not Session.objects.exists()
