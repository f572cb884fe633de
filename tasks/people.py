"""Tasks that follow an HR import. Thin: each takes ids, re-loads and calls one service."""

from celery import shared_task

from people import services


@shared_task(
    name="people.send_welcome_messages",
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def send_welcome_messages(import_run_id: int) -> int:
    """Welcome every employee an import created; returns how many were sent."""
    return services.employees_send_welcome(import_run_id=import_run_id)


@shared_task(name="people.deactivate_leavers")
def deactivate_leavers() -> int:
    """Close the accounts of people whose end date has passed since the last import."""
    return services.employees_deactivate_leavers()


@shared_task(name="people.purge_stale_import_previews")
def purge_stale_import_previews() -> int:
    """Delete uploaded HR files whose preview was never applied."""
    return services.import_runs_purge_stale()
