"""Admin listings for HR: employees, organisation units and job roles."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from people.admin_forms import OrgUnitForm
from people.models import Employee, JobRole, OrgUnit


class EmployeeViewSet(ModelViewSet):
    model = Employee
    url_prefix = "people/employees"
    url_namespace = "people_employees"
    icon = "user"
    menu_label = _("Työntekijät")
    list_display = [
        "employee_number",
        Column("full_name", label=_("Nimi")),
        "unit",
        "job_role",
        "supervisor",
        "active",
    ]
    list_filter = ["active", "language", "job_role"]
    search_fields = ["employee_number", "user__first_name", "user__last_name", "user__email"]
    # HR's file is the source of truth for employees: the admin shows them, the import
    # changes them, so a hand edit cannot be silently undone by the next import.
    form_fields = ["preferred_language"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Employee.objects.select_related("user", "unit", "job_role", "supervisor__user")


class OrgUnitViewSet(ModelViewSet):
    """HR keeps the tree here: create a unit under a parent, rename it in three
    languages, move it, set its managers, close it (never delete: history stays)."""

    model = OrgUnit
    url_prefix = "people/units"
    url_namespace = "people_units"
    icon = "site"
    menu_label = _("Organisaatio")
    list_display = ["code", Column("name", label=_("Nimi")), "kind", "closed_on"]
    list_filter = ["kind"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    form_fields = OrgUnitForm.Meta.fields
    ordering = ["path"]

    def get_form_class(self, for_update=False):
        return OrgUnitForm


class JobRoleViewSet(ModelViewSet):
    model = JobRole
    url_prefix = "people/job-roles"
    url_namespace = "people_job_roles"
    icon = "tag"
    menu_label = _("Tehtävänimikkeet")
    list_display = ["code", Column("name", label=_("Nimi"))]
    search_fields = ["code", "name_fi"]
    form_fields = ["code", "name_fi", "name_sv", "name_en"]


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = _("Henkilöstö")
    menu_icon = "group"
    menu_order = 800
    items = (EmployeeViewSet, OrgUnitViewSet, JobRoleViewSet)


people_viewset_group = PeopleViewSetGroup()
