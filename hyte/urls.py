from django.urls import path

from hyte import views

app_name = "hyte"

urlpatterns = [
    path("seuranta/hyte/", views.picture, name="picture"),
    path("seuranta/hyte/vienti.<str:file_format>", views.export, name="export"),
    path("seuranta/hyte/paivita/", views.refresh, name="refresh"),
    path("seuranta/hyte/yksikko/<int:unit_id>/koulutus/", views.assign, name="assign"),
]
