"""Admin registrations of the courses app: the statistics page, marking a material
change, and their buttons."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from courses import admin_views
from courses.models import CoursePage, LessonPage


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [
        path(
            "koulutukset/<int:page_id>/tilastot/", admin_views.statistics, name="course_statistics"
        ),
        path(
            "koulutukset/<int:page_id>/olennainen-muutos/",
            admin_views.material_change,
            name="course_material_change",
        ),
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
        yield Button(
            _("Olennainen muutos"),
            reverse("course_material_change", args=[page.pk]),
            icon_name="warning",
            priority=91,
        )


@hooks.register("before_move_page")
def refuse_move_without_permission(request, page_to_move, destination):
    # Wagtail 7.4 checks the permission only when the move is posted; its confirmation
    # page would otherwise show any admin user the page and its new place.
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


def _is_lesson_form(context) -> bool:
    page = context.get("page")
    if page is not None and page.pk is not None:
        return isinstance(page.specific_deferred, LessonPage)
    parent = context.get("parent_page")
    return parent is not None and isinstance(parent.specific_deferred, CoursePage)


@hooks.register("construct_page_action_menu")
def lessons_go_live_with_their_course(menu_items, request, context):
    """A lesson is not submitted on its own: the course's submission carries it."""
    if _is_lesson_form(context):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]


@hooks.register("before_create_page")
def lesson_created_as_draft(request, parent_page, page_class):
    # A new lesson's "submit" (a hand-made post) is saved as a draft: the course's
    # submission carries it (Wagtail would start the course's workflow on the lesson).
    if request.method == "POST" and issubclass(page_class, LessonPage):
        request.POST = request.POST.copy()
        request.POST.pop("action-submit", None)


@hooks.register("insert_editor_js")
def minimap_keyboard_js():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html(
        '<script src="{}" data-label="{}"></script>',
        static("courses/minimap_keyboard.js"),
        _("Sisällön yleiskuva"),
    )
