"""The audit log page HR reads (/seuranta/loki/). Reading it is itself logged."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from audit import selectors, services
from audit.models import AuditAction
from audit.permissions import user_can_read_audit_log

PAGE_SIZE = 100


def _clean(value: str) -> str:
    # NUL cannot be sent to PostgreSQL; other control characters mean nothing here.
    return "".join(char for char in value if char.isprintable()).strip()[:200]


@login_required
def audit_log(request):
    if not user_can_read_audit_log(request.user):
        raise PermissionDenied
    action = _clean(request.GET.get("toiminto", ""))
    action = action if action in AuditAction.values else ""
    search = _clean(request.GET.get("haku", ""))
    page = Paginator(selectors.log_entries(action=action, search=search), PAGE_SIZE).get_page(
        _clean(request.GET.get("sivu", ""))
    )
    services.record(
        actor=request.user,
        action=AuditAction.READ_LOG,
        target=search,
        filter_action=action,
        page=page.number,
    )
    return render(
        request,
        "audit/audit_log.html",
        {
            "page": page,
            "actions": AuditAction.choices,
            "action": action,
            "search": search,
            "query": urlencode({"toiminto": action, "haku": search}),
        },
    )
