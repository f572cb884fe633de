from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from golive import views
from golive.permissions import user_can_go_live

urlpatterns = ([path("", views.go_live, name="index")], "golive")


@hooks.register("register_admin_urls")
def register_go_live_urls():
    return [path("kayttoonotto/", include(urlpatterns))]


class GoLiveMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_go_live(request.user)


@hooks.register("register_admin_menu_item")
def register_go_live_menu_item():
    return GoLiveMenuItem(_("Käyttöönotto"), reverse("golive:index"), icon_name="tasks", order=890)
