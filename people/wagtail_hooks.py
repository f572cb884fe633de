"""Admin registrations of the people app: the HR import and the people listings."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people import admin_views, org_admin_views
from people.permissions import user_can_import_employees, user_can_import_org_units
from people.viewsets import people_viewset_group

import_patterns = (
    [
        path("", admin_views.upload, name="upload"),
        path("<int:run_id>/", admin_views.preview, name="preview"),
        path("<int:run_id>/tallenna/", admin_views.confirm, name="confirm"),
    ],
    "people_import",
)


org_import_patterns = (
    [
        path("", org_admin_views.upload, name="upload"),
        path("<int:run_id>/", org_admin_views.preview, name="preview"),
        path("<int:run_id>/tallenna/", org_admin_views.confirm, name="confirm"),
    ],
    "org_import",
)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("henkilostotuonti/", include(import_patterns)),
        path("organisaatiotuonti/", include(org_import_patterns)),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import_employees(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Henkilöstön tuonti"), reverse("people_import:upload"), icon_name="upload", order=900
    )


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return people_viewset_group


class OrgImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import_org_units(request.user)


@hooks.register("register_admin_menu_item")
def register_org_import_menu_item():
    return OrgImportMenuItem(
        _("Organisaatiopuun tuonti"), reverse("org_import:upload"), icon_name="upload", order=899
    )
