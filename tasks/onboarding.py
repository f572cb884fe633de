"""Onboarding tasks: thin, take ids, call one service each. Safe to run twice."""

import datetime

from celery import shared_task
from django.utils import timezone

from onboarding import services


@shared_task(
    name="onboarding.build_checklists",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=5,
)
def build_checklists(
    employee_ids: list[int],
    moved_ids: list[int] | None = None,
    established_ids: list[int] | None = None,
    on: str | None = None,
) -> dict:
    """What an HR import sets going: newcomers' checklists, moved people's new items,
    established staff's mandatory courses; one task per import, not one per person."""
    return services.onboard_after_import(
        newcomer_ids=employee_ids,
        moved_ids=moved_ids or [],
        established_ids=established_ids or [],
        on=datetime.date.fromisoformat(on) if on else timezone.localdate(),
    )


@shared_task(
    name="onboarding.tick_course_items",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=5,
)
def tick_course_items(employee_id: int, course_id: int) -> int:
    return services.checklist_tick_course(employee_id=employee_id, course_id=course_id)


@shared_task(
    name="onboarding.propagate_template",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=5,
)
def propagate_template(template_id: int) -> int:
    return services.template_propagate(template_id=template_id)
