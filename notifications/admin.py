"""The outbox in Django's admin, where IT resolves reminders a crashed sweep left in
an uncertain state (handed to the mail server, never confirmed)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.models import Notification, OutboxStatus, ReminderOutbox


@admin.register(ReminderOutbox)
class ReminderOutboxAdmin(admin.ModelAdmin):
    list_display = (
        "pk",
        "subject_kind",
        "subject_id",
        "stage",
        "recipient",
        "status",
        "attempts",
        "claimed_at",
        "handed_over_at",
        "sent_at",
    )
    list_filter = ("status", "subject_kind", "stage")
    search_fields = ("recipient__employee_number", "recipient__user__email")
    list_select_related = ("recipient__user",)
    raw_id_fields = ("recipient", "about")
    readonly_fields = ("created_at", "claimed_at", "handed_over_at", "sent_at", "last_error")
    actions = ("send_again", "mark_sent")

    @admin.action(description=_("Lähetä uudelleen (voi tulla perille kahdesti)"))
    def send_again(self, request, queryset):
        count = queryset.exclude(status=OutboxStatus.SENT).update(
            status=OutboxStatus.PENDING,
            claimed_at=None,
            handed_over_at=None,
            note=f"sent again by {request.user}",
        )
        self.message_user(
            request,
            ngettext(
                "%(count)s muistutus lähetetään seuraavassa ajossa.",
                "%(count)s muistutusta lähetetään seuraavassa ajossa.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Merkitse lähetetyksi"))
    def mark_sent(self, request, queryset):
        count = queryset.filter(status=OutboxStatus.SENDING).update(
            status=OutboxStatus.SENT, sent_at=timezone.now(), note=f"marked sent by {request.user}"
        )
        self.message_user(
            request,
            ngettext(
                "%(count)s muistutus merkitty lähetetyksi.",
                "%(count)s muistutusta merkitty lähetetyksi.",
                count,
            )
            % {"count": count},
        )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("title", "recipient", "created_at", "read_at")
    list_select_related = ("recipient__user",)
    raw_id_fields = ("recipient", "outbox")
    search_fields = ("recipient__employee_number", "title")
