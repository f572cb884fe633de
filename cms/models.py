"""Site content that is not a course: the home page."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import AbstractGroupApprovalTask, Locale, Page

from cms.selectors import home_cards_for, home_checklist_for, home_learning_for
from courses.selectors import routed_lesson

# Home → catalogue → course → lesson.
LESSON_DEPTH_BELOW_HOME = 3


class HomePage(Page):
    """The front page: a welcome for everyone and, once signed in, what each of the
    user's roles can do."""

    intro = RichTextField(_("johdanto"), blank=True)
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("etusivu")

    @cached_property
    def local_intro(self) -> str:
        """The introduction of the home page's translation in the active language (the
        home page, like every page, is translated as a page: *Translate* in the admin)."""
        return self.localized.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cards"] = home_cards_for(request.user)
        context.update(home_checklist_for(request.user))
        context.update(home_learning_for(request.user))
        return context

    def route(self, request, path_components):
        """Find a page below the home page by its full path in one query, instead of
        Wagtail's two queries per level (a lesson is four levels down). Anything not
        found this way (e.g. a routable page's sub-route) takes Wagtail's own path."""
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = None
            if len(path_components) == LESSON_DEPTH_BELOW_HOME:
                # Lessons are the pages most read: one query as the specific type
                # instead of two (ids and types, then the specific rows).
                # With whether a view restriction may apply, in the same query.
                page = routed_lesson(url_path=url_path, locale_id=self.locale_id)
            if page is None:
                page = (
                    Page.objects.filter(url_path=url_path, locale_id=self.locale_id)
                    .specific()
                    .first()
                )
            if page is not None:
                return page.route(request, [])
            # A course or lesson not (yet) translated into this home page's language is
            # shown in Finnish, never answered with 404.
            default = Locale.get_default()
            if self.locale_id != default.pk:
                finnish = self.get_translations().filter(locale=default).specific().first()
                if finnish is not None:
                    return finnish.route(request, path_components)
        return super().route(request, path_components)


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups who is neither the person who
    submitted the content nor the one who last edited it, nor the last editor of a part
    that goes live with it (a quiz of a lesson).

    Wagtail's own group approval lets a group member approve their own submission;
    courses and phrases need a second person.
    """

    class Meta:
        verbose_name = _("neljän silmän hyväksyntä")
        verbose_name_plural = _("neljän silmän hyväksynnät")

    @staticmethod
    def _authors(obj) -> set[int]:
        authors = set()
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and state.requested_by_id:
            authors.add(state.requested_by_id)
        latest = getattr(obj, "latest_revision", None)
        if latest is not None and latest.user_id:
            authors.add(latest.user_id)
        # Parts that go live with the content (a lesson's quizzes): their last editors.
        part_authors = getattr(getattr(obj, "specific", obj), "pending_part_authors", None)
        if part_authors is not None:
            authors |= part_authors()
        return authors

    def user_is_author(self, obj, user) -> bool:
        return user.pk in self._authors(obj)

    def get_actions(self, obj, user):
        if self.user_is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.user_is_author(
            task_state.revision.content_object, user
        ):
            raise PermissionDenied(
                _("Et voi hyväksyä omaa muutostasi: hyväksyjän on oltava toinen henkilö.")
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Ryhmän jäsen, joka ei itse tehnyt muutosta, hyväksyy sen.")
