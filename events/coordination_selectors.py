"""Reads of the coordinators' planning page: what a target can be chosen from, how
many people a choice reaches, and how far the invitations of a session have got."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils import timezone

from events.models import Invitation, Network, Session, SessionSeries
from events.selectors import people_reached, target_group
from intents.models import TaskIntent
from people.models import JobRole, OrgUnit

# After asking, invitations count as "being sent" this long while some are missing;
# later, people missing are newcomers to the target group (invite again to reach them).
SENDING_WINDOW = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Option:
    pk: int
    label: str


def target_options() -> dict[str, list[Option]]:
    """Networks, open units (with their codes: names repeat across areas) and job
    roles, each sorted by label in the active language. Three queries."""
    return {
        "networks": [Option(n.pk, n.name) for n in Network.objects.order_by("name")],
        "units": sorted(
            (
                Option(unit.pk, f"{unit.name} ({unit.code})")
                for unit in OrgUnit.objects.filter(closed_on__isnull=True)
            ),
            key=lambda option: option.label.lower(),
        ),
        "roles": sorted(
            (Option(role.pk, role.name) for role in JobRole.objects.all()),
            key=lambda option: option.label.lower(),
        ),
    }


def series_choices():
    """Series whose half-year has not ended, the newest first."""
    since = timezone.localdate().replace(day=1) - datetime.timedelta(days=183)
    return SessionSeries.objects.filter(half_year_start__gte=since)


def reach_count(*, network_ids: list[int], unit_ids: list[int], role_ids: list[int]) -> int:
    """How many active people the chosen targets reach, by the target group's rule.
    Two queries."""
    unit_paths = list(OrgUnit.objects.filter(pk__in=unit_ids).values_list("path", flat=True))
    return people_reached(network_ids=network_ids, unit_paths=unit_paths, role_ids=role_ids).count()


@dataclass(frozen=True)
class InvitationStatus:
    state: str  # not_invited, sending, invited, newcomers
    invited: int  # of the target group
    target: int
    asked_at: datetime.datetime | None


def invitation_status(*, session: Session, now=None) -> InvitationStatus:
    """How many of the target group hold an invitation, and whether sending is under
    way: asked (a task recorded, or the task's `invited_at`) within the last hour with
    some still missing. Four queries."""
    now = now or timezone.now()
    counts = target_group(session=session).aggregate(
        target=Count("pk"),
        invited=Count(
            "pk", filter=Q(pk__in=Invitation.objects.filter(session=session).values("employee_id"))
        ),
    )
    asked = TaskIntent.objects.filter(
        task="events.invite_target_group", args=[session.pk]
    ).aggregate(at=Max("created_at"))["at"]
    asked_at = max((at for at in (asked, session.invited_at) if at), default=None)
    target, invited = counts["target"], counts["invited"]
    if asked_at is None:
        state = "not_invited"
    elif invited >= target:
        state = "invited"
    elif now - asked_at < SENDING_WINDOW:
        state = "sending"
    else:
        state = "newcomers"
    return InvitationStatus(state=state, invited=invited, target=target, asked_at=asked_at)
