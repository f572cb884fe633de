"""Sessions for the tests: a series, a session with targets and presenter slots, and
coordinators."""

import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import Network, PresenterSlot, Session, SessionSeries
from organisations.models import Organisation
from people import roles
from tests.factories import EmployeeFactory

_names = itertools.count(1)


def make_series(title: str = "Lapsiperheiden kanssa työskentelevät") -> SessionSeries:
    return SessionSeries.objects.create(title=title, half_year_start=datetime.date(2026, 7, 1))


def make_session(
    *,
    series: SessionSeries | None = None,
    starts_in: datetime.timedelta = datetime.timedelta(days=7),
    capacity: int = 30,
    minutes: int = 90,
    title: str | None = None,
    **fields,
) -> Session:
    return Session.objects.create(
        series=series or make_series(),
        title=title or f"Järjestöt esittäytyvät {next(_names)}",
        starts_at=(timezone.now() + starts_in).replace(second=0, microsecond=0),
        duration_minutes=minutes,
        capacity=capacity,
        meeting_link="https://kokous.example.test/huone-1",
        **fields,
    )


def make_organisation(name: str | None = None, **fields) -> Organisation:
    fields.setdefault("contact_email", "yhteys@yhdistys.example.test")
    return Organisation.objects.create(
        name=name or f"Kuvitteellinen yhdistys {next(_names)}", **fields
    )


def add_slot(session: Session, organisation: Organisation | None = None, **fields):
    return PresenterSlot.objects.create(
        session=session,
        organisation=organisation or make_organisation(),
        minutes=fields.pop("minutes", 15),
        sort_order=session.slots.count(),
        **fields,
    )


def make_network(name: str | None = None, members=()) -> Network:
    network = Network.objects.create(name=name or f"Verkosto {next(_names)}")
    network.members.add(*members)
    return network


def make_coordinator(**fields):
    coordinator = EmployeeFactory(**fields)
    coordinator.user.groups.add(Group.objects.get(name=roles.HYTE_COORDINATOR))
    return coordinator
