"""Quizzes in the admin: a snippet with drafts, revisions, locking and translations."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.choosers import restricted_chooser
from quizzes.models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Tietovisat")
    chooser_viewset_class = restricted_chooser()
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "pass_mark", "max_attempts", "live"]
    search_fields = ["title"]


register_snippet(QuizViewSet)
