"""The county's hyte picture for HR admins and hyte coordinators: thin views over
hyte.selectors (reads of the kept totals) and hyte.services (assigning a course)."""

import datetime
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record as audit_record
from courses.models import CoursePage, default_locale_id
from events.permissions import user_is_coordinator
from hyte import exports, selectors, services, totals
from hyte.charts import bar_chart
from people.models import OrgUnit
from reporting.spreadsheets import write_csv, write_xlsx_sheets
from supervision.permissions import user_can_view_county_report

ASSIGN_DAYS = 60


def _access(request) -> None:
    if not user_can_view_county_report(request.user):
        raise PermissionDenied


def _charts(picture: selectors.HytePicture) -> dict:
    month_labels = [formats.date_format(month, "n/y") for month in picture.months]
    return {
        "knowledge": bar_chart(
            month_labels,
            [
                ("hyte-before", [row.before.mean for row in picture.knowledge_by_month]),
                ("hyte-after", [row.after.mean for row in picture.knowledge_by_month]),
            ],
            maximum=5,
            target=picture.target,
        ),
        "copies": bar_chart(month_labels, [("hyte-copies", picture.copies_by_month)]),
    }


@login_required
def picture(request):
    _access(request)
    found = selectors.hyte_picture()
    return render(
        request,
        "hyte/picture.html",
        {
            "picture": found,
            "charts": _charts(found),
            "quiet_days": selectors.QUIET_DAYS,
            "may_plan_sessions": user_is_coordinator(request.user),
            "completion_tables": [
                (found.completion_by_sector, _("Toimialoittain"), "completion-sector-caption"),
                (
                    found.completion_lowest_units,
                    _("Yksiköt, joissa suoritusaste on matalin (kaikki yksiköt viennissä)"),
                    "completion-unit-caption",
                ),
            ],
        },
    )


@login_required
def export(request, file_format: str):
    _access(request)
    if file_format not in ("csv", "xlsx"):
        raise Http404
    found = selectors.hyte_picture()
    buffer = io.BytesIO()
    if file_format == "csv":
        write_csv(buffer, exports.long_headers(), exports.long_rows(found))
        action = AuditAction.EXPORT_CSV
    else:
        write_xlsx_sheets(buffer, exports.sheets(found))
        action = AuditAction.EXPORT_XLSX
    audit_record(action=action, target=_("Hyte-kuva"))
    buffer.seek(0)
    name = f"{_('hyte-kuva')}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    return FileResponse(buffer, as_attachment=True, filename=name)


@login_required
@require_POST
def refresh(request):
    _access(request)
    totals.hyte_totals_refresh_later()
    messages.success(request, _("Luvut lasketaan uudelleen; päivitä sivu hetken kuluttua."))
    return redirect("hyte:picture")


class AssignForm(forms.Form):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Koulutus"), queryset=CoursePage.objects.none(), empty_label=None
    )
    due_date = forms.DateField(
        label=gettext_lazy("Määräpäivä"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            CoursePage.objects.live().filter(locale_id=default_locale_id()).order_by("title")
        )

    def clean_due_date(self):
        value = self.cleaned_data["due_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Määräpäivä ei voi olla menneisyydessä."))
        return value


@login_required
def assign(request, unit_id: int):
    _access(request)
    unit = get_object_or_404(OrgUnit, pk=unit_id)
    initial = {"due_date": timezone.localdate() + datetime.timedelta(days=ASSIGN_DAYS)}
    form = AssignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        counts = services.unit_course_assign(
            unit=unit,
            course=form.cleaned_data["course"],
            due_date=form.cleaned_data["due_date"],
            actor=request.user,
        )
        messages.success(
            request,
            _(
                "Koulutus määrätty yksikölle %(unit)s: %(created)s uutta, "
                "%(updated)s määräpäivää aikaistettu."
            )
            % {"unit": unit.name, **counts},
        )
        return redirect("hyte:picture")
    return render(request, "hyte/assign.html", {"unit": unit, "form": form})
