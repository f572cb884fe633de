"""Forms of the phrase library: the search form, the checking of filled gaps, the
phrase admin form (vocabularies as checkboxes) and the activity import upload."""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from phrases import gaps
from phrases.choices import RecordType, ServiceArea, Theme


def _with_all(label, choices):
    return [("", label), *choices]


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Hae fraasia"), required=False, max_length=200)
    alue = forms.ChoiceField(
        label=gettext_lazy("Palvelualue"),
        required=False,
        choices=_with_all(gettext_lazy("Kaikki palvelualueet"), ServiceArea.choices),
    )
    teema = forms.ChoiceField(
        label=gettext_lazy("Teema"),
        required=False,
        choices=_with_all(gettext_lazy("Kaikki teemat"), Theme.choices),
    )
    kirjaus = forms.ChoiceField(
        label=gettext_lazy("Kirjaus"),
        required=False,
        choices=_with_all(gettext_lazy("Kaikki kirjaukset"), RecordType.choices),
    )

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "text": data.get("q", ""),
            "service_area": data.get("alue", ""),
            "theme": data.get("teema", ""),
            "record_type": data.get("kirjaus", ""),
        }


def check_gap_values(
    parsed: gaps.Parsed, data, organiser_of: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The submitted gap values and the Finnish problems with them: a missing required
    gap (named), an unknown activity or option, a date that is not a date."""
    values = {gap.name: (data.get(gap.name) or "").strip() for gap in parsed.gaps}
    problems = []
    for gap in parsed.gaps:
        value = values[gap.name]
        if not value:
            continue
        if gap.kind == gaps.ACTIVITY and value not in organiser_of:
            problems.append(_("Valitse toiminta listasta: %(label)s.") % {"label": gap.label})
        elif gap.kind == gaps.CHOICE and value not in gap.options:
            problems.append(_("Valitse vaihtoehto listasta: %(label)s.") % {"label": gap.label})
        elif gap.kind == gaps.DATE:
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                problems.append(
                    _("Anna päivämäärä muodossa pp.kk.vvvv: %(label)s.") % {"label": gap.label}
                )
    for gap in gaps.missing_required(parsed, values, organiser_of):
        problems.append(_("Täytä kohta ”%(label)s”.") % {"label": gap.label})
    return values, problems


class PhraseAdminForm(WagtailAdminModelForm):
    """Themes, service areas and record types as checkboxes over their codes."""

    themes = forms.MultipleChoiceField(
        label=gettext_lazy("teemat"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    service_areas = forms.MultipleChoiceField(
        label=gettext_lazy("palvelualueet"),
        choices=ServiceArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    record_types = forms.MultipleChoiceField(
        label=gettext_lazy("kirjaukset"),
        choices=RecordType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ActivityAdminForm(WagtailAdminModelForm):
    themes = forms.MultipleChoiceField(
        label=gettext_lazy("teemat"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ActivityImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV- tai XLSX-tiedosto"),
        help_text=gettext_lazy(
            "Sarakkeet: tunniste, nimi, nimi ruotsiksi, järjestäjä, järjestäjän tyyppi, "
            "kunta, teemat, kuvaus, kuvaus ruotsiksi, yhteystiedot, linkki."
        ),
    )
