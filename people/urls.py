from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("omat-tiedot/", views.profile, name="profile"),
    path("tiimi/", views.team, name="team"),
    path("tiimi/<str:employee_number>/", views.team_member, name="team_member"),
]
