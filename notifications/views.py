"""The notices page (newest first; a POST marks them all read; supervisors find the
weekly digest's switch here) and the digest's one-click stop link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notifications import services
from notifications.selectors import digest_opted_out_ids, notifications_for
from notifications.unsubscribe import digest_unsubscribe_employee_id
from people.models import Employee
from people.permissions import user_can_view_team
from people.selectors import employee_for_user


@login_required
def notification_list(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    if request.method == "POST":
        marked = services.notifications_mark_all_read(employee=employee)
        if marked:
            messages.success(request, _("Ilmoitukset merkitty luetuiksi."))
        return redirect("notifications:list")
    notices = list(notifications_for(employee=employee))
    supervisor = user_can_view_team(request.user)
    return render(
        request,
        "notifications/list.html",
        {
            "notices": notices,
            "has_unread": any(n.read_at is None for n in notices),
            "digest_switch": supervisor,
            "digest_on": supervisor and not digest_opted_out_ids(employee_ids=[employee.pk]),
        },
    )


@login_required
@require_POST
def digest_switch(request):
    """The switch on the notices page: "on" starts the weekly digest, else it stops."""
    employee = employee_for_user(request.user)
    if employee is None or not user_can_view_team(request.user):
        raise Http404
    subscribed = request.POST.get("viikkokooste") == "on"
    services.digest_subscription_set(employee=employee, subscribed=subscribed)
    if subscribed:
        messages.success(request, _("Saat tiimisi viikkokoosteen sähköpostiin."))
    else:
        messages.success(request, _("Viikkokoostetta ei enää lähetetä sinulle."))
    return redirect("notifications:list")


@csrf_exempt  # RFC 8058: the mail program posts without a session; the token is the key
def digest_unsubscribe(request, token: str):
    """The digest's own link. GET asks for a click (link checkers open links); POST,
    from the page or a mail program's one-click button, stops the digest."""
    employee_id = digest_unsubscribe_employee_id(token)
    employee = Employee.objects.filter(pk=employee_id).first() if employee_id else None
    if employee is None:
        raise Http404
    done = request.method == "POST"
    if done:
        services.digest_subscription_set(employee=employee, subscribed=False)
    return render(request, "notifications/digest_unsubscribe.html", {"done": done})
