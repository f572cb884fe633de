"""The phrase library in the Wagtail admin: phrases (drafts, revisions, locking,
translations and the four-eyes workflow), activities, glossary terms, and the
activity import."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    ConfirmWorkflowCancellationView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from admin_choosers import restricted_chooser
from phrases import admin_views
from phrases.models import Activity, GlossaryTerm, Phrase
from phrases.permissions import user_can_import_activities


class PhraseWorkflowCancellationView(PermissionCheckedMixin, ConfirmWorkflowCancellationView):
    # Wagtail 7.4 shows this step of a phrase's approval to any admin user.
    permission_required = "change"


class PhraseViewSet(SnippetViewSet):
    model = Phrase
    icon = "openquote"
    menu_label = _("Fraasit")
    chooser_viewset_class = restricted_chooser()
    confirm_workflow_cancellation_view_class = PhraseWorkflowCancellationView
    list_display = ["code", "title", "live", "locale"]
    search_fields = ["code", "title"]


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "group"
    menu_label = _("Hyte-toiminnat")
    chooser_viewset_class = restricted_chooser()
    list_display = ["name_fi", "organisation", "municipality", "active"]
    list_filter = ["active", "municipality"]
    search_fields = ["name_fi", "name_sv", "key"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Sanasto")
    chooser_viewset_class = restricted_chooser()
    list_display = ["term", "slug", "locale"]
    search_fields = ["term"]


class PhraseLibraryGroup(SnippetViewSetGroup):
    items = (PhraseViewSet, ActivityViewSet, GlossaryTermViewSet)
    menu_icon = "openquote"
    menu_label = _("Fraasikirjasto")
    menu_order = 310


register_snippet(PhraseLibraryGroup)

import_patterns = (
    [
        path("", admin_views.upload, name="upload"),
        path("esikatselu/", admin_views.preview, name="preview"),
        path("tallenna/", admin_views.confirm, name="confirm"),
    ],
    "phrases_import",
)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("toimintatuonti/", include(import_patterns))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import_activities(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Toimintojen tuonti"),
        reverse("phrases_import:upload"),
        icon_name="upload",
        order=910,
    )
