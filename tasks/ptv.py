"""PTV tasks: thin, each calls one service."""

from celery import shared_task

from ptv.sync import ptv_sync


@shared_task(name="ptv.sync")
def sync(full: bool = False) -> str:
    return ptv_sync(full=full).status
