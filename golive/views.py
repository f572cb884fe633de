"""The go-live page in the Wagtail admin, for HR admins and superusers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from golive.permissions import user_can_go_live
from golive.selectors import go_live_steps
from golive.services import send_test_email


class EmailCheckForm(forms.Form):
    to = forms.EmailField(label=gettext_lazy("Vastaanottajan sähköpostiosoite"))


def go_live(request):
    if not user_can_go_live(request.user):
        raise PermissionDenied
    form = EmailCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = send_test_email(to=form.cleaned_data["to"], sent_by=request.user)
        if sent.error:
            messages.error(
                request, _("Viestiä ei voitu lähettää: %(error)s") % {"error": sent.error}
            )
        else:
            messages.success(
                request,
                _("Testiviesti lähetetty osoitteeseen %(to)s.") % {"to": sent.sent_to},
            )
        return redirect("golive:index")
    steps = go_live_steps()
    return render(
        request,
        "golive/go_live.html",
        {"steps": steps, "form": form, "done": sum(step.done for step in steps)},
        status=400 if form.errors else 200,
    )
