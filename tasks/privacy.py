"""Data-protection tasks: thin, each calls one service. Both are safe to repeat."""

from celery import shared_task

from audit.services import purge_expired


@shared_task(name="audit.purge_expired")
def purge_expired_audit_entries() -> int:
    return purge_expired()


@shared_task(name="privacy.pseudonymise_leavers")
def pseudonymise_leavers() -> int:
    from privacy.services import leavers_pseudonymise

    return leavers_pseudonymise()
