"""A course's yearly renewal window (for example every 1.1.–31.3.): the dates it
gives, in Python. `courses.selectors` holds the rule that uses them (`is_to_renew`,
`renewal_due_date` and their SQL twins); the models compute a completion's expiry here.

A completion made at any time counts until the next window begins: a completion in
January 2027 (inside the 2027 window) is valid until 1.1.2028, as is one made in
May 2027; the renewal is then due at the window's end, 31.3.2028. A window may run
over the turn of the year (1.11.–28.2.). February 29th is refused as a window day, so
every year has the window's days.

Written here rather than with a library: two dates per year from four small numbers;
`dateutil` (already a dependency) has no notion of a yearly window.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class RenewalWindow:
    start_month: int
    start_day: int
    end_month: int
    end_day: int

    @classmethod
    def of(cls, course) -> "RenewalWindow | None":
        """The course's window, or None when it renews N months after completion (or
        never). A course loaded without its window fields has none."""
        fields = (
            "renewal_start_month",
            "renewal_start_day",
            "renewal_end_month",
            "renewal_end_day",
        )
        if any(name in course.get_deferred_fields() for name in fields):
            return None
        values = [getattr(course, name) for name in fields]
        if any(value is None for value in values):
            return None
        return cls(*values)

    def start_in(self, year: int) -> datetime.date:
        return datetime.date(year, self.start_month, self.start_day)

    def next_start_after(self, day: datetime.date) -> datetime.date:
        """The first window start after `day` (a completion on the first day of a
        window counts for that window: its renewal is the next year's)."""
        start = self.start_in(day.year)
        return start if start > day else self.start_in(day.year + 1)

    def end_on_or_after(self, day: datetime.date) -> datetime.date:
        """The end of the first window ending on or after `day`: the renewal's due date
        for a completion that expired on `day`."""
        end = datetime.date(day.year, self.end_month, self.end_day)
        return end if end >= day else datetime.date(day.year + 1, self.end_month, self.end_day)


def valid_window_day(month: int, day: int) -> bool:
    """A day that exists every year (so not 29.2.)."""
    if (month, day) == (2, 29):
        return False
    try:
        datetime.date(2001, month, day)
    except ValueError:
        return False
    return True
