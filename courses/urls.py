from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("opinnot/", views.my_learning, name="my_learning"),
    path("opinnot/ilmoittaudu/<int:course_id>/", views.enrol, name="enrol"),
    path(
        "opinnot/oppitunti/<int:lesson_id>/valmis/", views.lesson_complete, name="lesson_complete"
    ),
    path(
        "opinnot/oppitunti/<int:lesson_id>/tietovisa/<int:quiz_id>/",
        views.quiz_submit,
        name="quiz_submit",
    ),
    path(
        "opinnot/oppitunti/<int:lesson_id>/itsearvio/<uuid:block_id>/",
        views.self_assessment,
        name="self_assessment",
    ),
    path(
        "opinnot/oppitunti/<int:lesson_id>/paketti/<int:package_id>/",
        views.package_commit,
        name="package_commit",
    ),
    path("opinnot/suoritettu/<str:code>/", views.completed, name="completed"),
    path("opinnot/suoritettu/<str:code>/arvio/", views.rate, name="rate"),
    path("todistus/<str:code>/", views.certificate, name="certificate"),
]
