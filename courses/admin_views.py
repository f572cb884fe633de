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


def material_change(request, page_id: int):
    """Mark the course's published revision a material change: a confirmation page
    naming the revision, how many completions become to renew and when they are due,
    with the earlier marks; posting it marks (once per revision)."""
    import datetime

    from django.conf import settings
    from django.contrib import messages
    from django.db.models import Q
    from django.shortcuts import redirect
    from django.utils import timezone
    from django.utils.translation import gettext

    from courses.models import CourseCompletion, CourseMaterialChange
    from courses.services import course_mark_material_change

    course = get_object_or_404(CoursePage, pk=page_id).canonical
    if not course.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST" and course.live:
        change = course_mark_material_change(course=course, actor=request.user)
        messages.success(
            request,
            gettext("Merkitty olennaiseksi muutokseksi: %(count)s suoritusta on uusittava.")
            % {"count": change.completions_affected},
        )
        return redirect("course_material_change", page_id=course.pk)
    now = timezone.now()
    grace = course.grace_days if course.grace_days is not None else settings.COURSE_GRACE_DAYS
    return render(
        request,
        "courses/admin/material_change.html",
        {
            "course": course,
            "revision": course.live_revision,
            "already_marked": CourseMaterialChange.objects.filter(
                course=course, revision_id=course.live_revision_id
            ).exists(),
            "affected": CourseCompletion.objects.filter(course=course, completed_at__lt=now)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
            .count(),
            "due": timezone.localdate() + datetime.timedelta(days=grace),
            "changes": CourseMaterialChange.objects.filter(course=course).select_related(
                "revision"
            ),
        },
    )
