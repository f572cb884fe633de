from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhrasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "phrases"
    verbose_name = _("Fraasit")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from phrases.selectors import forget_locale_ids

        post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="phrases_locale_ids")
        post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="phrases_locale_ids_d")
