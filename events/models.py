"""Networks of professionals and the presentation sessions NGOs and parishes give them.

A session belongs to a series (the county's twice-a-year round on one theme). Its seats
are `Registration` rows: one per person and session, whose status moves between
registered, waiting and cancelled, so a person's history (and attendance) is never lost.
`Invitation` rows prove who was invited, once per person and session. Feedback is one
row per registration (and per presenter slot): a second answer updates the first.
"""

import datetime
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from languages.fields import InLanguage
from people.validators import validate_single_line


def new_checkin_code() -> str:
    """Six characters read aloud or shown on a slide; no 0/O or 1/I to mix up."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class Network(index.Indexed, models.Model):
    """A named group of professionals, e.g. the family work network or memory nurses."""

    name = models.CharField(_("nimi"), max_length=200, unique=True)
    description = models.TextField(_("kuvaus"), blank=True)
    conveners = models.ManyToManyField(
        "people.Employee",
        blank=True,
        related_name="convened_networks",
        verbose_name=_("koollekutsujat"),
    )
    members = models.ManyToManyField(
        "people.Employee", blank=True, related_name="networks", verbose_name=_("jäsenet")
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("conveners")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("verkosto")
        verbose_name_plural = _("verkostot")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SessionSeries(index.Indexed, models.Model):
    """One theme's sessions for one half-year, e.g. "Families with children, spring"."""

    title = models.CharField(_("otsikko"), max_length=200, validators=[validate_single_line])
    title_sv = models.CharField(
        _("otsikko ruotsiksi"), max_length=200, blank=True, validators=[validate_single_line]
    )
    title_en = models.CharField(
        _("otsikko englanniksi"), max_length=200, blank=True, validators=[validate_single_line]
    )
    description = models.TextField(_("kuvaus"), blank=True)
    description_sv = models.TextField(_("kuvaus ruotsiksi"), blank=True)
    description_en = models.TextField(_("kuvaus englanniksi"), blank=True)
    half_year_start = models.DateField(
        _("puolivuosi alkaa"), help_text=_("1.1. tai 1.7. – sarja kopioidaan seuraavalle.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_sv"), FieldPanel("title_en")]),
        FieldPanel("description"),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
        FieldPanel("half_year_start"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("tilaisuussarja")
        verbose_name_plural = _("tilaisuussarjat")
        ordering = ["-half_year_start", "title"]

    local_title = InLanguage("title")
    local_description = InLanguage("description")

    def __str__(self) -> str:
        return f"{self.local_title} ({self.half_year_label})"

    @property
    def half_year_label(self) -> str:
        if self.half_year_start.month < 7:
            return _("kevät %(year)s") % {"year": self.half_year_start.year}
        return _("syksy %(year)s") % {"year": self.half_year_start.year}


class SessionFormat(models.TextChoices):
    ON_SITE = "on_site", _("Lähitilaisuus")
    REMOTE = "remote", _("Etätilaisuus")
    HYBRID = "hybrid", _("Hybridi")


class Session(index.Indexed, ClusterableModel):
    series = models.ForeignKey(
        SessionSeries, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("sarja")
    )
    title = models.CharField(_("otsikko"), max_length=200, validators=[validate_single_line])
    title_sv = models.CharField(
        _("otsikko ruotsiksi"), max_length=200, blank=True, validators=[validate_single_line]
    )
    title_en = models.CharField(
        _("otsikko englanniksi"), max_length=200, blank=True, validators=[validate_single_line]
    )
    description = models.TextField(_("kuvaus"), blank=True)
    description_sv = models.TextField(_("kuvaus ruotsiksi"), blank=True)
    description_en = models.TextField(_("kuvaus englanniksi"), blank=True)
    format = models.CharField(
        _("toteutustapa"),
        max_length=10,
        choices=SessionFormat.choices,
        default=SessionFormat.REMOTE,
    )
    address = models.CharField(_("osoite"), max_length=300, blank=True)
    meeting_link = models.URLField(_("etäyhteyden linkki"), blank=True)
    starts_at = models.DateTimeField(_("alkaa"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("kesto (min)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(8 * 60)],
    )
    capacity = models.PositiveIntegerField(_("paikkoja"), validators=[MinValueValidator(1)])
    target_networks = ParentalManyToManyField(
        Network, blank=True, related_name="sessions", verbose_name=_("kohdeverkostot")
    )
    target_units = ParentalManyToManyField(
        "people.OrgUnit",
        blank=True,
        related_name="+",
        verbose_name=_("kohdeyksiköt"),
        help_text=_("Yksikkö sisältää alayksikkönsä."),
    )
    target_job_roles = ParentalManyToManyField(
        "people.JobRole", blank=True, related_name="+", verbose_name=_("kohdenimikkeet")
    )
    checkin_code = models.CharField(
        _("osallistumiskoodi"), max_length=8, default=new_checkin_code, editable=False
    )
    # RFC 5545 SEQUENCE: raised whenever the time changes, so calendars replace the event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(_("peruttu"), null=True, blank=True, editable=False)
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("series"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_sv"), FieldPanel("title_en")]),
        FieldPanel("description"),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("address"), FieldPanel("meeting_link")],
            heading=_("Paikka"),
        ),
        FieldRowPanel(
            [FieldPanel("starts_at"), FieldPanel("duration_minutes"), FieldPanel("capacity")]
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_networks"),
                FieldPanel("target_units"),
                FieldPanel("target_job_roles"),
            ],
            heading=_("Kohderyhmä"),
        ),
        InlinePanel("slots", heading=_("Esittäjät"), label=_("esitysvuoro")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("tilaisuus")
        verbose_name_plural = _("tilaisuudet")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"], name="session_starts_at")]

    local_title = InLanguage("title")
    local_description = InLanguage("description")

    def __str__(self) -> str:
        return self.local_title

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def has_meeting_link(self) -> bool:
        return self.format in (SessionFormat.REMOTE, SessionFormat.HYBRID) and bool(
            self.meeting_link
        )

    @property
    def has_address(self) -> bool:
        return self.format in (SessionFormat.ON_SITE, SessionFormat.HYBRID) and bool(self.address)

    def ics_uid(self) -> str:
        """Stable for the life of the session, whatever changes in it, and unique to
        this installation (its host, from SITE_URL)."""
        return f"session-{self.pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}"


class PresenterSlot(Orderable):
    """An organisation's turn in a session. Its contact person confirms or edits it
    through a signed link (no account needed)."""

    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="slots")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="presenter_slots",
        verbose_name=_("toimija"),
    )
    minutes = models.PositiveSmallIntegerField(
        _("minuutteja"), default=15, validators=[MinValueValidator(5), MaxValueValidator(120)]
    )
    topic = models.CharField(_("aihe"), max_length=200, blank=True)
    presenter_names = models.CharField(_("esittäjät"), max_length=300, blank=True)
    confirmed_at = models.DateTimeField(_("vahvistettu"), null=True, blank=True, editable=False)
    # Raised each time a link is sent: links carrying an older version stop working.
    link_version = models.PositiveIntegerField(default=1, editable=False)

    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("minutes"), FieldPanel("topic")]),
        FieldPanel("presenter_names"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("esitysvuoro")
        verbose_name_plural = _("esitysvuorot")

    def __str__(self) -> str:
        return f"{self.organisation} – {self.session}"


class Invitation(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="invitations")
    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    shared_by = models.ForeignKey(
        "people.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "employee"], name="one_invitation_each")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.session_id}"


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Ilmoittautunut")
        WAITING = "waiting", _("Jonossa")
        CANCELLED = "cancelled", _("Peruttu")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="session_registrations"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    # The waiting list's order: when the person last joined (registering again re-queues).
    queued_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "employee"], name="one_registration_each")
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"], name="seat_queue")]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.session_id} ({self.status})"


class Feedback(models.Model):
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    useful = models.BooleanField(_("Saitko työhösi hyödyllistä tietoa?"))
    rating = models.PositiveSmallIntegerField(
        _("Arvosana 1–5"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    will_do_differently = models.TextField(_("Mitä teet jatkossa toisin?"), blank=True)
    free_text = models.TextField(_("Vapaa palaute"), blank=True)
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.pk}: {self.useful}"


class PresenterFeedback(models.Model):
    slot = models.OneToOneField(PresenterSlot, on_delete=models.CASCADE, related_name="feedback")
    useful = models.BooleanField(_("Oliko esittäytyminen hyödyllistä organisaatiollenne?"))
    free_text = models.TextField(_("Vapaa palaute"), blank=True)
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.pk}: {self.useful}"
