from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from cms import routing as cms_routing
from people import views as people_views

urlpatterns = [
    path("kirjaudu/", accounts_views.SignInView.as_view(), name="login"),
    path("kirjaudu-ulos/", accounts_views.SignOutView.as_view(), name="logout"),
    # The admin's own sign-out would leave the server session valid on GET.
    path("admin/logout/", accounts_views.SignOutView.as_view(), name="admin_logout"),
    # One sign-in page (lockouts, OIDC) for the admin too.
    path("admin/login/", accounts_views.SignInView.as_view(), name="admin_login"),
    path("", include("accounts.urls")),
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
    path("", include("packages.urls")),
    path("", include("onboarding.urls")),
    path("", include("notifications.urls")),
    path("", include("events.urls")),
    path("", include("phrases.urls")),
    path("", include("supervision.urls")),
    path("", include("hyte.urls")),
    path("", include("audit.urls")),
    path("", include("statements.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

handler500 = "accounts.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's own URLs, its page view wrapped: the site and the route are found first in
# compiled queries (cms/routing.py). The pattern is Wagtail's.
urlpatterns += [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
urlpatterns.append(re_path(wagtail_urls.serve_pattern, cms_routing.serve, name="wagtail_serve"))
