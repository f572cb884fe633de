"""Forms of the session pages: feedback, check-in, a presenter's slot and feedback,
a network member to add, and the admin form that guards capacity and presenter times."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from events import services

YES_NO = [("yes", _("Kyllä")), ("no", _("Ei"))]
RATINGS = [(str(value), str(value)) for value in range(1, 6)]


class FeedbackForm(forms.Form):
    useful = forms.ChoiceField(
        label=_("Saitko työhösi hyödyllistä tietoa?"), choices=YES_NO, widget=forms.RadioSelect
    )
    rating = forms.TypedChoiceField(
        label=_("Arvosana tilaisuudelle (1 = heikko, 5 = erinomainen)"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    will_do_differently = forms.CharField(
        label=_("Mitä teet jatkossa toisin?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    free_text = forms.CharField(
        label=_("Vapaa palaute"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Osallistumiskoodi"),
        max_length=8,
        help_text=_("Koodi näytetään tilaisuudessa."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class SlotConfirmForm(forms.Form):
    topic = forms.CharField(label=_("Esityksen aihe"), max_length=200)
    minutes = forms.IntegerField(label=_("Esityksen kesto (min)"), min_value=5, max_value=120)
    presenter_names = forms.CharField(label=_("Esittäjien nimet"), max_length=300, required=False)


class PresenterFeedbackForm(forms.Form):
    useful = forms.ChoiceField(
        label=_("Oliko esittäytyminen hyödyllistä organisaatiollenne?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    free_text = forms.CharField(
        label=_("Vapaa palaute"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AddMemberForm(forms.Form):
    employee_number = forms.CharField(label=_("Henkilönumero"), max_length=32)


class SessionAdminForm(WagtailAdminModelForm):
    """Refuses a capacity below the seats taken (saying how many) and a presenter who
    would be in two sessions at once."""

    def clean(self):
        cleaned = super().clean()
        capacity = cleaned.get("capacity")
        if capacity is not None and self.instance.pk:
            problem = services.capacity_problem(session=self.instance, capacity=capacity)
            if problem:
                self.add_error("capacity", problem)
        starts_at, minutes = cleaned.get("starts_at"), cleaned.get("duration_minutes")
        slots = self.formsets.get("slots")
        if starts_at and minutes and slots is not None and slots.is_valid():
            ends_at = starts_at + datetime.timedelta(minutes=minutes)
            for form in slots.forms:
                data = getattr(form, "cleaned_data", {})
                organisation = data.get("organisation")
                if not organisation or data.get("DELETE"):
                    continue
                other = services.presenter_overlap(
                    organisation_id=organisation.pk,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    exclude_session_id=self.instance.pk,
                )
                if other is not None:
                    form.add_error("organisation", services.overlap_message(organisation, other))
                    self.add_error(None, services.overlap_message(organisation, other))
        return cleaned
