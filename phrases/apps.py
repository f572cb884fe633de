from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhrasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "phrases"
    verbose_name = _("Fraasit")

    def ready(self):
        from django.db.backends.signals import connection_created

        from phrases.search import set_trigram_threshold

        connection_created.connect(set_trigram_threshold, dispatch_uid="phrases_trigram_threshold")
