from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ptv import views
from ptv.permissions import user_can_sync_ptv

urlpatterns = ([path("", views.sync_page, name="index")], "ptv")


@hooks.register("register_admin_urls")
def register_ptv_urls():
    return [path("ptv/", include(urlpatterns))]


class PtvMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_sync_ptv(request.user)


@hooks.register("register_admin_menu_item")
def register_ptv_menu_item():
    return PtvMenuItem(_("Palvelutietovaranto"), reverse("ptv:index"), icon_name="globe", order=880)
