"""Writes about sessions: seats and the waiting list, attendance, feedback, time and
capacity changes, presenter slots, invitations and copying a series.

Every change to a session's seats runs under a row lock on the session
(`select_for_update`), so two people taking the last seat at once are served one after
the other: one gets the seat, the other the waiting list. Problems a person can fix
raise `EventError` with a Finnish message (translated when shown), and change nothing.

The services are split by purpose (seats, planning, outreach); this package re-exports
their public functions so callers write `services.registration_create(...)`.
"""

from events.services.common import EventError
from events.services.outreach import (
    feedback_requests_send,
    invitation_batch_size,
    invitation_batches,
    invitations_send,
    invitations_start,
    presenter_links_send,
    reminders_send,
    sessions_to_remind,
    share_with_team,
)
from events.services.planning import (
    capacity_problem,
    network_add_member,
    network_remove_member,
    network_set_members,
    overlap_message,
    presenter_overlap,
    series_copy_to_next_half_year,
    session_cancel,
    session_reschedule,
    session_set_capacity,
    session_time_changed,
    slot_add,
)
from events.services.seats import (
    attendance_check_in,
    attendance_mark,
    feedback_submit,
    presenter_feedback_submit,
    registration_cancel,
    registration_create,
    slot_confirm,
)

__all__ = [
    "EventError",
    "attendance_check_in",
    "attendance_mark",
    "capacity_problem",
    "feedback_requests_send",
    "feedback_submit",
    "invitation_batch_size",
    "invitation_batches",
    "invitations_send",
    "invitations_start",
    "network_add_member",
    "network_remove_member",
    "network_set_members",
    "overlap_message",
    "presenter_feedback_submit",
    "presenter_links_send",
    "presenter_overlap",
    "registration_cancel",
    "registration_create",
    "reminders_send",
    "series_copy_to_next_half_year",
    "session_cancel",
    "session_reschedule",
    "session_set_capacity",
    "session_time_changed",
    "sessions_to_remind",
    "share_with_team",
    "slot_add",
    "slot_confirm",
]
