"""The PTV sync page in the Wagtail admin: the last runs with their counts and
problems, and a button that asks the worker for a run now."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ptv.models import PtvService, SyncRun
from ptv.permissions import user_can_sync_ptv
from ptv.sync import configured, ptv_sync_later

RUNS_SHOWN = 10


def sync_page(request):
    if not user_can_sync_ptv(request.user):
        raise PermissionDenied
    if request.method == "POST":
        ptv_sync_later(full=request.POST.get("full") == "1")
        messages.success(request, _("Synkronointi käynnistyy hetken kuluttua."))
        return redirect("ptv:index")
    return render(
        request,
        "ptv/sync.html",
        {
            "runs": list(SyncRun.objects.all()[:RUNS_SHOWN]),
            "configured": configured(),
            "api_url": settings.PTV_API_URL,
            "area": f"{settings.PTV_AREA_TYPE} {settings.PTV_AREA_CODE}".strip(),
            "services": PtvService.objects.filter(retired_at__isnull=True).count(),
            "retired": PtvService.objects.filter(retired_at__isnull=False).count(),
        },
    )
