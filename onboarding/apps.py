from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "onboarding"
    verbose_name = _("Perehdytys")

    def ready(self):
        from onboarding.selectors import go_live_forecast
        from people.hr_import.forecast import register

        register(go_live_forecast)
