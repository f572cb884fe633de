"""Onboarding tasks: thin, take ids, call one service each. Safe to run twice."""

from celery import shared_task

from onboarding import services


@shared_task(
    name="onboarding.build_checklists",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=5,
)
def build_checklists(employee_ids: list[int]) -> int:
    """Build the checklists of the employees an HR import created or moved; one task
    per import, not one per person."""
    templates = services.active_templates()
    return sum(
        services.checklist_build(employee_id=employee_id, templates=templates)
        for employee_id in employee_ids
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
