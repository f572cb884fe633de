from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from people import views as people_views
from people.forms import SignInForm

urlpatterns = [
    path(
        "kirjaudu/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "salasana/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url="/salasana/valmis/"),
        name="password_reset_confirm",
    ),
    path(
        "salasana/valmis/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("kieli/", people_views.set_language, name="set_language"),
    path("", include("people.urls")),
    path("", include("courses.urls")),
    path("", include("onboarding.urls")),
    path("", include("notifications.urls")),
    path("", include("events.urls")),
    path("", include("phrases.urls")),
    path("", include("supervision.urls")),
    path("", include("statements.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
