"""Onboarding templates in the admin; saving one carries its new items to open checklists."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.choosers import restricted_chooser
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
        from tasks.onboarding import propagate_template

        template_id = instance.pk
        transaction.on_commit(lambda: propagate_template.delay(template_id))


hooks.register("after_create_snippet", _propagate)
hooks.register("after_edit_snippet", _propagate)
