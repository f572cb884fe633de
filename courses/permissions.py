"""Who may see and take which course."""

from courses.models import CoursePage
from people.models import Employee
from people.selectors import employee_for_user


def employee_in_audience(
    employee: Employee, course: CoursePage, unit_paths=None, role_ids=None
) -> bool:
    """No audience set = everyone. Units include their sub-units; when both units and
    job roles are set, both must fit. Pass the audience in to avoid queries in loops."""
    if unit_paths is None:
        unit_paths = list(course.audience_units.values_list("path", flat=True))
    if role_ids is None:
        role_ids = list(course.audience_job_roles.values_list("pk", flat=True))
    if unit_paths and not any(employee.unit.path.startswith(path) for path in unit_paths):
        return False
    return not role_ids or employee.job_role_id in role_ids


def user_can_view_course(user, course: CoursePage) -> bool:
    """Signed-in employees in the course's audience, or enrolled in it (assigned to them)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    employee = employee_for_user(user)
    if employee is None and course.permissions_for_user(user).can_edit():
        return True  # a trainer without an employee record previews the course
    if employee is None or not course.live:
        return False
    return (
        employee_in_audience(employee, course)
        or course.enrolments.filter(employee=employee).exists()
    )
