"""Hyte picture tasks: thin, each calls one service."""

from celery import shared_task

from hyte import totals


@shared_task(name="hyte.refresh_totals")
def refresh_totals() -> int:
    return totals.hyte_totals_refresh()
