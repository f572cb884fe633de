"""The right-of-access file in the Wagtail admin menu, for HR admins."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from privacy import admin_views
from privacy.permissions import user_can_export_person_data


@hooks.register("register_admin_urls")
def register_person_data_urls():
    return [path("henkilotiedot/", admin_views.person_data, name="privacy_person_data")]


class PersonDataMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_export_person_data(request.user)


@hooks.register("register_admin_menu_item")
def person_data_menu_item():
    return PersonDataMenuItem(
        _("Henkilön tiedot"), reverse("privacy_person_data"), icon_name="download", order=905
    )
