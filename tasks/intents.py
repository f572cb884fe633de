"""The relay of task intents: beat runs it every minute. Two beats or a redelivered
message at once are harmless (each claims its rows with SKIP LOCKED)."""

from celery import shared_task

from intents.services import intents_relay


@shared_task(name="intents.relay")
def relay() -> int:
    return intents_relay()
