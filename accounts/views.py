"""Sign-in and sign-out pages, the page for people the identity provider knows but HR's
import does not, the password-reset request, and the 500 page in the site layout."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.oidc import UNMATCHED_SESSION_KEY, oidc_enabled, provider_logout_url
from people.forms import SignInForm


class SignInView(auth_views.LoginView):
    """The sign-in page: the organisation's sign-in button when OIDC is on, the
    password form while local passwords are allowed.

    A signed-in person sent here with `next` was refused by the page they came from
    (Wagtail's admin sends people without admin rights here): they get the 403 page,
    instead of a loop between that page and this one."""

    template_name = "registration/login.html"
    authentication_form = SignInForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if self.redirect_field_name in request.GET:
                raise PermissionDenied
            return HttpResponseRedirect(self.get_default_redirect_url())
        if request.method == "POST" and not settings.LOCAL_PASSWORD_LOGIN:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = oidc_enabled()
        context["local_password_login"] = settings.LOCAL_PASSWORD_LOGIN
        return context


class SignOutView(auth_views.LogoutView):
    """Sign-out by POST only: ends the server session, then the provider's session when
    the person signed in through it. Also serves the admin's sign-out address."""

    def post(self, request, *args, **kwargs):
        target = provider_logout_url(request)
        auth_logout(request)
        return HttpResponseRedirect(target)


def oidc_unmatched(request):
    """The provider signed the person in, but no active imported employee matches."""
    unmatched = request.session.pop(UNMATCHED_SESSION_KEY, False)
    return render(
        request,
        "accounts/oidc_unmatched.html",
        {"unmatched": unmatched, "contact": settings.OIDC_UNMATCHED_CONTACT},
        status=403,
    )


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Työsähköposti"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


@require_http_methods(["GET", "POST"])
def password_reset_request(request):
    if not settings.LOCAL_PASSWORD_LOGIN:
        raise Http404
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted = services.password_reset_request(
            email=form.cleaned_data["email"],
            ip_address=request.META.get("REMOTE_ADDR") or "0.0.0.0",  # noqa: S104
            language=get_language(),
        )
        if not accepted:
            return render(request, "accounts/password_reset_limited.html", status=429)
        return render(request, "accounts/password_reset_sent.html")
    return render(request, "accounts/password_reset_request.html", {"form": form})


def server_error(request, template_name="500.html"):
    """The 500 page in the site layout and the person's language; a plain page when the
    layout itself cannot be drawn (the database may be what failed)."""
    try:
        return render(request, template_name, status=500)
    except Exception:  # noqa: BLE001 - anything here must still answer 500
        return HttpResponse(loader.get_template("500_plain.html").render(), status=500)
