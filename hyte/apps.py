from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HyteConfig(AppConfig):
    name = "hyte"
    verbose_name = _("Hyte-kuva")
    default_auto_field = "django.db.models.BigAutoField"
