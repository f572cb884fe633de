"""Course statistics in the admin, for those who may edit the course."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from courses.models import CoursePage
from courses.statistics import course_statistics


def statistics(request, page_id: int):
    course = get_object_or_404(CoursePage, pk=page_id)
    if not course.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return render(request, "courses/admin/statistics.html", course_statistics(course))
