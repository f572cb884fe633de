"""An admin panel that tells, before saving, how many open checklists a template's
new items would reach."""

from django.conf import settings
from wagtail.admin.panels import Panel


class PropagationNoticePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "onboarding/admin/propagation_notice.html"

        def get_context_data(self, parent_context=None):
            from onboarding.services import open_checklists_reached_by

            context = super().get_context_data(parent_context)
            instance = self.instance
            context["reached"] = len(open_checklists_reached_by(instance)) if instance.pk else None
            context["days"] = settings.ONBOARDING_PROPAGATE_DAYS
            return context
