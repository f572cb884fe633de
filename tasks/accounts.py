"""Tasks of signing in. Thin: each calls one service."""

from celery import shared_task

from accounts import services


@shared_task(
    name="accounts.send_password_reset",
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def send_password_reset(email: str, language: str) -> int:
    """Mail a reset link to the accounts with this email, if any; how many were sent."""
    return services.password_reset_send(email=email, language=language)


@shared_task(name="accounts.purge_password_reset_requests")
def purge_password_reset_requests() -> int:
    return services.password_reset_requests_purge()
