"""One definition of overdue and due soon: the badge in My learning, the state on a
checklist and the reminder stage all change on the same days, whatever
REMINDER_DUE_SOON_DAYS says."""

import datetime

import pytest

from courses.models import Enrolment
from courses.selectors import CourseStatus
from notifications.models import Stage
from notifications.selectors import stage_starts
from onboarding.models import ChecklistItem
from onboarding.selectors import _state as checklist_state

TODAY = datetime.date(2027, 3, 10)


def course_state(due_date: datetime.date) -> str:
    enrolment = Enrolment(due_date=due_date)
    status = CourseStatus(None, enrolment, 1, 0, None, TODAY)  # type: ignore[arg-type]
    return status.state


def reminder_stage(due_date: datetime.date) -> str | None:
    begun = [stage for stage, day in stage_starts(due_date).items() if day <= TODAY]
    return begun[-1] if begun else None


@pytest.mark.parametrize("days", [3, 7, 12])
def test_course_checklist_and_reminder_agree_on_due_soon_and_overdue(settings, days):
    settings.REMINDER_DUE_SOON_DAYS = days
    for offset in range(-3, days + 4):
        due = TODAY + datetime.timedelta(days=offset)
        stage = reminder_stage(due)
        course = course_state(due)
        item = checklist_state(ChecklistItem(due_date=due), TODAY)
        if offset < 0:
            assert stage == Stage.OVERDUE and course == "overdue" and item == "overdue"
        elif offset == 0:
            assert stage == Stage.DUE_TODAY and course == "due_soon" and item == "due_today"
        elif offset <= days:
            assert stage == Stage.DUE_SOON and course == "due_soon" and item == "due_soon"
        else:
            assert stage is None and course == "not_started" and item == "open", offset
