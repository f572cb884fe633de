from django.urls import path

from people import views

app_name = "people"

# People's own pages. A supervisor's pages about their team (/tiimi/) live in supervision.
urlpatterns = [
    path("omat-tiedot/", views.profile, name="profile"),
]
