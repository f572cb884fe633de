"""Links in the Wagtail admin menu for the people who work there: the county report for
HR admins and hyte coordinators."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from supervision.permissions import user_can_view_county_report


class _PermittedMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_menu_item")
def county_report_menu_item():
    return _PermittedMenuItem(
        _("Aluetason raportti"),
        reverse("supervision:county"),
        icon_name="table",
        order=900,
        allowed=user_can_view_county_report,
    )
