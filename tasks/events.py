"""Session tasks: thin, take ids, call one service each. Inviting a target group is one
task that splits it into batches (one task per batch of people, never one per person).
The messages themselves are outbox rows the services write; notifications delivers
them (tasks/notifications.py). A database error retries a task: each is safe to repeat.
"""

from celery import shared_task

from events import services
from tasks.notifications import DATABASE_ERRORS


@shared_task(
    name="events.invite_target_group",
    autoretry_for=(ConnectionError, *DATABASE_ERRORS),
    retry_backoff=True,
    max_retries=5,
)
def invite_target_group(session_id: int) -> int:
    """Queue one send task per batch of the session's not yet invited target group."""
    batches = services.invitation_batches(session_id=session_id)
    for batch in batches:
        send_invitations.delay(session_id, batch)
    return len(batches)


@shared_task(
    name="events.send_invitations",
    autoretry_for=(ConnectionError, *DATABASE_ERRORS),
    retry_backoff=True,
    max_retries=5,
)
def send_invitations(
    session_id: int, employee_ids: list[int], kind: str = "invitation", shared_by_id=None
) -> int:
    return services.invitations_send(
        session_id=session_id, employee_ids=employee_ids, kind=kind, shared_by_id=shared_by_id
    )


@shared_task(name="events.send_reminders", autoretry_for=DATABASE_ERRORS, max_retries=5)
def send_reminders() -> int:
    """Daily: the day-before reminder for tomorrow's sessions."""
    return services.reminders_send()


@shared_task(name="events.request_feedback", autoretry_for=DATABASE_ERRORS, max_retries=5)
def request_feedback() -> int:
    """Hourly: the feedback form to attendees of sessions that have ended."""
    return services.feedback_requests_send()
