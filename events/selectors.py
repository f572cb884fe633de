"""Reads about sessions: who a session is meant for, what an employee sees, the
attendance list and the reports. Each selector states its query budget."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import (
    Feedback,
    Invitation,
    Network,
    PresenterFeedback,
    PresenterSlot,
    Registration,
    Session,
    SessionSeries,
)
from people.models import Employee, OrgUnit
from reporting.privacy import is_reportable, suppress_small


def target_group(*, session: Session) -> QuerySet[Employee]:
    """Active employees the session is meant for: members of a target network, and
    people working in a target unit (sub-units included) in one of the target job
    roles (no roles chosen = every role; roles without units = those roles anywhere).
    One query when evaluated (plus one for the session's targets)."""
    unit_paths = list(session.target_units.values_list("path", flat=True))
    role_ids = list(session.target_job_roles.values_list("pk", flat=True))
    return _target_people(Q(networks__sessions=session), unit_paths, role_ids)


def people_reached(
    *, network_ids: list[int], unit_paths: list[str], role_ids: list[int]
) -> QuerySet[Employee]:
    """`target_group` for targets not saved yet (the planning page's live count)."""
    in_networks = Q(networks__in=network_ids) if network_ids else Q(pk__in=[])
    return _target_people(in_networks, unit_paths, role_ids)


def _target_people(
    in_networks: Q, unit_paths: list[str], role_ids: list[int]
) -> QuerySet[Employee]:
    condition = in_networks
    if unit_paths or role_ids:
        in_units = Q()
        for path in unit_paths:
            in_units |= Q(unit__path__startswith=path)
        in_roles = Q(job_role_id__in=role_ids) if role_ids else Q()
        condition |= in_units & in_roles
    people = Employee.objects.filter(active=True).filter(
        pk__in=Employee.objects.filter(condition).values("pk")
    )
    return people.order_by("pk")


def _meant_for(employee: Employee) -> Combinable:
    """Sessions whose target group contains `employee` or that invited them."""
    in_unit = Exists(
        Session.target_units.through.objects.filter(
            session_id=OuterRef("pk"),
            orgunit__path__in=_ancestor_paths(employee.unit.path),
        )
    )
    any_unit = Exists(Session.target_units.through.objects.filter(session_id=OuterRef("pk")))
    role_ok = Exists(
        Session.target_job_roles.through.objects.filter(
            session_id=OuterRef("pk"), jobrole_id=employee.job_role_id
        )
    )
    any_role = Exists(Session.target_job_roles.through.objects.filter(session_id=OuterRef("pk")))
    by_place = (in_unit & (role_ok | ~any_role)) | (~any_unit & any_role & role_ok)
    network = Exists(
        Session.target_networks.through.objects.filter(
            session_id=OuterRef("pk"), network__members=employee
        )
    )
    invited = Exists(Invitation.objects.filter(session_id=OuterRef("pk"), employee=employee))
    return network | by_place | invited


def _ancestor_paths(path: str) -> list[str]:
    """The materialised paths of a unit and every unit above it (treebeard steplen 4)."""
    step = OrgUnit.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


@dataclass
class SessionCard:
    session: Session
    meant_for_me: bool
    my_status: str | None
    registered: int
    slots: list[PresenterSlot] = field(default_factory=list)

    @property
    def seats_left(self) -> int:
        return max(self.session.capacity - self.registered, 0)


def upcoming_sessions_for(
    *, employee: Employee, now: datetime.datetime | None = None
) -> list[SessionCard]:
    """Upcoming, not cancelled sessions: those meant for the employee first, then the
    rest, each by start time. Three queries whatever the number of sessions."""
    now = now or timezone.now()
    my_status = Registration.objects.filter(session_id=OuterRef("pk"), employee=employee).values(
        "status"
    )[:1]
    sessions = (
        Session.objects.filter(starts_at__gte=now, cancelled_at__isnull=True)
        .select_related("series")
        .annotate(
            meant_for_me=_meant_for(employee),
            my_status=my_status,
            registered=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
            ),
        )
        .prefetch_related(
            Prefetch(
                "slots",
                queryset=PresenterSlot.objects.select_related("organisation").order_by(
                    "sort_order"
                ),
            )
        )
        .order_by("starts_at", "pk")
    )
    cards = [
        SessionCard(
            session=session,
            meant_for_me=session.meant_for_me,
            my_status=session.my_status,
            registered=session.registered,
            slots=list(session.slots.all()),
        )
        for session in sessions
    ]
    cards.sort(key=lambda card: not card.meant_for_me)  # stable: time order kept
    return cards


