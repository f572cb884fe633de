"""The audit log in the Wagtail admin menu, for those who may read it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from audit.permissions import user_can_read_audit_log


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_read_audit_log(request.user)


@hooks.register("register_admin_menu_item")
def audit_log_menu_item():
    return AuditLogMenuItem(_("Lokitiedot"), reverse("audit:log"), icon_name="history", order=910)
