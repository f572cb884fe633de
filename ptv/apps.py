from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PtvConfig(AppConfig):
    name = "ptv"
    verbose_name = _("Palvelutietovaranto")
    default_auto_field = "django.db.models.BigAutoField"
