"""What applying an import sets going: how many newcomer checklists and course
enrolments it creates, and the day of the first reminder. Shown in the preview.

People is the ground layer and knows nothing of onboarding, courses or reminders, so
the onboarding app registers the function that works this out
(`OnboardingConfig.ready`); without one the preview shows no forecast.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Arrival:
    """Someone the import starts off: in a unit and job role, counted from a day."""

    unit_id: int
    job_role_id: int
    counted_from: datetime.date


@dataclass
class Forecast:
    checklists: int = 0
    checklist_items: int = 0
    enrolments: int = 0
    first_reminder: datetime.date | None = None


_forecaster: Callable[..., Forecast] | None = None


def register(function: Callable[..., Forecast]) -> None:
    global _forecaster
    _forecaster = function


def forecast(plan) -> Forecast | None:
    """Checklists for newcomers (from their start date) and moved people (from today);
    enrolments for established staff and for the course items of checklists."""
    if _forecaster is None or plan.problems:
        return None
    return _forecaster(
        checklists=[
            *(Arrival(row.unit_id, row.job_role_id, row.start_date) for row in plan.newcomers),
            *(Arrival(row.unit_id, row.job_role_id, plan.today) for row in plan.moved),
        ],
        established=[Arrival(row.unit_id, row.job_role_id, plan.today) for row in plan.established],
        today=plan.today,
    )
