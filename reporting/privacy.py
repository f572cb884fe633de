"""Reports never show a figure about a group of fewer than MIN_GROUP_SIZE people: with
fewer, one person's answers could be worked out."""

from typing import TypeVar

MIN_GROUP_SIZE = 5

T = TypeVar("T")


def is_reportable(group_size: int | None) -> bool:
    return group_size is not None and group_size >= MIN_GROUP_SIZE


def suppress_small(value: T, group_size: int | None) -> T | None:
    """The value when the group is large enough to show, else None (shown as "–")."""
    return value if is_reportable(group_size) else None
