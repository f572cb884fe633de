"""Who may open a snippet chooser in the admin, and what it lists.

Wagtail 7.4's snippet choosers answer every user with admin access and list drafts too
(`ChooserViewSet.permission_policy` is only used for the "create" tab), so a trainer
could read the title of a draft phrase. Here a chooser answers someone who may edit the
model, or who holds a role whose own forms link to it (`choosing_roles`); whoever may
not edit the model sees only its live objects. Every snippet viewset of ours uses
`chooser_viewset_class = restricted_chooser(...)`.

It stands below every app (it knows only Django and Wagtail), so the apps of any layer
can give their viewsets its chooser; a choosing role is a Django group of that name."""

import functools

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from wagtail.models import DraftStateMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

EDIT_ACTIONS = ("add", "change", "delete", "publish")


def user_can_edit_snippet_model(user, model) -> bool:
    return model.snippet_viewset.permission_policy.user_has_any_permission(user, EDIT_ACTIONS)


def user_can_choose_snippet(user, model, choosing_roles=()) -> bool:
    if not user.is_authenticated:
        return False
    if user_can_edit_snippet_model(user, model):
        return True
    return user.is_superuser or user.groups.filter(name__in=choosing_roles).exists()


def choosable_snippets(user, model):
    """The objects of `model` a chooser may list for `user`: drafts only to editors."""
    objects = model._default_manager.all()
    if issubclass(model, DraftStateMixin) and not user_can_edit_snippet_model(user, model):
        objects = objects.filter(live=True)
    return objects


class _Listed:
    def get_object_list(self):
        return choosable_snippets(self.request.user, self.model_class)


class _RestrictedChoose(_Listed, ChooseView):
    pass


class _RestrictedChooseResults(_Listed, ChooseResultsView):
    pass


class _RestrictedChosen(SnippetChosenView):
    def get_object(self, pk):
        try:
            return choosable_snippets(self.request.user, self.model_class).get(pk=pk)
        except (self.model_class.DoesNotExist, ValueError) as missing:
            raise Http404 from missing


class _RestrictedChosenMultiple(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable_snippets(self.request.user, self.model_class).filter(pk__in=pks)


def _text_when_shown(text: str, name) -> str:
    """Wagtail's `text % {"object": name}`, translated when shown rather than once."""
    return lazy(lambda: gettext(text) % {"object": name}, str)()


class LanguageAwareSnippetChooser(AdminSnippetChooser):
    """Wagtail builds a snippet's chooser widget once, when the admin starts, and formats
    its texts then, in the start-up language: "Valitse tilaisuussarja" showed in the
    English admin too. These texts are translated each time the widget is shown."""

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        name = model._meta.verbose_name
        self.choose_one_text = _text_when_shown("Choose %(object)s", name)
        self.choose_another_text = _text_when_shown("Choose another %(object)s", name)
        self.link_to_chosen_text = _text_when_shown("Edit this %(object)s", name)


def restricted_chooser(*choosing_roles: str) -> type[SnippetChooserViewSet]:
    """A chooser viewset that answers 403 to anyone who may neither edit the model nor
    holds one of `choosing_roles`."""

    class RestrictedSnippetChooserViewSet(SnippetChooserViewSet):
        roles = choosing_roles
        choose_view_class = _RestrictedChoose
        choose_results_view_class = _RestrictedChooseResults
        chosen_view_class = _RestrictedChosen
        chosen_multiple_view_class = _RestrictedChosenMultiple

        @cached_property
        def widget_class(self):
            return LanguageAwareSnippetChooser(model=self.model, icon=self.icon)

        def construct_view(self, view_class, **kwargs):
            view = super().construct_view(view_class, **kwargs)
            model = self.model

            def checked(request, *args, **kwargs):
                if not user_can_choose_snippet(request.user, model, choosing_roles):
                    raise PermissionDenied
                return view(request, *args, **kwargs)

            return functools.update_wrapper(checked, view)

    return RestrictedSnippetChooserViewSet
