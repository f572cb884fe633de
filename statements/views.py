"""The privacy notice, the accessibility statement with its feedback form, and the HR
list of open feedback. The two statements are public: the law wants them readable
without signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from statements.conf import setting, setting_date, setting_int
from statements.forms import FeedbackForm
from statements.models import REPLY_DAYS, AccessibilityFeedback
from statements.permissions import user_can_handle_accessibility_feedback
from statements.selectors import open_feedback
from statements.services import feedback_mark_answered, feedback_submit


def privacy_notice(request):
    configured = [p.strip() for p in setting("PRIVACY_PURPOSES").split(";") if p.strip()]
    return render(
        request,
        "statements/privacy.html",
        {
            "controller": setting("PRIVACY_CONTROLLER"),
            "contact": setting("PRIVACY_CONTACT"),
            "dpo_contact": setting("PRIVACY_DPO_CONTACT"),
            "configured_purposes": configured,
            "retention_years": setting_int("RETENTION_YEARS_AFTER_LEAVING"),
            "audit_years": setting_int("AUDIT_RETENTION_YEARS"),
        },
    )


def accessibility_statement(request):
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feedback_submit(
            message=form.cleaned_data["message"],
            page_address=form.cleaned_data["page_address"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=get_language() or "",
            sender=request.user,
        )
        messages.success(
            request,
            _("Kiitos palautteesta. Vastaamme %(days)s päivän kuluessa, jos jätit yhteystiedon.")
            % {"days": REPLY_DAYS},
        )
        return redirect("statements:accessibility")
    return render(
        request,
        "statements/accessibility.html",
        {
            "form": form,
            "contact_email": setting("ACCESSIBILITY_CONTACT_EMAIL"),
            "authority_name": setting("ACCESSIBILITY_AUTHORITY_NAME"),
            "authority_url": setting("ACCESSIBILITY_AUTHORITY_URL"),
            "assessed_on": setting_date("ACCESSIBILITY_ASSESSED_ON"),
            "reply_days": REPLY_DAYS,
            "can_handle": user_can_handle_accessibility_feedback(request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def feedback_list(request):
    if not user_can_handle_accessibility_feedback(request.user):
        raise PermissionDenied
    return render(
        request,
        "statements/feedback_list.html",
        {"feedback": list(open_feedback()), "reply_days": REPLY_DAYS},
    )


@login_required
@require_POST
def feedback_answered(request, feedback_id: int):
    if not user_can_handle_accessibility_feedback(request.user):
        raise PermissionDenied
    feedback = get_object_or_404(AccessibilityFeedback, pk=feedback_id)
    feedback_mark_answered(feedback=feedback, user=request.user)
    messages.success(request, _("Palaute merkitty vastatuksi."))
    return redirect("statements:feedback_list")