def session_detail(*, session_id: int) -> Session:
    """The session with its series and presenters. Two queries."""
    session: Session = (
        Session.objects.select_related("series")
        .prefetch_related(
            Prefetch(
                "slots",
                queryset=PresenterSlot.objects.select_related("organisation").order_by(
                    "sort_order"
                ),
            )
        )
        .annotate(
            registered=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
            ),
        )
        .get(pk=session_id)
    )
    return session


def registration_of(*, session: Session, employee: Employee) -> Registration | None:
    return Registration.objects.filter(session=session, employee=employee).first()


def attendance_list(*, session: Session) -> QuerySet[Registration]:
    """Registered people (and attendees) by name, for the coordinator's checklist.
    One query."""
    return (
        Registration.objects.filter(session=session)
        .filter(Q(status=Registration.Status.REGISTERED) | Q(attended_at__isnull=False))
        .select_related("employee__user", "employee__unit")
        .order_by("employee__user__last_name", "employee__user__first_name", "pk")
    )


def my_networks(*, employee: Employee) -> QuerySet[Network]:
    networks: QuerySet[Network] = employee.networks.order_by("name")
    return networks


def networks_convened_by(*, employee: Employee, every_network: bool = False) -> QuerySet[Network]:
    """The networks whose members `employee` maintains (a coordinator: all). One query."""
    networks: QuerySet[Network] = (
        Network.objects.all() if every_network else employee.convened_networks.all()
    )
    return networks.annotate(member_count=Count("members")).order_by("name")


# Reports ------------------------------------------------------------------


@dataclass
class Figures:
    """One row of a report. Shares are 0–100, None when the group is too small."""

    label: str
    starts_at: datetime.datetime | None
    invited: int
    registered: int
    attended: int
    answers: int
    useful: int
    rating_sum: int
    presenter_answers: int
    presenter_useful: int

    @property
    def feedback_rate(self) -> int | None:
        if not self.attended:
            return None
        return suppress_small(round(100 * self.answers / self.attended), self.attended)

    @property
    def useful_share(self) -> int | None:
        if not self.answers:
            return None
        return suppress_small(round(100 * self.useful / self.answers), self.answers)

    @property
    def mean_rating(self) -> float | None:
        if not self.answers:
            return None
        return suppress_small(round(self.rating_sum / self.answers, 1), self.answers)

    @property
    def presenters_useful_share(self) -> int | None:
        if not self.presenter_answers:
            return None
        return suppress_small(
            round(100 * self.presenter_useful / self.presenter_answers), self.presenter_answers
        )


@dataclass
class Report:
    title: str
    rows: list[Figures]
    total: Figures
    free_texts: list[tuple[str, str]]  # (question, answer), shown only for 5+ answers
    free_texts_hidden: bool


