"""Coordinators' front-end pages, usable on a phone: the overview of series, the
attendance checklist, inviting the target group, reports with CSV/XLSX export and
copying a series to the next half-year. Everyone else gets 404."""

import io
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from events import links, selectors, services
from events.coordination_selectors import invitation_status
from events.models import Session, SessionSeries
from events.permissions import user_is_coordinator
from reporting.filenames import export_filename
from reporting.spreadsheets import Percent, Rating, csv_download, write_xlsx


def coordinator_only(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not user_is_coordinator(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@coordinator_only
def overview(request):
    return render(request, "events/overview.html", {"series_list": selectors.series_list()})


@coordinator_only
def attendance(request, session_id: int):
    session = get_object_or_404(Session.objects.select_related("series"), pk=session_id)
    if request.method == "POST":
        attended = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        count = services.attendance_mark(
            session=session, attended_ids=attended, by_user=request.user
        )
        messages.success(
            request, _("Läsnäolot tallennettu: %(count)s paikalla.") % {"count": count}
        )
        return redirect("events:attendance", session_id=session.pk)
    slots = list(session.slots.select_related("organisation").order_by("sort_order"))
    return render(
        request,
        "events/attendance.html",
        {
            "session": session,
            "registrations": selectors.attendance_list(session=session),
            "invitations": invitation_status(session=session),
            "presenter_links": [(slot, links.presenter_url(slot)) for slot in slots],
        },
    )


@require_POST
@coordinator_only
def invite(request, session_id: int):
    session = get_object_or_404(Session, pk=session_id)
    try:
        services.invitations_start(session=session)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Kutsut lähtevät kohderyhmälle taustalla sähköpostina ja ilmoituksina."),
        )
    return redirect("events:attendance", session_id=session.pk)


HEADERS = (
    gettext_lazy("Tilaisuus"),
    gettext_lazy("Alkaa"),
    gettext_lazy("Kutsuttu"),
    gettext_lazy("Ilmoittautunut"),
    gettext_lazy("Osallistunut"),
    gettext_lazy("Palautetta antoi"),
    gettext_lazy("Hyödylliseksi kokeneet"),
    gettext_lazy("Arvosanan keskiarvo"),
    gettext_lazy("Esittäjät kokivat hyödylliseksi"),
)


def _export(report, export_format: str, name: str):
    """The report's rows, and the total row only when there is more than one session
    (as on the page), so a sum over the sheet counts each session once."""
    headers = [str(header) for header in HEADERS]
    figures = [*report.rows, report.total] if len(report.rows) > 1 else report.rows
    rows = [
        [
            row.label,
            row.starts_at,
            row.invited,
            row.registered,
            row.attended,
            Percent(row.feedback_rate),
            Percent(row.useful_share),
            Rating(row.mean_rating),
            Percent(row.presenters_useful_share),
        ]
        for row in figures
    ]
    if export_format == "xlsx":
        target = io.BytesIO()  # a report has a row per session: small
        write_xlsx(target, headers, rows, sheet_title=_("Raportti"))
        target.seek(0)
        return FileResponse(
            target, as_attachment=True, filename=export_filename(name=name, extension="xlsx")
        )
    return csv_download(headers, rows, filename=export_filename(name=name, extension="csv"))


def _report_page(request, report, *, name: str, context: dict):
    export_format = request.GET.get("muoto")
    if export_format in ("csv", "xlsx"):
        return _export(report, export_format, name)
    return render(request, "events/report.html", {"report": report, **context})


@require_POST
@coordinator_only
def send_presenter_links(request, session_id: int):
    session = get_object_or_404(Session, pk=session_id)
    try:
        sent = services.presenter_links_send(session_id=session.pk)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Linkki lähetettiin %(count)s toimijan yhteyshenkilölle.") % {"count": sent},
        )
    return redirect("events:attendance", session_id=session.pk)


@require_POST
@coordinator_only
def cancel_session(request, session_id: int):
    session = get_object_or_404(Session, pk=session_id)
    services.session_cancel(session_id=session.pk)
    messages.success(request, _("Tilaisuus on peruttu, ja ilmoittautuneille kerrotaan siitä."))
    return redirect("events:attendance", session_id=session.pk)


@coordinator_only
def session_report(request, session_id: int):
    session = get_object_or_404(Session.objects.select_related("series"), pk=session_id)
    report = selectors.session_report(session=session)
    return _report_page(
        request, report, name=f"{_('Tilaisuus')} {session.pk}", context={"session": session}
    )


@coordinator_only
def series_report(request, series_id: int):
    series = get_object_or_404(SessionSeries, pk=series_id)
    report = selectors.series_report(series=series)
    return _report_page(
        request, report, name=f"{_('Tilaisuussarja')} {series.pk}", context={"series": series}
    )


@require_POST
@coordinator_only
def copy_series(request, series_id: int):
    series = get_object_or_404(SessionSeries, pk=series_id)
    copy = services.series_copy_to_next_half_year(series_id=series.pk)
    messages.success(
        request,
        _("Sarja kopioitiin: %(series)s. Tarkista ajat ja esittäjät.") % {"series": copy},
    )
    return redirect("events:overview")
