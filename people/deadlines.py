"""When work is due: the one definition of *overdue* and *due soon*.

A checklist item, a course enrolment or a reminder stage is overdue from the day after
its due date, and due soon from REMINDER_DUE_SOON_DAYS before it up to the day itself.
Checklists, My learning, the reminders and the dashboards all ask here, in Python for
one object and as a `Q` for a queryset, so the badge a person sees and the reminder
they get never disagree. It lives in the ground layer because every app that has due
dates stands above it.
"""

import datetime

from django.conf import settings
from django.db.models import Q


def due_soon_until(today: datetime.date) -> datetime.date:
    """The last due date that counts as due soon on `today`."""
    return today + datetime.timedelta(days=settings.REMINDER_DUE_SOON_DAYS)


def is_overdue(due_date: datetime.date, *, today: datetime.date) -> bool:
    return due_date < today


def is_due_soon(due_date: datetime.date, *, today: datetime.date) -> bool:
    """Not late, and due at most REMINDER_DUE_SOON_DAYS ahead (today included)."""
    return today <= due_date <= due_soon_until(today)


def overdue(*, today: datetime.date, field: str = "due_date") -> Q:
    """Rows whose `field` has passed."""
    return Q(**{f"{field}__lt": today})


def due_by_soon(*, today: datetime.date, field: str = "due_date") -> Q:
    """Rows late or due soon: the reminders' and digests' window."""
    return Q(**{f"{field}__lte": due_soon_until(today)})
