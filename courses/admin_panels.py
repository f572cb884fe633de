"""Editor panels of the course pages: what a course's approval will publish, each part
with a link that shows it as the learner will see it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class PendingPartsPanel(Panel):
    """On a course: its lessons and quizzes whose changes are not yet live. They go live
    with the course's one approval; the approver opens each from here."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Hyväksyttävät osat"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/pending_parts_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            lessons, quizzes = self.instance.pending_parts()
            quiz_lesson = {}
            rows = []
            for lesson in lessons:
                preview = reverse(
                    "wagtailadmin_pages:revisions_view", args=[lesson.pk, lesson.latest_revision_id]
                )
                draft = lesson.latest_revision.as_object()
                for quiz_id in draft.quiz_ids():
                    quiz_lesson.setdefault(quiz_id, preview)
                rows.append({"title": draft.title, "kind": _("oppitunti"), "url": preview})
            live_lessons = {
                quiz_id: lesson
                for lesson in self.instance.get_children().live().specific()
                for quiz_id in lesson.quiz_ids()
            }
            for quiz in quizzes:
                url = quiz_lesson.get(quiz.pk)
                if url is None and quiz.pk in live_lessons:
                    lesson = live_lessons[quiz.pk]
                    url = reverse(
                        "wagtailadmin_pages:revisions_view",
                        args=[lesson.pk, lesson.live_revision_id],
                    )
                rows.append(
                    {
                        "title": quiz.get_latest_revision_as_object().title,
                        "kind": _("tietovisa"),
                        "url": f"{url}#quiz-{quiz.pk}" if url else "",
                    }
                )
            context["rows"] = rows
            return context
