"""Admin registrations of the courses app: the statistics page and its button."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from courses import admin_views
from courses.models import CoursePage


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [
        path(
            "koulutukset/<int:page_id>/tilastot/", admin_views.statistics, name="course_statistics"
        )
    ]


@hooks.register("register_page_header_buttons")
def statistics_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, CoursePage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Tilastot"),
            reverse("course_statistics", args=[page.pk]),
            icon_name="table",
            priority=90,
        )


@hooks.register("before_move_page")
def refuse_move_without_permission(request, page_to_move, destination):
    # Wagtail 7.4 checks the permission only when the move is posted; its confirmation
    # page would otherwise show any admin user the page and its new place.
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
