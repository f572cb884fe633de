from django.urls import path

from phrases import views

app_name = "phrases"

urlpatterns = [
    path("fraasit/", views.library, name="library"),
    path("fraasit/tulokset/", views.library_results, name="results"),
    path("fraasit/hyte-kortti/", views.hyte_card_page, name="hyte_card"),
    path("fraasit/<str:code>/", views.phrase_detail, name="phrase"),
    path("fraasit/<str:code>/kopioitu/", views.phrase_copied, name="copied"),
    path("fraasit/<str:code>/suosikki/", views.phrase_favourite, name="favourite"),
    path("sanasto/", views.glossary, name="glossary"),
]
