"""Onboarding templates in the admin; saving one carries its new items to open checklists."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from admin_choosers import restricted_chooser
from intents.services import intent_record
from onboarding.models import ChecklistTemplate


class ChecklistTemplateViewSet(SnippetViewSet):
    model = ChecklistTemplate
    icon = "list-ul"
    menu_label = _("Perehdytyspohjat")
    chooser_viewset_class = restricted_chooser()
    menu_order = 850
    add_to_admin_menu = True
    list_display = ["name", "active"]
    search_fields = ["name"]


register_snippet(ChecklistTemplateViewSet)


def _propagate(request, instance):
    if isinstance(instance, ChecklistTemplate):
        intent_record("onboarding.propagate_template", instance.pk)


hooks.register("after_create_snippet", _propagate)
hooks.register("after_edit_snippet", _propagate)
