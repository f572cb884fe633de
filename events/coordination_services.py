"""Writes of the coordinators' planning page: a new session with its target group."""

import datetime

from django.db import transaction

from events.models import Network, Session, SessionSeries
from people.models import JobRole, OrgUnit


@transaction.atomic
def session_plan(
    *,
    series: SessionSeries,
    title: str,
    description: str,
    format: str,
    address: str,
    meeting_link: str,
    starts_at: datetime.datetime,
    duration_minutes: int,
    capacity: int,
    network_ids: list[int],
    unit_ids: list[int],
    role_ids: list[int],
) -> Session:
    """Create a session and its targets. Presenters are added in the admin; inviting
    is a separate step (`events.services.invitations_start`)."""
    session = Session(
        series=series,
        title=title,
        description=description,
        format=format,
        address=address,
        meeting_link=meeting_link,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        capacity=capacity,
    )
    # Parental relations: set on the instance, written when it is saved.
    session.target_networks.set(Network.objects.filter(pk__in=network_ids))
    session.target_units.set(OrgUnit.objects.filter(pk__in=unit_ids))
    session.target_job_roles.set(JobRole.objects.filter(pk__in=role_ids))
    session.save()
    return session
