"""Tasks that follow an HR import. Thin: each takes ids, re-loads and calls one service."""

from celery import shared_task

from people import services


@shared_task(name="people.send_welcome_messages")
def send_welcome_messages(import_run_id: int) -> dict:
    """Welcome emails are outbox rows written with the people an import creates
    (people.signals.employees_created → notifications.outbox); this name, queued by
    imports before that, delivers whatever is pending."""
    from notifications.services import outbox_deliver_pending

    return outbox_deliver_pending().as_dict()


@shared_task(name="people.deactivate_leavers")
def deactivate_leavers() -> int:
    """Close the accounts of people whose end date has passed since the last import."""
    return services.employees_deactivate_leavers()


@shared_task(name="people.purge_stale_import_previews")
def purge_stale_import_previews() -> int:
    """Delete uploaded HR files whose preview was never applied."""
    return services.import_runs_purge_stale()
