"""In-app notices and the outbox every email of the site goes through.

A `ReminderOutbox` row is the proof that a message was sent once: one row per
(subject kind, subject id, stage, recipient, address) under a unique constraint, so
repeating a sweep, a task or a whole worker run can never create a second one. The
subject kind is the kind of message (a reminder stage, a welcome, a session invitation,
...); the stage is the key that makes one message of that kind unique (the reminder
stage, the session's calendar sequence, ...). A recipient is an employee; a message to
someone without an account (an organisation's contact person) has no recipient and an
`address` instead. A row moves
pending → sending → sent (or cancelled / failed_permanently); `handed_over_at` is set
right before the message goes to the mail server, so after a crash we know whether a
row left in `sending` may safely be sent again (see notifications/delivery.py).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class SubjectKind(models.TextChoices):
    CHECKLIST_ITEM = "checklist_item", _("Perehdytystehtävä")
    ENROLMENT = "enrolment", _("Koulutus")
    RECERTIFICATION = "recertification", _("Suorituksen uusiminen")
    RENEWAL = "renewal", _("Uusittava koulutus")
    DIGEST = "digest", _("Viikkokooste")
    WELCOME = "welcome", _("Tervetuloviesti")
    SESSION_INVITATION = "session_invitation", _("Kutsu tilaisuuteen")
    SESSION_REMINDER = "session_reminder", _("Tilaisuuden muistutus")
    SESSION_CHANGED = "session_changed", _("Tilaisuuden aika muuttui")
    SESSION_CANCELLED = "session_cancelled", _("Tilaisuus peruttu")
    SESSION_PROMOTED = "session_promoted", _("Paikka jonosta")
    SESSION_FEEDBACK = "session_feedback", _("Palautepyyntö")
    PRESENTER_CONFIRM = "presenter_confirm", _("Esitysvuoron vahvistus")
    PRESENTER_THANKS = "presenter_thanks", _("Kiitos esittäytyjälle")
    EMAIL = "email", _("Muu sähköposti")


# The kinds the hourly sweep works out by itself (enqueue.py); every other kind is
# written by the change that causes it.
REMINDER_KINDS = frozenset(
    {
        SubjectKind.CHECKLIST_ITEM,
        SubjectKind.ENROLMENT,
        SubjectKind.RECERTIFICATION,
        SubjectKind.RENEWAL,
        SubjectKind.DIGEST,
    }
)


class Stage(models.TextChoices):
    """Reminder stages. A weekly digest's stage is its ISO week instead, e.g. 2026-W48."""

    DUE_SOON = "due_soon", _("Määräpäivä lähestyy")
    DUE_TODAY = "due_today", _("Määräpäivä tänään")
    OVERDUE = "overdue", _("Myöhässä")
    LONG_OVERDUE = "long_overdue", _("Pitkään myöhässä")
    ESCALATION = "escalation", _("Esihenkilölle")
    RECERTIFICATION = "recertification", _("Uusittava")


# A reminder a supervisor sent by hand ("remind now"): its stage is the day, so the
# unique row allows one per person, item and day.
MANUAL_STAGE_PREFIX = "manual-"


def manual_stage(day) -> str:
    return f"{MANUAL_STAGE_PREFIX}{day.isoformat()}"


def is_manual_stage(stage: str) -> bool:
    return stage.startswith(MANUAL_STAGE_PREFIX)


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Odottaa")
    SENDING = "sending", _("Lähetetään")
    SENT = "sent", _("Lähetetty")
    CANCELLED = "cancelled", _("Peruttu")
    FAILED_PERMANENTLY = "failed_permanently", _("Epäonnistui pysyvästi")


class ReminderOutbox(models.Model):
    recipient = models.ForeignKey(
        "people.Employee",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastaanottaja"),
    )
    # Someone without an account (no recipient), or an address other than the
    # recipient's own; empty: the recipient's email address at the time of sending.
    address = models.EmailField(_("osoite"), blank=True, default="", db_default="")
    # A one-off email's own subject and text (SubjectKind.EMAIL); other kinds are
    # worked out from their subject when they are sent.
    payload = models.JSONField(null=True, blank=True)
    # Whose item it is: the recipient for their own reminders, the report for an
    # escalation or a supervisor-owned item, empty for a digest.
    about = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subject_kind = models.CharField(_("aihe"), max_length=30, choices=SubjectKind.choices)
    subject_id = models.BigIntegerField()
    stage = models.CharField(_("vaihe"), max_length=60)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        _("tila"), max_length=20, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    handed_over_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("muistutus")
        verbose_name_plural = _("muistutukset")
        constraints = [
            # Subject first: the sweep also asks "was this item escalated to anyone?".
            # A missing recipient counts as a value: one message per address.
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id", "stage", "recipient", "address"],
                name="one_message_per_key_and_recipient",
                nulls_distinct=False,
            )
        ]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(status="pending"),
                name="reminders_pending",
            ),
            models.Index(
                fields=["claimed_at"],
                condition=models.Q(status="sending"),
                name="reminders_sending",
            ),
        ]

    def __str__(self) -> str:
        to = self.recipient_id if self.recipient_id else self.address
        return f"{self.subject_kind} {self.subject_id} {self.stage} → {to}"


class Notification(models.Model):
    """A notice in the bell of the site. Title and body are stored in the recipient's
    language at the time they were made."""

    recipient = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="notifications"
    )
    outbox = models.OneToOneField(
        ReminderOutbox,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notification",
    )
    title = models.CharField(_("otsikko"), max_length=255)
    body = models.TextField(_("teksti"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ilmoitus")
        verbose_name_plural = _("ilmoitukset")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "created_at"],
                condition=models.Q(read_at__isnull=True),
                name="unread_notifications",
            )
        ]

    def __str__(self) -> str:
        return self.title


@register_setting(icon="time")
class ReminderStart(BaseGenericSetting):
    """When reminders may start (go-live): a day before which no reminder, escalation
    or digest is queued, and a switch that holds them all. Turning the switch off moves
    the day to today, so what would have been queued meanwhile never goes out in a
    burst: only stages that begin on that day or later are sent."""

    paused = models.BooleanField(
        _("muistutukset tauolla"),
        default=False,
        help_text=_("Kun valittu, muistutuksia, eskalointeja ja koosteita ei lähetetä."),
    )
    start_on = models.DateField(
        _("muistutukset alkavat"),
        null=True,
        blank=True,
        help_text=_(
            "Ennen tätä päivää ei lähetetä muistutuksia. Tyhjä = asetus REMINDERS_START_ON."
        ),
    )

    class Meta:
        verbose_name = _("muistutusten aloitus")

    def save(self, *args, **kwargs):
        if self.pk and not self.paused:
            was_paused = ReminderStart.objects.filter(pk=self.pk, paused=True).exists()
            today = timezone.localdate()
            if was_paused and (self.start_on is None or self.start_on < today):
                self.start_on = today
        super().save(*args, **kwargs)


class DigestOptOut(models.Model):
    """A supervisor who stopped the weekly digest (from the digest's one-click link or
    the switch on the notices page). No row: the digest is sent."""

    employee = models.OneToOneField(
        "people.Employee",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("henkilö"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("viikkokoosteen lopetus")
        verbose_name_plural = _("viikkokoosteen lopetukset")

    def __str__(self) -> str:
        return str(self.employee_id)
