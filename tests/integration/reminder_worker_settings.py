"""Settings for the `celery worker` subprocess of the SIGKILL test: the test settings
with a real broker (no eager tasks), a mail backend that appends every message to a
file, and the knobs that make a sweep slow enough to kill in the middle. Everything
else (DATABASE_URL, REDIS_URL, REMINDER_BATCH_SIZE, ...) comes from the environment."""

import os

from learning.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = False
EMAIL_BACKEND = "tests.integration.mail_log.MailLogBackend"
MAIL_LOG_PATH = os.environ["HYTEOPAS_MAIL_LOG"]
REMINDER_SEND_DELAY = float(os.environ.get("REMINDER_SEND_DELAY", "0"))
# Short, so the sweep message the killed worker held comes back within seconds (kombu
# 5.7 looks for such messages every interval × throttle seconds, 100 s by default).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("BROKER_VISIBILITY_TIMEOUT", "5")),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
