"""A mail backend for tests across processes: each message becomes one line
"<outbox row id>\t<recipient>" appended to settings.MAIL_LOG_PATH and synced to disk
before `send_messages` returns, like a mail server's 250 OK after DATA."""

import os

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class MailLogBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        with open(settings.MAIL_LOG_PATH, "a", encoding="utf-8") as log:
            for message in email_messages:
                row_id = message.extra_headers.get("X-Hyteopas-Outbox", "-")
                log.write(f"{row_id}\t{','.join(message.to)}\n")
                log.flush()
                os.fsync(log.fileno())
        return len(email_messages)


def delivered(path) -> list[int]:
    """Outbox row ids in the order their messages were delivered."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as log:
        return [int(line.split("\t")[0]) for line in log if line.strip()]
