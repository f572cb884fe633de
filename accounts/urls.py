from django.urls import path

from accounts import views
from accounts.oidc import CountyOIDCCallbackView, CountyOIDCRequestView

app_name = "accounts"

urlpatterns = [
    path("kirjaudu/organisaatio/", CountyOIDCRequestView.as_view(), name="oidc_start"),
    path("kirjaudu/organisaatio/paluu/", CountyOIDCCallbackView.as_view(), name="oidc_callback"),
    path("kirjaudu/ei-tunnusta/", views.oidc_unmatched, name="oidc_unmatched"),
    path("salasana/unohtui/", views.password_reset_request, name="password_reset"),
]
