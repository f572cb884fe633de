from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in and out: the county's OpenID Connect provider, local passwords,
    brute-force limits, session limits and the security headers every page gets."""

    name = "accounts"
    verbose_name = _("Kirjautuminen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import signals  # noqa: F401
