"""The org-tree import in the Wagtail admin: upload → preview → confirm, with the
staff import's upload form, problem list and size check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people import services
from people.admin_views import upload_step
from people.forms import OrgImportUploadForm
from people.hr_import.locking import ImportBusy
from people.models import ImportRun
from people.permissions import user_can_import_org_units


def _require_permission(request) -> None:
    if not user_can_import_org_units(request.user):
        raise PermissionDenied


def upload(request):
    _require_permission(request)
    return upload_step(
        request,
        form_class=OrgImportUploadForm,
        make_preview=services.org_import_preview,
        kind=ImportRun.Kind.ORG_UNITS,
        template="people/admin/org_import_upload.html",
        preview_url="org_import:preview",
    )


def preview(request, run_id: int):
    _require_permission(request)
    run = get_object_or_404(
        ImportRun, pk=run_id, kind=ImportRun.Kind.ORG_UNITS, status=ImportRun.Status.PREVIEWED
    )
    plan = services.org_import_preview(
        name=run.file_name, content=bytes(run.content), keep=False
    ).plan
    return render(
        request,
        "people/admin/org_import_preview.html",
        {"run": run, "plan": plan, "problems": plan.problems},
    )


@require_POST
def confirm(request, run_id: int):
    _require_permission(request)
    run = get_object_or_404(ImportRun, pk=run_id, kind=ImportRun.Kind.ORG_UNITS)
    try:
        result = services.org_import_apply(run=run)
    except ImportBusy as busy:
        messages.error(request, busy.message)
        return redirect("org_import:preview", run_id=run.pk)
    if result.problems:
        messages.error(
            request,
            _(
                "Muutoksia ei tallennettu: organisaatio on muuttunut esikatselun jälkeen. "
                "Lataa tiedosto uudelleen."
            ),
        )
        return redirect("org_import:preview", run_id=run.pk)
    run.refresh_from_db()
    messages.success(
        request,
        _("Organisaatiopuu tuotu. Uusia: %(created)s, muuttuneita: %(updated)s.")
        % {"created": run.created_count, "updated": run.updated_count},
    )
    return redirect("org_import:upload")
