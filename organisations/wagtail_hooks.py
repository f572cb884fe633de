"""Organisations are edited in the Wagtail admin as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from admin_choosers import restricted_chooser
from organisations.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Toimijat")
    # Activities (phrase editors) and presenter slots (coordinators) link to one.
    # Group names of people.roles, written out: the ground apps do not import each other
    # (tests/test_admin_choosers.py checks these names are roles).
    chooser_viewset_class = restricted_chooser("phrase_editor", "hyte_coordinator")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "contact_name"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "municipality"]


register_snippet(OrganisationViewSet)
