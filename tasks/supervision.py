"""Supervision tasks: thin, each calls one service. Export jobs take the job's id and
re-load it; a redelivered message finds the job done and does nothing."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from notifications.services import outbox_deliver_pending
from supervision import services, totals


@shared_task(name="supervision.build_export")
def build_export(job_id: int) -> str | None:
    """Count the job's rows, then hand the writing to `write_export` with time limits
    sized from that count, so a long export never meets its limit halfway and a short
    one cannot hold a worker for long."""
    limits = services.export_job_plan(job_id=job_id)
    if limits is None:
        return None
    write_export.apply_async(args=[job_id], soft_time_limit=limits.soft, time_limit=limits.hard)
    return "planned"


@shared_task(name="supervision.write_export")
def write_export(job_id: int) -> str:
    """Write the job's file. At the soft time limit the service has already removed the
    partial file and failed the job; the owner is told why."""
    try:
        return services.export_job_build(job_id=job_id).status
    except SoftTimeLimitExceeded:
        services.export_job_fail_overtime(job_id=job_id)
        return "failed"


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
