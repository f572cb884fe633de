"""Every periodic task in one place. django-celery-beat's DatabaseScheduler copies these
into its tables on start, where an admin can change the times."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Hands to the broker any follow-up work not handed over when its change committed
    # (the broker was down): such work is late by at most a minute after it is back.
    "intents-relay": {
        "task": "intents.relay",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # xAPI statements waiting for the LRS (a lost kick, or the LRS was away and their
    # next try has come); does nothing while XAPI_LRS_URL is empty.
    "xapi-deliver": {
        "task": "xapi.deliver",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "deactivate-leavers-nightly": {
        "task": "people.deactivate_leavers",
        "schedule": crontab(hour=2, minute=15),
        # A run that starts late is pointless once the next one is due.
        "options": {"expires": 20 * 60 * 60},
    },
    "purge-stale-import-previews": {
        "task": "people.purge_stale_import_previews",
        "schedule": crontab(hour=3, minute=0),
        "options": {"expires": 20 * 60 * 60},
    },
    # Past the hour, so it does not start at the same moment as the Monday digest.
    "reminders-sweep-hourly": {
        "task": "reminders.sweep",
        "schedule": crontab(minute=5),
        # A sweep queued behind a long one is pointless once the next is due.
        "options": {"expires": 50 * 60},
    },
    # Monday 07:00 in CELERY_TIMEZONE (Europe/Helsinki).
    "reminders-weekly-digest": {
        "task": "reminders.weekly_digest",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
        "options": {"expires": 6 * 60 * 60},
    },
    # Presentation sessions: tomorrow's reminders in the morning; feedback forms
    # after sessions have ended (hourly, so a session ending at 15:00 asks by 16:xx).
    "events-day-before-reminders": {
        "task": "events.send_reminders",
        "schedule": crontab(hour=8, minute=30),
        "options": {"expires": 6 * 60 * 60},
    },
    "events-feedback-requests": {
        "task": "events.request_feedback",
        "schedule": crontab(minute=20),
        "options": {"expires": 50 * 60},
    },
    # The county report reads these totals; a quarter of an hour old is fresh enough.
    "supervision-refresh-unit-totals": {
        "task": "supervision.refresh_unit_totals",
        "schedule": crontab(minute="*/15"),
        "options": {"expires": 14 * 60},
    },
    # The activity catalogue from PTV, at night; does nothing until PTV_API_URL is set.
    "ptv-sync-nightly": {
        "task": "ptv.sync",
        "schedule": crontab(hour=4, minute=30),
        "options": {"expires": 20 * 60 * 60},
    },
    # The hyte picture reads these totals; an hour old is fresh enough for trends.
    "hyte-refresh-totals": {
        "task": "hyte.refresh_totals",
        "schedule": crontab(minute=40),
        "options": {"expires": 50 * 60},
    },
    "supervision-recover-stalled-exports": {
        "task": "supervision.recover_stalled_exports",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "supervision-purge-exports": {
        "task": "supervision.purge_exports",
        "schedule": crontab(hour=3, minute=30),
        "options": {"expires": 20 * 60 * 60},
    },
    # Privacy: audit entries past AUDIT_RETENTION_YEARS go, the one removal the
    # database allows.
    "audit-purge-expired": {
        "task": "audit.purge_expired",
        "schedule": crontab(hour=3, minute=45),
        "options": {"expires": 20 * 60 * 60},
    },
    # People who left RETENTION_YEARS_AFTER_LEAVING years ago lose their names.
    "privacy-pseudonymise-leavers": {
        "task": "privacy.pseudonymise_leavers",
        "schedule": crontab(hour=4, minute=0),
        "options": {"expires": 20 * 60 * 60},
    },
    "accounts-purge-password-reset-requests": {
        "task": "accounts.purge_password_reset_requests",
        "schedule": crontab(hour=3, minute=45),
        "options": {"expires": 20 * 60 * 60},
    },
}
