from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("ilmoitukset/", views.notification_list, name="list"),
    path("ilmoitukset/viikkokooste/", views.digest_switch, name="digest_switch"),
    path(
        "ilmoitukset/viikkokooste/lopeta/<str:token>/",
        views.digest_unsubscribe,
        name="digest_unsubscribe",
    ),
]
