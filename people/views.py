"""Views for employees and supervisors: own details, language, the team."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from audit.services import record_person_viewed
from people import services
from people.forms import LanguageForm
from people.models import Employee
from people.permissions import user_can_view_employee, user_can_view_team
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


@login_required
def team_member(request, employee_number: str):
    employee = get_object_or_404(
        Employee.objects.select_related("user", "unit", "job_role", "supervisor__user"),
        employee_number=employee_number,
    )
    # Someone else's record answers 404, not 403: it does not confirm the person exists.
    if not user_can_view_employee(request.user, employee):
        raise Http404
    if employee.user_id != request.user.pk:
        record_person_viewed(actor=request.user, employee=employee)
    from onboarding.selectors import checklist_for, checklist_progress
    from onboarding.views import ExtraItemForm

    views = checklist_for(employee=employee, viewer=request.user)
    may_add = employee.user_id != request.user.pk and user_can_view_team(request.user)
    return render(
        request,
        "people/team_member.html",
        {
            "employee": employee,
            "checklist": views,
            "progress": checklist_progress(views),
            "extra_item_form": ExtraItemForm() if may_add else None,
        },
    )
