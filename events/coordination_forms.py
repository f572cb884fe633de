"""The planning form: a session's series, title, time, place or link, capacity and
target group (networks, units, job roles; chosen on the page, see coordination_views)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import SessionFormat
from people.validators import validate_single_line

# The three kinds of target: the form's field (and the query parameter) and the key
# of `coordination_selectors.target_options()`.
TARGET_KINDS = {"verkostot": "networks", "yksikot": "units", "nimikkeet": "roles"}
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y %H.%M"]


class SessionPlanForm(forms.Form):
    series = forms.ModelChoiceField(label=_("Sarja"), queryset=None, empty_label=_("Valitse sarja"))
    title = forms.CharField(label=_("Otsikko"), max_length=200, validators=[validate_single_line])
    description = forms.CharField(
        label=_("Kuvaus"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    format = forms.ChoiceField(
        label=_("Toteutustapa"),
        choices=SessionFormat.choices,
        initial=SessionFormat.REMOTE,
        widget=forms.RadioSelect,
    )
    address = forms.CharField(label=_("Osoite"), max_length=300, required=False)
    meeting_link = forms.URLField(
        label=_("Etäyhteyden linkki"), required=False, assume_scheme="https"
    )
    starts_at = forms.DateTimeField(
        label=_("Alkaa"),
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMATS[0]),
    )
    duration_minutes = forms.IntegerField(
        label=_("Kesto (min)"), min_value=15, max_value=8 * 60, initial=90
    )
    capacity = forms.IntegerField(label=_("Paikkoja"), min_value=1, initial=30)
    verkostot = forms.TypedMultipleChoiceField(coerce=int, required=False)
    yksikot = forms.TypedMultipleChoiceField(coerce=int, required=False)
    nimikkeet = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, series, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series
        for field, key in TARGET_KINDS.items():
            self.fields[field].choices = [(option.pk, option.label) for option in options[key]]

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("Valitse aika tulevaisuudesta."))
        if starts_at > timezone.now() + datetime.timedelta(days=2 * 366):
            raise forms.ValidationError(_("Aika on yli kahden vuoden päässä: tarkista vuosi."))
        return starts_at

    def clean(self):
        cleaned = super().clean()
        session_format = cleaned.get("format")
        if session_format in (SessionFormat.ON_SITE, SessionFormat.HYBRID) and not cleaned.get(
            "address"
        ):
            self.add_error("address", _("Kirjoita paikka, kun tilaisuus on paikan päällä."))
        if session_format in (SessionFormat.REMOTE, SessionFormat.HYBRID) and not cleaned.get(
            "meeting_link"
        ):
            self.add_error("meeting_link", _("Anna linkki, kun tilaisuuteen osallistutaan etänä."))
        return cleaned
