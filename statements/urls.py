from django.urls import path

from statements import views

app_name = "statements"

urlpatterns = [
    path("tietosuoja/", views.privacy_notice, name="privacy"),
    path("saavutettavuus/", views.accessibility_statement, name="accessibility"),
    path("saavutettavuus/palautteet/", views.feedback_list, name="feedback_list"),
    path(
        "saavutettavuus/palautteet/<int:feedback_id>/vastattu/",
        views.feedback_answered,
        name="feedback_answered",
    ),
]
