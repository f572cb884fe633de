"""Settings for Celery workers, beat and gunicorn nodes started by the integration tests
as processes: the test settings with a real broker (no eager tasks) and short broker
timeouts, so a message held by a killed worker comes back within seconds. Everything
else (DATABASE_URL, CELERY_BROKER_URL, EXPORT_ROOT, EXPORT_STALL_MINUTES, ...) comes from
the environment; HYTEOPAS_TEST_IMPORTS names modules a worker imports at start."""

import os

from learning.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("BROKER_VISIBILITY_TIMEOUT", "5")),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
CELERY_IMPORTS = [name for name in os.environ.get("HYTEOPAS_TEST_IMPORTS", "").split(",") if name]

if os.environ.get("HYTEOPAS_MAIL_LOG"):
    EMAIL_BACKEND = "tests.integration.mail_log.MailLogBackend"
    MAIL_LOG_PATH = os.environ["HYTEOPAS_MAIL_LOG"]

if os.environ.get("HYTEOPAS_FAST_BEAT") == "1":
    # Beat processes of the two-node test: the sweep and the relay every two seconds.
    from tasks.schedule import BEAT_SCHEDULE

    BEAT_SCHEDULE.clear()
    BEAT_SCHEDULE.update(
        {
            "reminders-sweep-hourly": {"task": "reminders.sweep", "schedule": 2.0},
            "intents-relay": {"task": "intents.relay", "schedule": 2.0},
        }
    )

# Only the xAPI SIGKILL test sets it: a pause after each batch reaches the LRS and
# before it is marked sent, so the worker can be killed in between.
XAPI_SEND_DELAY = float(os.environ.get("XAPI_SEND_DELAY", "0"))
