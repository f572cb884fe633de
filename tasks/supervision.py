"""Supervision tasks: thin, each calls one service. Export jobs take the job's id and
re-load it; a redelivered message finds the job done and does nothing."""

from celery import shared_task
from django.conf import settings

from notifications.services import outbox_deliver_pending
from supervision import services, totals


@shared_task(
    name="supervision.build_export",
    # Sized from the largest export allowed (EXPORT_MAX_ROWS), not the default 15 minutes.
    soft_time_limit=settings.EXPORT_TIME_LIMIT_SECONDS,
    time_limit=settings.EXPORT_TIME_LIMIT_SECONDS + 60,
)
def build_export(job_id: int) -> str:
    return services.export_job_build(job_id=job_id).status


@shared_task(name="supervision.deliver_reminders_now")
def deliver_reminders_now() -> dict:
    """A supervisor's "remind now": deliver the rows just queued instead of waiting
    for the hourly sweep."""
    return outbox_deliver_pending().as_dict()


@shared_task(name="supervision.refresh_unit_totals")
def refresh_unit_totals() -> int:
    return totals.unit_totals_refresh()


@shared_task(name="supervision.recover_stalled_exports")
def recover_stalled_exports() -> dict:
    """Every minute: retry once, then fail, the export jobs whose worker died."""
    return services.export_jobs_recover_stalled()


@shared_task(name="supervision.purge_exports")
def purge_exports() -> int:
    return services.export_jobs_purge()
