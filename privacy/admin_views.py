"""The right-of-access file in the Wagtail admin: HR names a person by employee number
and downloads their data as XLSX or JSON."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from people.models import Employee
from privacy import services
from privacy.permissions import user_can_export_person_data


class PersonDataForm(forms.Form):
    employee_number = forms.CharField(label=_("Henkilönumero"), max_length=32)
    file_format = forms.ChoiceField(
        label=_("Muoto"),
        choices=[("xlsx", _("XLSX (taulukko luettavaksi)")), ("json", _("JSON (koneluettava)"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )

    def clean_employee_number(self):
        number = "".join(c for c in self.cleaned_data["employee_number"] if c.isprintable())
        employee = Employee.objects.select_related("user").filter(employee_number=number.strip())
        found = employee.first()
        if found is None:
            raise forms.ValidationError(_("Tällä henkilönumerolla ei löydy ketään."))
        self.employee = found
        return number


def person_data(request):
    if not user_can_export_person_data(request.user):
        raise PermissionDenied
    form = PersonDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        content, name, content_type = services.person_data_export(
            actor=request.user,
            employee=form.employee,
            file_format=form.cleaned_data["file_format"],
        )
        disposition = content_disposition_header(as_attachment=True, filename=name)
        return HttpResponse(
            content,
            content_type=content_type,
            headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
        )
    return render(request, "privacy/person_data.html", {"form": form})
