"""Supervision pages: the team dashboard with its exports and "remind now", a team
member's page, export job progress and download, and the county report (the audit log
is the audit app's).

Access: a page for a role someone does not hold answers 403 (404 for the team pages,
which do not reveal who is a supervisor); a person or export that is not the user's
answers 404; signed-out visitors go to the sign-in page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record as audit_record
from audit.services import record_person_viewed
from courses.models import CoursePage
from onboarding.selectors import checklist_for, checklist_progress
from onboarding.views import ExtraItemForm
from people.models import Employee, OrgUnit
from people.permissions import user_can_view_employee, user_can_view_team
from people.selectors import employee_for_user, employee_reports
from reporting.filenames import export_filename
from reporting.spreadsheets import csv_download
from supervision import county, exports, services, totals
from supervision.chart import timeline_chart
from supervision.dashboard import DashboardFilters, team_dashboard, team_overdue_ids, team_page
from supervision.models import ExportJob
from supervision.permissions import (
    user_can_export_people,
    user_can_use_export,
    user_can_view_county_report,
    user_can_view_dashboard,
)
from supervision.team import STATE_LABELS, STATE_ORDER


def _supervisor(request) -> Employee:
    if not user_can_view_dashboard(request.user):
        raise Http404
    return employee_for_user(request.user)


@login_required
def dashboard(request):
    supervisor = _supervisor(request)
    filters = DashboardFilters.from_query(request.GET)
    data = team_page(supervisor=supervisor, filters=filters, page_number=request.GET.get("sivu"))
    query = filters.as_query()
    sort_links = _sort_links(filters, data.courses)
    return render(
        request,
        "supervision/dashboard.html",
        {
            "data": data,
            "page": data.page,
            "filters": filters,
            "query": urlencode(query),
            "state_choices": [(state, STATE_LABELS[state]) for state in STATE_ORDER],
            "sort_links": sort_links,
            "course_columns": [
                {"course": course, "sort": sort_links[f"course-{course.pk}"]}
                for course in data.courses
            ],
            "chart": timeline_chart(data.timeline),
            "streamed_rows_max": exports.STREAMED_ROWS_MAX,
        },
    )


@login_required
def team_member(request, employee_number: str):
    """One person's page for their supervisor (or HR): their details and onboarding
    checklist, where the supervisor signs items off and adds an extra one."""
    employee = get_object_or_404(
        Employee.objects.select_related("user", "unit", "job_role", "supervisor__user"),
        employee_number=employee_number,
    )
    # Someone else's record answers 404, not 403: it does not confirm the person exists.
    if not user_can_view_employee(request.user, employee):
        raise Http404
    if employee.user_id != request.user.pk:
        record_person_viewed(actor=request.user, employee=employee)
    checklist = checklist_for(employee=employee, viewer=request.user)
    may_add = employee.user_id != request.user.pk and user_can_view_team(request.user)
    return render(
        request,
        "supervision/team_member.html",
        {
            "employee": employee,
            "checklist": checklist,
            "progress": checklist_progress(checklist),
            "extra_item_form": ExtraItemForm() if may_add else None,
        },
    )


def _sort_links(filters: DashboardFilters, courses) -> dict:
    """For each column: the address that sorts by it (again: the other way round) and
    the current direction for aria-sort."""
    links = {}
    keys = ["name", "unit", "role", "checklist", "status"]
    keys += [f"course-{course.pk}" for course in courses]
    for key in keys:
        current = filters.sort == key
        descending = current and not filters.descending
        query = {**filters.as_query(), "jarjestys": ("-" if descending else "") + key}
        direction = "none"
        if current:
            direction = "descending" if filters.descending else "ascending"
        links[key] = {"url": "?" + urlencode(query), "aria_sort": direction}
    return links


@login_required
def dashboard_csv(request):
    supervisor = _supervisor(request)
    filters = DashboardFilters.from_query(request.GET)
    data = team_dashboard(supervisor=supervisor, filters=filters)
    if len(data.rows) > exports.STREAMED_ROWS_MAX:
        job = services.export_job_create(
            owner=request.user,
            kind=ExportJob.Kind.TEAM,
            file_format="csv",
            parameters=filters.as_query(),
        )
        return redirect("supervision:export_job", token=job.token)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT_CSV,
        target=str(ExportJob.Kind.TEAM.label),
        rows=len(data.rows),
        **filters.as_query(),
    )
    return csv_download(
        exports.team_headers(data),
        exports.team_rows(data),
        filename=export_filename(name=ExportJob.Kind.TEAM.label, extension="csv"),
    )


@login_required
@require_POST
def dashboard_xlsx(request):
    _supervisor(request)
    filters = DashboardFilters.from_query(request.POST)
    job = services.export_job_create(
        owner=request.user,
        kind=ExportJob.Kind.TEAM,
        file_format="xlsx",
        parameters=filters.as_query(),
    )
    return redirect("supervision:export_job", token=job.token)


@login_required
@require_POST
def remind(request):
    """Remind one person (`yksi`), the ticked ones (`henkilo`, any number), or everyone
    with something overdue; the message names who was reminded."""
    supervisor = _supervisor(request)
    filters = DashboardFilters.from_query(request.POST)
    one = request.POST.get("yksi", "")
    numbers = [one] if one else request.POST.getlist("henkilo")
    if request.POST.get("kaikki"):
        numbers = []
    elif request.POST.get("valitut") and not numbers:
        messages.info(request, _("Valitse ensin muistutettavat henkilöt."))
        return redirect(reverse("supervision:team") + "?" + urlencode(filters.as_query()))
    team = employee_reports(supervisor=supervisor).select_related(None).select_related("user")
    if numbers:
        people = list(team.filter(employee_number__in=numbers))
        # Someone outside the team answers 404, as their record does.
        if len(people) != len(set(numbers)):
            raise Http404
    else:
        people = list(team.filter(pk__in=team_overdue_ids(supervisor=supervisor)))
    reminded = services.reminders_remind_people(actor=request.user, people=people)
    if reminded:
        names = ", ".join(person.full_name for person in reminded)
        tasks = sum(reminded.values())
        messages.success(
            request,
            ngettext(
                "Muistutettu: %(names)s (%(count)s tehtävä).",
                "Muistutettu: %(names)s (%(count)s tehtävää).",
                tasks,
            )
            % {"names": names, "count": tasks},
        )
    else:
        messages.info(
            request,
            _(
                "Ei lähetettävää: myöhässä olevista tehtävistä on jo muistutettu tänään, "
                "tai mitään ei ole myöhässä."
            ),
        )
    return redirect(reverse("supervision:team") + "?" + urlencode(filters.as_query()))


@login_required
def export_job(request, token):
    job = get_object_or_404(ExportJob, token=token)
    if not user_can_use_export(request.user, job):
        raise Http404
    return render(request, "supervision/export_job.html", {"job": job})


@login_required
def export_status(request, token):
    job = get_object_or_404(ExportJob, token=token)
    if not user_can_use_export(request.user, job):
        raise Http404
    return JsonResponse(
        {
            "status": job.status,
            "percent": job.percent,
            "rows_done": job.rows_done,
            "rows_total": job.rows_total,
            "rows_text": _("%(done)s/%(total)s riviä")
            % {"done": job.rows_done, "total": job.rows_total or 0},
        }
    )


@login_required
def export_download(request, token):
    job = get_object_or_404(ExportJob, token=token, status=ExportJob.Status.DONE)
    if not user_can_use_export(request.user, job) or not job.path or not job.path.exists():
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.DOWNLOAD_EXPORT,
        target=str(ExportJob.Kind(job.kind).label),
        job=job.pk,
    )
    return FileResponse(
        job.path.open("rb"),
        as_attachment=True,
        filename=export_filename(
            name=ExportJob.Kind(job.kind).label,
            extension=job.file_format,
            day=timezone.localtime(job.created_at).date(),
        ),
    )


# --- county ---------------------------------------------------------------------------


def _county_access(request) -> None:
    if not user_can_view_county_report(request.user):
        raise PermissionDenied


def _selected_course(request, courses) -> CoursePage | None:
    value = request.GET.get("koulutus", "")
    if not value:
        return None
    course = next((c for c in courses if str(c.pk) == value), None)
    if course is None:
        raise Http404
    return course


@login_required
def county_report(request):
    _county_access(request)
    courses = county.county_courses()
    course = _selected_course(request, courses)
    unit_id = request.GET.get("yksikko", "")
    if unit_id:
        unit = get_object_or_404(OrgUnit, pk=unit_id) if unit_id.isdigit() else None
        if unit is None:
            raise Http404
    else:
        unit = county.root_unit()
    completion = (
        county.completion_by_branch(unit=unit, course_id=course.pk if course else None)
        if unit
        else None
    )
    ratings = county.self_ratings(course_id=course.pk if course else None)
    return render(
        request,
        "supervision/county.html",
        {
            "courses": courses,
            "course": course,
            "unit": unit,
            "completion": completion,
            "ratings": ratings,
            "rating_tables": [
                (_("Toimialoittain"), ratings["by_sector"]),
                (_("Tehtävänimikkeittäin"), ratings["by_role"]),
            ],
            "quiz": county.quiz_results(course=course) if course else None,
            "may_export_people": user_can_export_people(request.user),
            "export_query": urlencode(
                {"yksikko": unit.pk if unit else "", "koulutus": course.pk if course else ""}
            ),
        },
    )


@login_required
@require_POST
def county_export(request):
    _county_access(request)
    parameters = {}
    unit_id = request.POST.get("yksikko", "")
    if unit_id.isdigit():
        parameters["yksikko"] = get_object_or_404(OrgUnit, pk=unit_id).pk
    course_id = request.POST.get("koulutus", "")
    if course_id.isdigit():
        parameters["koulutus"] = get_object_or_404(CoursePage, pk=course_id).pk
    file_format = "csv" if request.POST.get("muoto") == "csv" else "xlsx"
    # Figures per unit for everyone here; one row per person only for HR admins.
    kind = ExportJob.Kind.COUNTY
    if request.POST.get("taso") == "henkilot":
        if not user_can_export_people(request.user):
            raise PermissionDenied
        kind = ExportJob.Kind.COMPLETIONS
    # Tens of thousands of rows: always built by the task, never in the request.
    job = services.export_job_create(
        owner=request.user,
        kind=kind,
        file_format=file_format,
        parameters=parameters,
    )
    return redirect("supervision:export_job", token=job.token)


@login_required
@require_POST
def county_refresh(request):
    _county_access(request)
    totals.unit_totals_refresh_later()
    messages.info(request, _("Luvut päivitetään taustalla; lataa sivu hetken kuluttua."))
    return redirect(reverse("supervision:county") + "?" + request.POST.get("query", ""))
