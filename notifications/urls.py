from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("ilmoitukset/", views.notification_list, name="list"),
]
