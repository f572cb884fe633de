"""Forms of the people app."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Sähköposti tai henkilönumero"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Salasana"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Sähköposti, henkilönumero tai salasana on väärin. Tarkista ne ja yritä uudelleen."
        ),
        "inactive": _("Tämä tunnus ei ole enää käytössä."),
    }


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Kieli"), choices=settings.LANGUAGES)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Henkilöstötiedosto (CSV tai XLSX)"),
        help_text=_(
            "Sarakkeet: henkilönumero, etunimi, sukunimi, sähköposti, yksikkö, tehtävänimike, "
            "esihenkilö, aloituspäivä, päättymispäivä, kieli. Tiedostossa on oltava koko "
            "henkilöstö: siitä puuttuvat merkitään lähteneiksi."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class OrgImportUploadForm(ImportUploadForm):
    """The staff import's upload form, for the org-tree file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("Organisaatiopuu (CSV tai XLSX)")
        self.fields["file"].help_text = _(
            "Sarakkeet: yksikkökoodi, nimi suomeksi, nimi ruotsiksi, nimi englanniksi, "
            "yläyksikkö, organisaatiotaso, esihenkilöt (henkilönumerot pilkuin eroteltuina) "
            "ja vapaaehtoisesti suljettu (päivämäärä). Tiedostosta puuttuvat yksiköt jäävät "
            "ennalleen."
        )
