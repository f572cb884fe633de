"""Site content that is not a course: the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.selectors import home_cards_for


class HomePage(Page):
    """The front page: a welcome for everyone and, once signed in, what each of the
    user's roles can do."""

    intro = RichTextField(_("johdanto"), blank=True)
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("etusivu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cards"] = home_cards_for(request.user)
        return context
