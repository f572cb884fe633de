"""Who may see and take which course."""

from collections.abc import Sequence
from typing import Any

from django.db.models import CharField, IntegerField, Value

from courses.models import CoursePage, LessonPage, default_locale_id
from people.audience import fits_audience
from people.models import Employee
from people.selectors import employee_for_user
from people.types import AnyUser


def audience_of(
    courses: Sequence[CoursePage],
) -> tuple[dict[int, list[str]], dict[int, list[int]]]:
    """Audience unit paths and job-role ids per course: one query for any number."""
    unit_paths: dict[int, list[str]] = {course.pk: [] for course in courses}
    role_ids: dict[int, list[int]] = {course.pk: [] for course in courses}
    if not courses:
        return unit_paths, role_ids
    units = CoursePage.audience_units.through.objects.filter(coursepage__in=courses).values_list(
        "coursepage_id", "orgunit__path", Value(None, output_field=IntegerField())
    )
    job_roles = CoursePage.audience_job_roles.through.objects.filter(
        coursepage__in=courses
    ).values_list("coursepage_id", Value(None, output_field=CharField()), "jobrole_id")
    for course_id, path, role_id in units.union(job_roles, all=True):
        if path is not None:
            unit_paths[course_id].append(path)
        if role_id is not None:
            role_ids[course_id].append(role_id)
    return unit_paths, role_ids


def employee_in_audience(
    employee: Employee,
    course: CoursePage,
    unit_paths: list[str] | None = None,
    role_ids: list[int] | None = None,
) -> bool:
    """See people.audience. Pass the audience in to avoid a query per course in loops."""
    if unit_paths is None or role_ids is None:
        units_of, roles_of = audience_of([course])
        unit_paths, role_ids = units_of[course.pk], roles_of[course.pk]
    return fits_audience(employee, unit_paths, role_ids)


def user_can_view_course(
    user: AnyUser, course: CoursePage, audience: tuple[Any, Any] | None = None
) -> bool:
    """Signed-in employees in the course's audience, or enrolled in it (assigned to them).
    `audience`: the course's (unit paths, job-role ids) when the caller has read them."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    employee = employee_for_user(user)
    if employee is None and course.permissions_for_user(user).can_edit():
        return True  # a trainer without an employee record previews the course
    if employee is None or not course.live:
        return False
    unit_paths, role_ids = audience if audience is not None else (None, None)
    return (
        employee_in_audience(employee, course, unit_paths, role_ids)
        or course.enrolments.filter(employee=employee).exists()
    )


def user_can_view_lesson(user: AnyUser, lesson: LessonPage, place: Any) -> bool:
    """Whether `user` may open `lesson`: whether they may view its course. `place` is
    the lesson's place (courses.selectors.lesson_place), whose course carries its
    audience for a Finnish lesson; a translation's course is checked as the Finnish one."""
    if lesson.locale_id == default_locale_id():
        return user_can_view_course(user, place.course, audience=(place.unit_paths, place.role_ids))
    return user_can_view_course(user, place.course.canonical)
