from django.urls import path

from packages import views

app_name = "packages"

urlpatterns = [
    path("paketit/<int:package_id>/sisalto/<path:path>", views.content, name="content"),
    path("paketit/<int:package_id>/sisalto/", views.content, {"path": ""}, name="content_root"),
    path("paketit/<int:package_id>/h5p/", views.h5p_player, name="h5p_player"),
]
