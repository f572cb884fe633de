"""The fixed vocabularies of the phrase library, stored as codes: hyte themes, service
areas and the records a phrase is written for."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    LIIKUNTA = "liikunta", _("liikunta")
    KULTTUURI = "kulttuuri", _("kulttuuri")
    LUONTO = "luonto", _("luonto")
    OSALLISUUS = "osallisuus", _("sosiaalinen osallisuus")
    MIELEN_HYVINVOINTI = "mielen_hyvinvointi", _("mielen hyvinvointi")
    PAIHTEET = "paihteet", _("päihteet ja riippuvuudet")
    RAVITSEMUS = "ravitsemus", _("ravitsemus")
    UNI = "uni", _("uni ja lepo")


class ServiceArea(models.TextChoices):
    PERHEET = "perheet", _("lapsiperheiden palvelut")
    NUORET = "nuoret", _("nuorten palvelut")
    AIKUISET = "aikuiset", _("aikuissosiaalityö")
    IKAANTYNEET = "ikaantyneet", _("ikääntyneiden palvelut")
    MIELENTERVEYS = "mielenterveys", _("mielenterveys- ja päihdepalvelut")
    TERVEYSASEMA = "terveysasema", _("terveysasemat")
    VAMMAIS = "vammais", _("vammaispalvelut")


class RecordType(models.TextChoices):
    CLIENT_RECORD = "client_record", _("asiakas-/potilaskertomus")
    CARE_PLAN = "care_plan", _("hoito- ja palvelusuunnitelma")


def labels_of(choices, codes) -> list[str]:
    """Labels for stored codes, in the vocabulary's order; unknown codes are dropped."""
    wanted = set(codes or ())
    return [str(label) for value, label in choices.choices if value in wanted]
