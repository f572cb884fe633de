"""The activity import in the Wagtail admin: upload → preview → confirm. The file waits
in the editor's session between the preview and the confirmation."""

import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.hr_import.locking import ImportBusy
from people.hr_import.reading import FileRejected, check_size
from phrases import activity_import
from phrases.forms import ActivityImportForm
from phrases.permissions import user_can_import_activities

SESSION_KEY = "phrases_activity_import"
PREVIEW_ROWS_SHOWN = 200


def _require_permission(request) -> None:
    if not user_can_import_activities(request.user):
        raise PermissionDenied


def _stored_file(request):
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return None
    return stored["name"], base64.b64decode(stored["content"])


def upload(request):
    _require_permission(request)
    problems = []
    if request.method == "POST":
        form = ActivityImportForm(request.POST, request.FILES)
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            try:
                check_size(uploaded.size)
            except FileRejected as rejected:
                problems = [rejected.problem]
            else:
                content = uploaded.read()
                plan = activity_import.build_plan(name=uploaded.name, content=content)
                problems = plan.problems
                if plan.ok:
                    request.session[SESSION_KEY] = {
                        "name": uploaded.name,
                        "content": base64.b64encode(content).decode("ascii"),
                    }
                    return redirect("phrases_import:preview")
    else:
        form = ActivityImportForm()
    return render(
        request,
        "phrases/admin/import_upload.html",
        {"form": form, "problems": problems},
        status=400 if problems else 200,
    )


def preview(request):
    _require_permission(request)
    stored = _stored_file(request)
    if stored is None:
        return redirect("phrases_import:upload")
    plan = activity_import.build_plan(name=stored[0], content=stored[1])
    return render(
        request,
        "phrases/admin/import_preview.html",
        {"plan": plan, "rows": plan.rows[:PREVIEW_ROWS_SHOWN], "rows_shown": PREVIEW_ROWS_SHOWN},
    )


@require_POST
def confirm(request):
    _require_permission(request)
    stored = _stored_file(request)
    if stored is None:
        return redirect("phrases_import:upload")
    plan = activity_import.build_plan(name=stored[0], content=stored[1])
    if not plan.ok:
        messages.error(request, _("Mitään ei tallennettu: tiedostossa on virheitä."))
        return redirect("phrases_import:preview")
    try:
        created, updated = activity_import.apply_plan(plan)
    except ImportBusy as busy:
        messages.error(request, busy.message)
        return redirect("phrases_import:preview")
    request.session.pop(SESSION_KEY, None)
    messages.success(
        request,
        _("Toiminnat tuotu. Uusia: %(created)s, päivitettyjä: %(updated)s.")
        % {"created": created, "updated": updated},
    )
    return redirect("phrases_import:upload")
