"""The coordinators' admin: networks, series and sessions (with presenter slots) as
snippets grouped under one menu. Attendance, invitations, reports and copying a series
are front-end pages (`events/views_coordinator.py`) so they work on a phone."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from admin_choosers import restricted_chooser
from events import services
from events.forms import SessionAdminForm
from events.models import Network, Session, SessionSeries
from people import roles


class SessionEditView(EditView):
    def save_instance(self):
        time_changed = bool({"starts_at", "duration_minutes"} & set(self.form.changed_data))
        instance = super().save_instance()
        if time_changed:
            # Registered people are told and their calendar files get a new SEQUENCE.
            services.session_time_changed(session=instance)
        return instance


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = _("Verkostot")
    chooser_viewset_class = restricted_chooser()
    list_display = ["name"]
    search_fields = ["name"]


class SessionSeriesViewSet(SnippetViewSet):
    model = SessionSeries
    icon = "date"
    menu_label = _("Tilaisuussarjat")
    # Course pages (trainers) and onboarding templates (HR) link to a series.
    chooser_viewset_class = restricted_chooser(roles.TRAINER, roles.HR_ADMIN)
    list_display = ["title", "half_year_start"]
    search_fields = ["title"]


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "calendar"
    menu_label = _("Tilaisuudet")
    chooser_viewset_class = restricted_chooser()
    list_display = ["title", "series", "starts_at", "format", "capacity"]
    list_filter = ["series", "format"]
    search_fields = ["title"]
    edit_view_class = SessionEditView
    edit_handler = ObjectList(Session.panels, base_form_class=SessionAdminForm)


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Esittäytymistilaisuudet")
    menu_icon = "calendar"
    menu_order = 700
    items = (SessionSeriesViewSet, SessionViewSet, NetworkViewSet)
