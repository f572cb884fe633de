"""Quizzes in the admin: a snippet with drafts, revisions, locking and translations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from admin_choosers import restricted_chooser
from quizzes.forms import QuizForm
from quizzes.models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Tietovisat")
    chooser_viewset_class = restricted_chooser()
    menu_order = 300
    # Written in their lessons (courses.blocks.QuizBlock): no menu entry of their own.
    add_to_admin_menu = False
    list_display = ["title", "pass_mark", "max_attempts", "live"]
    search_fields = ["title"]
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizForm)


register_snippet(QuizViewSet)
