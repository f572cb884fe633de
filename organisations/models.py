"""Organisations outside the county's own staff that run hyte activities or present them:
NGOs, parishes, municipal services. The phrase library's activities name their
organiser here, and presentation sessions give these organisations presenter slots."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Järjestö")
        PARISH = "parish", _("Seurakunta")
        MUNICIPAL = "municipal", _("Kunnan palvelu")
        COUNTY = "county", _("Hyvinvointialueen palvelu")
        OTHER = "other", _("Muu toimija")

    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("tyyppi"), max_length=20, choices=Kind.choices, default=Kind.NGO)
    municipality = models.CharField(_("kunta"), max_length=100, blank=True)
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=200, blank=True)
    contact_email = models.EmailField(_("yhteyshenkilön sähköposti"), blank=True)
    contact_phone = models.CharField(_("yhteyshenkilön puhelin"), max_length=50, blank=True)
    website = models.URLField(_("verkkosivu"), blank=True)

    search_fields = [
        index.SearchField("name"),
        # The admin listing searches by municipality too.
        index.SearchField("municipality"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("municipality"),
    ]

    class Meta:
        verbose_name = _("toimija")
        verbose_name_plural = _("toimijat")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "municipality", name="organisation_unique_name_in_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})" if self.municipality else self.name
