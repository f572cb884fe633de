"""The admin form of an organisation unit: the tree's place (parent), the managers by
employee number, and closing, through the rules of people.org_tree."""

from django import forms
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from people import org_tree
from people.models import Employee, OrgUnit


class OrgUnitForm(WagtailAdminModelForm):
    parent = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        required=False,
        label=capfirst(_("yläyksikkö")),
        help_text=_("Tyhjä = ylin taso. Suljetun yksikön alle ei voi lisätä yksiköitä."),
    )
    manager_numbers = forms.CharField(
        required=False,
        label=capfirst(_("yksikön esihenkilöt (henkilönumerot)")),
        help_text=_(
            "Henkilönumerot pilkuin eroteltuina. Esihenkilöt näkevät kaikki tämän yksikön "
            "ja sen alayksiköiden työntekijät."
        ),
    )

    class Meta:
        model = OrgUnit
        fields = ["code", "name_fi", "name_sv", "name_en", "kind", "closed_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = OrgUnit.objects.filter(closed_on__isnull=True).order_by("path")
        unit = self.instance
        if unit.pk:
            parents = parents.exclude(path__startswith=unit.path)
            self.fields["parent"].initial = unit.get_parent()
            self.fields["manager_numbers"].initial = ", ".join(
                unit.managers.order_by("employee_number").values_list("employee_number", flat=True)
            )
        self.fields["parent"].queryset = parents
        self.was_closed = unit.pk is not None and unit.closed_on is not None
        self.order_fields(
            ["code", "name_fi", "name_sv", "name_en", "kind", "parent", "manager_numbers"]
        )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        clash = OrgUnit.objects.filter(code__iexact=code).exclude(pk=self.instance.pk).first()
        if clash is not None:
            # Codes are compared without regard to case, as in the imports.
            raise forms.ValidationError(
                _("Yksikkökoodi %(code)s on jo käytössä.") % {"code": clash.code}
            )
        return code

    def clean_manager_numbers(self):
        text = self.cleaned_data.get("manager_numbers", "")
        numbers = sorted({n for n in text.replace(";", ",").replace(" ", ",").split(",") if n})
        found = {
            employee.employee_number: employee
            for employee in Employee.objects.filter(employee_number__in=numbers)
        }
        unknown = [number for number in numbers if number not in found]
        if unknown:
            raise forms.ValidationError(
                _("Henkilönumeroita ei löydy: %(numbers)s.") % {"numbers": ", ".join(unknown)}
            )
        return list(found.values())

    def clean(self):
        cleaned = super().clean()
        unit = self.instance
        try:
            org_tree.check_parent(unit if unit.pk else None, cleaned.get("parent"))
        except org_tree.OrgTreeError as error:
            self.add_error("parent", str(error))
        if cleaned.get("closed_on") and unit.pk and not self.was_closed:
            try:
                org_tree.check_can_close(unit)
            except org_tree.OrgTreeError as error:
                self.add_error("closed_on", str(error))
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        unit = self.instance
        parent = self.cleaned_data.get("parent")
        if unit.pk is None:
            unit = org_tree.org_unit_create(unit=unit, parent=parent)
        else:
            unit.save()
            unit = org_tree.org_unit_move(unit=unit, parent=parent)
        unit.managers.set(self.cleaned_data.get("manager_numbers", []))
        self.instance = unit
        return unit
