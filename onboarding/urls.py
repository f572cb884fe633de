from django.urls import path

from onboarding import views

app_name = "onboarding"

urlpatterns = [
    path("perehdytys/<int:item_id>/valmis/", views.tick, name="tick"),
    path("tiimi/<str:employee_number>/perehdytys/lisaa/", views.add_item, name="add_item"),
]
