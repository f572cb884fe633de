from django.urls import path

from accounts import views
from accounts.oidc import CountyOIDCCallbackView, CountyOIDCRequestView, only_when_enabled

app_name = "accounts"

urlpatterns = [
    path(
        "kirjaudu/organisaatio/",
        only_when_enabled(CountyOIDCRequestView.as_view()),
        name="oidc_start",
    ),
    path(
        "kirjaudu/organisaatio/paluu/",
        only_when_enabled(CountyOIDCCallbackView.as_view()),
        name="oidc_callback",
    ),
    path("kirjaudu/ei-tunnusta/", views.oidc_unmatched, name="oidc_unmatched"),
    path("salasana/unohtui/", views.password_reset_request, name="password_reset"),
]
