"""Ticking checklist items, and a supervisor's extra item for one person."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from onboarding import services
from onboarding.models import ChecklistItem
from people.models import Employee
from people.selectors import employee_for_user, employee_is_report_of
from people.validators import validate_single_line


def _back(request, fallback: str):
    target = request.POST.get("next") or fallback
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = fallback
    return redirect(target)


@require_POST
@login_required
def tick(request, item_id: int):
    item = get_object_or_404(
        ChecklistItem.objects.select_related("checklist__employee"), pk=item_id
    )
    if not services.user_can_tick(request.user, item):
        if item.checklist.employee.user_id != request.user.pk:
            raise Http404  # someone else's checklist answers 404, as other records do
        messages.error(
            request,
            _(
                "Tämän kohdan kuittaa esihenkilö, tai se merkitään tehdyksi "
                "koulutuksen suorituksesta."
            ),
        )
        return _back(request, "/")
    services.checklist_item_tick(item_id=item.pk, user=request.user)
    messages.success(request, _("Merkitty tehdyksi: %(title)s") % {"title": item.local_title})
    return _back(request, "/")


class ExtraItemForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Tehtävän otsikko"), max_length=200, validators=[validate_single_line]
    )
    description = forms.CharField(
        label=gettext_lazy("Ohje"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_date = forms.DateField(
        label=gettext_lazy("Määräpäivä"),
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=datetime.date.today,
    )


@require_POST
@login_required
def add_item(request, employee_number: str):
    employee = get_object_or_404(Employee, employee_number=employee_number)
    own = employee_for_user(request.user)
    if (
        own is None
        or own.pk == employee.pk
        or not employee_is_report_of(employee=employee, supervisor=own)
    ):
        raise Http404
    form = ExtraItemForm(request.POST)
    if form.is_valid():
        services.checklist_item_add(employee=employee, added_by=request.user, **form.cleaned_data)
        messages.success(request, _("Tehtävä lisätty perehdytyslistaan."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(
                    request,
                    _("Tehtävää ei lisätty: %(field)s: %(error)s")
                    % {"field": label, "error": error},
                )
    return redirect("supervision:team_member", employee_number=employee.employee_number)