def _figures_for(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Each figure is a correlated subquery: one row per session and no join that
    would multiply the rows, so the cost follows the number of sessions."""
    registered = Q(status=Registration.Status.REGISTERED) | Q(attended_at__isnull=False)
    annotated: QuerySet[Session] = sessions.annotate(
        n_invited=_count_sub(Invitation.objects.filter(session_id=OuterRef("pk"))),
        n_registered=_count_sub(Registration.objects.filter(registered, session_id=OuterRef("pk"))),
        n_attended=_count_sub(
            Registration.objects.filter(session_id=OuterRef("pk"), attended_at__isnull=False)
        ),
        n_answers=_count_sub(
            Feedback.objects.filter(
                registration__session_id=OuterRef("pk"), registration__attended_at__isnull=False
            )
        ),
        n_useful=_count_sub(
            Feedback.objects.filter(
                registration__session_id=OuterRef("pk"),
                registration__attended_at__isnull=False,
                useful=True,
            )
        ),
        rating_total=_sum_sub(
            Feedback.objects.filter(
                registration__session_id=OuterRef("pk"), registration__attended_at__isnull=False
            ),
            "rating",
        ),
        n_presenter_answers=_count_sub(
            PresenterFeedback.objects.filter(slot__session_id=OuterRef("pk"))
        ),
        n_presenter_useful=_count_sub(
            PresenterFeedback.objects.filter(slot__session_id=OuterRef("pk"), useful=True)
        ),
    ).order_by("starts_at", "pk")
    return annotated


def _count_sub(queryset: QuerySet[Any]) -> Coalesce:
    """COUNT(*) of a correlated subquery, 0 when there are no rows."""
    sub = queryset.order_by().annotate(total=Func(F("pk"), function="COUNT")).values("total")
    return Coalesce(Subquery(sub, output_field=IntegerField()), 0)


def _sum_sub(queryset: QuerySet[Any], field_name: str) -> Coalesce:
    sub = queryset.order_by().annotate(total=Func(F(field_name), function="SUM")).values("total")
    return Coalesce(Subquery(sub, output_field=IntegerField()), 0)


def _row(label: str, session: Session | None, values: dict[str, int]) -> Figures:
    return Figures(
        label=label,
        starts_at=session.starts_at if session else None,
        invited=values["n_invited"],
        registered=values["n_registered"],
        attended=values["n_attended"],
        answers=values["n_answers"],
        useful=values["n_useful"],
        rating_sum=values["rating_total"],
        presenter_answers=values["n_presenter_answers"],
        presenter_useful=values["n_presenter_useful"],
    )


KEYS = (
    "n_invited",
    "n_registered",
    "n_attended",
    "n_answers",
    "n_useful",
    "rating_total",
    "n_presenter_answers",
    "n_presenter_useful",
)


def _free_texts(feedback: QuerySet[Feedback]) -> tuple[list[tuple[str, str]], bool]:
    """Free-text answers, hidden altogether when fewer than five people answered."""
    rows = list(
        feedback.filter(registration__attended_at__isnull=False)
        .exclude(will_do_differently="", free_text="")
        .order_by("submitted_at", "pk")
        .values_list("will_do_differently", "free_text")
    )
    if not is_reportable(len(rows)):
        return [], bool(rows)
    texts = []
    for differently, free in rows:
        if differently:
            texts.append(("differently", differently))
        if free:
            texts.append(("free", free))
    return texts, False


def session_report(*, session: Session) -> Report:
    """Figures for one session. Two queries."""
    (annotated,) = _figures_for(Session.objects.filter(pk=session.pk))
    row = _row(annotated.local_title, annotated, {key: getattr(annotated, key) for key in KEYS})
    texts, hidden = _free_texts(Feedback.objects.filter(registration__session=session))
    return Report(
        title=session.local_title, rows=[row], total=row, free_texts=texts, free_texts_hidden=hidden
    )


def series_report(*, series: SessionSeries) -> Report:
    """Figures per session of a series and in total. Two queries whatever the number of
    sessions and attendees."""
    sessions = list(_figures_for(Session.objects.filter(series=series)))
    rows = [
        _row(session.local_title, session, {key: getattr(session, key) for key in KEYS})
        for session in sessions
    ]
    total = _row(
        str(series),
        None,
        {key: sum(getattr(session, key) for session in sessions) for key in KEYS},
    )
    texts, hidden = _free_texts(Feedback.objects.filter(registration__session__series=series))
    return Report(
        title=str(series), rows=rows, total=total, free_texts=texts, free_texts_hidden=hidden
    )


def series_list() -> QuerySet[SessionSeries]:
    """Series with their sessions, newest half-year first. Two queries."""
    series: QuerySet[SessionSeries] = SessionSeries.objects.prefetch_related(
        Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "pk"))
    )
    return series
