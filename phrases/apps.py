from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhrasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "phrases"
    verbose_name = _("Fraasit")
