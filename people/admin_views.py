"""The HR import in the Wagtail admin: upload → preview → confirm."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people import services
from people.forms import ImportUploadForm
from people.hr_import.locking import ImportBusy
from people.hr_import.reading import FileRejected, Problem, check_size
from people.models import ImportRun
from people.permissions import user_can_import_employees

PREVIEW_ROWS_SHOWN = 200


def _require_import_permission(request) -> None:
    if not user_can_import_employees(request.user):
        raise PermissionDenied


def upload_step(request, *, form_class, make_preview, kind, template, preview_url: str):
    """The upload step the staff and org-tree imports share: the size is checked before a
    byte is read, a valid file is kept as an ImportRun and its preview opens; otherwise
    the page lists the problems (400)."""
    problems: list[Problem] = []
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            try:
                check_size(uploaded.size)
            except FileRejected as rejected:
                problems = [rejected.problem]
            else:
                preview = make_preview(
                    name=uploaded.name, content=uploaded.read(), uploaded_by=request.user
                )
                problems = preview.problems
                if preview.ok:
                    return redirect(preview_url, run_id=preview.run.pk)
    else:
        form = form_class()
    return render(
        request,
        template,
        {
            "form": form,
            "problems": problems,
            "recent_runs": ImportRun.objects.filter(kind=kind)[:10],
        },
        status=400 if problems else 200,
    )


def upload(request):
    _require_import_permission(request)
    return upload_step(
        request,
        form_class=ImportUploadForm,
        make_preview=services.employee_import_preview,
        kind=ImportRun.Kind.STAFF,
        template="people/admin/import_upload.html",
        preview_url="people_import:preview",
    )


def preview(request, run_id: int):
    _require_import_permission(request)
    run = get_object_or_404(
        ImportRun, pk=run_id, kind=ImportRun.Kind.STAFF, status=ImportRun.Status.PREVIEWED
    )
    result = services.employee_import_review(run=run)
    plan = result.plan
    needs_second = not plan.problems and plan.needs_second_confirmation(run.uploaded_by_id)
    return render(
        request,
        "people/admin/import_preview.html",
        {
            "run": run,
            "plan": plan,
            "problems": plan.problems,
            "forecast": result.forecast,
            "needs_second_confirmation": needs_second,
            "deactivates_uploader": plan.deactivates_user(run.uploaded_by_id),
            "share_percent": round(plan.deactivation_share * 100),
            # Many leavers: they are listed first, so a wrong file shows itself.
            "leavers_first": needs_second,
            "to_create": plan.to_create[:PREVIEW_ROWS_SHOWN],
            "to_update": plan.to_update[:PREVIEW_ROWS_SHOWN],
            "to_deactivate": plan.leavers[:PREVIEW_ROWS_SHOWN],
            "rows_shown": PREVIEW_ROWS_SHOWN,
        },
    )


@require_POST
def confirm(request, run_id: int):
    _require_import_permission(request)
    run = get_object_or_404(ImportRun, pk=run_id, kind=ImportRun.Kind.STAFF)
    try:
        result = services.employee_import_apply(
            run=run, allow_mass_deactivation=request.POST.get("confirm_deactivations") == "yes"
        )
    except ImportBusy as busy:
        messages.error(request, busy.message)
        return redirect("people_import:preview", run_id=run.pk)
    if result.refused:
        messages.error(
            request,
            _(
                "Muutoksia ei tallennettu: tiedosto merkitsisi %(count)s henkilöä "
                "poistuneiksi. Vahvista poistot erikseen."
            )
            % {"count": result.plan.deactivated_count},
        )
        return redirect("people_import:preview", run_id=run.pk)
    if result.problems:
        messages.error(
            request,
            _(
                "Muutoksia ei tallennettu: henkilöstötiedot ovat muuttuneet esikatselun "
                "jälkeen. Lataa tiedosto uudelleen."
            ),
        )
        return redirect("people_import:preview", run_id=run.pk)
    run.refresh_from_db()
    messages.success(
        request,
        _(
            "Henkilöstö tuotu. Uusia: %(created)s, päivitettyjä: %(updated)s, "
            "poistuneita: %(deactivated)s."
        )
        % {
            "created": run.created_count,
            "updated": run.updated_count,
            "deactivated": run.deactivated_count,
        },
    )
    return redirect("people_import:upload")
