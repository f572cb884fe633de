"""Onboarding checklists: templates by unit and job role, and each new employee's own
checklist built from every template that fits them.

Items are copied into the checklist when it is built, so editing a template never
rewrites a checklist already under way; items added to a template later reach only
open checklists of people still in their first weeks (see services).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable

from languages.fields import InLanguage
from onboarding.panels import PropagationNoticePanel
from people.validators import validate_single_line


class ItemKind(models.TextChoices):
    COURSE = "course", _("Koulutus")
    TASK = "task", _("Tehtävä")
    MEETING = "meeting", _("Tapaaminen")
    READ = "read", _("Luettava")
    SIGN_OFF = "sign_off", _("Esihenkilön kuittaus")
    # Ticked when the person attends a session of the series (events app).
    SESSION = "session", _("Tilaisuussarja")


class ItemOwner(models.TextChoices):
    EMPLOYEE = "employee", _("Työntekijä")
    SUPERVISOR = "supervisor", _("Esihenkilö")
    BUDDY = "buddy", _("Perehdyttäjä")
    HR = "hr", _("HR")


class ChecklistTemplate(ClusterableModel):
    name = models.CharField(_("nimi"), max_length=200)
    name_sv = models.CharField(_("nimi ruotsiksi"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi englanniksi"), max_length=200, blank=True)
    units = ParentalManyToManyField(
        "people.OrgUnit",
        blank=True,
        verbose_name=_("yksiköt"),
        help_text=_("Yksikkö sisältää alayksikkönsä. Tyhjä = kaikki yksiköt."),
    )
    job_roles = ParentalManyToManyField(
        "people.JobRole",
        blank=True,
        verbose_name=_("tehtävänimikkeet"),
        help_text=_("Tyhjä = kaikki."),
    )
    active = models.BooleanField(_("käytössä"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        PropagationNoticePanel(),
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_sv"), FieldPanel("name_en")]),
        MultiFieldPanel([FieldPanel("units"), FieldPanel("job_roles")], heading=_("Kenelle")),
        FieldPanel("active"),
        InlinePanel("items", heading=_("Tehtävät"), label=_("tehtävä"), min_num=1),
    ]

    class Meta:
        verbose_name = _("perehdytyspohja")
        verbose_name_plural = _("perehdytyspohjat")
        ordering = ["name"]

    local_name = InLanguage("name")

    def __str__(self) -> str:
        return self.name


class TemplateItem(Orderable):
    template = ParentalKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(
        _("tyyppi"), max_length=10, choices=ItemKind.choices, default=ItemKind.TASK
    )
    title = models.CharField(_("otsikko"), max_length=200, validators=[validate_single_line])
    title_sv = models.CharField(
        _("otsikko ruotsiksi"), max_length=200, blank=True, validators=[validate_single_line]
    )
    title_en = models.CharField(
        _("otsikko englanniksi"), max_length=200, blank=True, validators=[validate_single_line]
    )
    description = models.TextField(_("ohje"), blank=True)
    description_sv = models.TextField(_("ohje ruotsiksi"), blank=True)
    description_en = models.TextField(_("ohje englanniksi"), blank=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("koulutus"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("luettava sivu"),
    )
    session_series = models.ForeignKey(
        "events.SessionSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tilaisuussarja"),
    )
    owner = models.CharField(
        _("vastuu"), max_length=10, choices=ItemOwner.choices, default=ItemOwner.EMPLOYEE
    )
    due_days = models.PositiveSmallIntegerField(_("määräaika (päivää aloituksesta)"), default=14)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("owner"), FieldPanel("due_days")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_sv"), FieldPanel("title_en")]),
        FieldPanel("description"),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
        PageChooserPanel("course", "courses.CoursePage"),
        PageChooserPanel("page"),
        FieldPanel("session_series"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("pohjan tehtävä")
        verbose_name_plural = _("pohjan tehtävät")

    local_title = InLanguage("title")
    local_description = InLanguage("description")

    def __str__(self) -> str:
        return self.title


class Checklist(models.Model):
    """One employee's onboarding checklist."""

    employee = models.OneToOneField(
        "people.Employee", on_delete=models.CASCADE, related_name="checklist"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("perehdytyslista")
        verbose_name_plural = _("perehdytyslistat")

    def __str__(self) -> str:
        return f"{self.employee}"


class ChecklistItem(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="items")
    template_item = models.ForeignKey(
        TemplateItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklist_items",
    )
    kind = models.CharField(max_length=10, choices=ItemKind.choices)
    # Copied with their translations from the template item (languages.fields).
    title = models.CharField(max_length=200, validators=[validate_single_line])
    title_sv = models.CharField(max_length=200, blank=True)
    title_en = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    description_sv = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklist_items",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    session_series = models.ForeignKey(
        "events.SessionSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tilaisuussarja"),
    )
    owner = models.CharField(max_length=10, choices=ItemOwner.choices)
    due_date = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="set for an extra item a supervisor added for one person",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "template_item"],
                condition=models.Q(template_item__isnull=False),
                name="one_item_per_template_item",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_date"],
                condition=models.Q(done_at__isnull=True),
                name="open_items_by_due_date",
            )
        ]

    local_title = InLanguage("title")
    local_description = InLanguage("description")

    def __str__(self) -> str:
        return self.title

    @property
    def done(self) -> bool:
        return self.done_at is not None
