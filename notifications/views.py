"""The notices page: newest first; a POST marks them all read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from notifications import services
from notifications.selectors import notifications_for
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
    return render(
        request,
        "notifications/list.html",
        {"notices": notices, "has_unread": any(n.read_at is None for n in notices)},
    )
