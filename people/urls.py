from django.urls import path

from people import views
from supervision import views as supervision_views

app_name = "people"

urlpatterns = [
    path("omat-tiedot/", views.profile, name="profile"),
    # The team dashboard belongs to the supervision app.
    path("tiimi/", supervision_views.dashboard, name="team"),
    path("tiimi/<str:employee_number>/", views.team_member, name="team_member"),
]
