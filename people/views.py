"""Views for employees: their own details and the interface language. A supervisor's
pages about their team are in supervision.views."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from people import services
from people.forms import LanguageForm
from people.models import Employee
from people.selectors import employee_for_user


@require_POST
def set_language(request):
    """Switch the interface language: saved to the profile when signed in, and to a
    cookie for the sign-in page."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        employee = employee_for_user(request.user)
        if employee is not None:
            services.employee_set_language(employee=employee, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response


@login_required
def profile(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    employee = Employee.objects.select_related("unit", "job_role", "supervisor__user").get(
        pk=employee.pk
    )
    return render(request, "people/profile.html", {"employee": employee})
