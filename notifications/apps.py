from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Ilmoitukset ja muistutukset")

    def ready(self) -> None:
        # Registers the welcome and one-off email kinds with the outbox.
        from notifications import welcome  # noqa: F401
        from notifications.outbox import welcome_new_employees
        from people.signals import employees_created

        employees_created.connect(welcome_new_employees, dispatch_uid="outbox-welcome")
