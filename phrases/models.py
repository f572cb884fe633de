"""The phrase library's data: activities and their organisers, phrases with typed
gaps, glossary terms, and the per-unit copy counts and personal favourites.

Themes, service areas and record types are lists of codes in JSON columns; a filter
matches the quoted code inside the JSON text.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from languages.fields import InLanguage
from phrases import gaps
from phrases.choices import RecordType, ServiceArea, Theme, labels_of
from phrases.forms import ActivityAdminForm, PhraseAdminForm
from phrases.lemmas import language_of, weighted_terms


class Activity(index.Indexed, models.Model):
    """A hyte activity that a phrase can refer a client to, run by an organisation."""

    key = models.SlugField(
        _("tunniste"),
        max_length=80,
        unique=True,
        help_text=_("Pysyvä tunniste, jolla tuonti ja esittelyaineisto löytävät toiminnan."),
    )
    name_fi = models.CharField(_("nimi (suomi)"), max_length=200)
    name_sv = models.CharField(_("nimi (ruotsi)"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi (englanti)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("järjestäjä"),
    )
    municipality = models.CharField(_("kunta"), max_length=100, blank=True)
    themes = models.JSONField(_("teemat"), default=list, blank=True)
    description_fi = models.TextField(_("kuvaus (suomi)"), blank=True)
    description_sv = models.TextField(_("kuvaus (ruotsi)"), blank=True)
    description_en = models.TextField(_("kuvaus (englanti)"), blank=True)
    contact = models.CharField(_("yhteystiedot"), max_length=300, blank=True)
    url = models.URLField(_("linkki"), blank=True)
    active = models.BooleanField(_("käytössä"), default=True)

    base_form_class = ActivityAdminForm
    panels = [
        FieldPanel("key"),
        FieldRowPanel([FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")]),
        FieldPanel("organisation"),
        FieldPanel("municipality"),
        FieldPanel("themes"),
        FieldPanel("description_fi"),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
        FieldPanel("contact"),
        FieldPanel("url"),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("name_fi"),
        index.SearchField("name_sv"),
        # The admin listing searches by key too.
        index.SearchField("key"),
        index.AutocompleteField("name_fi"),
        index.FilterField("active"),
    ]

    class Meta:
        verbose_name = _("hyte-toiminta")
        verbose_name_plural = _("hyte-toiminnat")
        ordering = ["name_fi"]

    name = InLanguage("name")
    description = InLanguage("description")

    def __str__(self) -> str:
        return self.name

    def theme_labels(self) -> list[str]:
        return labels_of(Theme, self.themes)


# The candidates' order among phrases copied as often (phrases.search): a hash of the
# code, in an index with the copy count.
CANDIDATE_ORDER = Func(F("code"), function="hashtext", output_field=models.IntegerField())


class Phrase(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A ready-made text for a client record or a care plan, with typed gaps. The
    Swedish version is a translation with the same code."""

    code = models.CharField(
        _("koodi"),
        max_length=40,
        help_text=_("Lyhyt koodi, jolla fraasin löytää, esim. HYTE-LIIKUNTA-1."),
    )
    title = models.CharField(_("otsikko"), max_length=200)
    body = models.TextField(
        _("teksti"),
        help_text=_(
            "Aukot: {{activity}}, {{organiser}}, {{date}}, {{text:Otsikko}}, "
            "{{choice:Otsikko|vaihtoehto 1|vaihtoehto 2}}; ? tyypin perässä = vapaaehtoinen."
        ),
    )
    themes = models.JSONField(_("teemat"), default=list, blank=True)
    service_areas = models.JSONField(_("palvelualueet"), default=list, blank=True)
    record_types = models.JSONField(_("kirjaukset"), default=list, blank=True)
    # The words and base forms of the code, title and body for the search, and the
    # compound parts and derivation roots besides them (see phrases.lemmas).
    search_lemmas = models.TextField(editable=False, blank=True, default="")
    search_relatives = models.TextField(editable=False, blank=True, default="")
    # What the search reads (GIN index): the terms above, stored, never re-parsed; a
    # word's own forms weigh A in the rank, its parts and roots B.
    search_vector = models.GeneratedField(
        expression=SearchVector("search_lemmas", config="simple", weight="A")
        + SearchVector("search_relatives", config="simple", weight="B"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Copies by every unit together, kept by phrases.services.phrase_copy_record: the
    # order in which the search takes candidates when a word matches very many phrases.
    copies_total = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="phrase")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="phrase",
        for_concrete_model=False,
    )

    base_form_class = PhraseAdminForm
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("service_areas"), FieldPanel("record_types")],
            heading=_("Luokittelu"),
        ),
    ]

    search_fields = [
        index.SearchField("code"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("fraasi")
        verbose_name_plural = _("fraasit")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="phrase_unique_code_in_locale")
        ]
        indexes = [
            # No pending list (fastupdate off): every search would read it whole, up to
            # 4 MB after a bulk import, until a vacuum merged it; phrases are written
            # seldom and searched all day.
            GinIndex(fields=["search_vector"], name="phrase_search_vector", fastupdate=False),
            # Serves "the most copied matches first" without sorting every match. Among
            # equals the order is a hash of the code: codes name their theme, and a walk
            # in code order would pass every phrase of the themes before a word's own.
            models.Index(
                F("locale"),
                F("copies_total").desc(),
                CANDIDATE_ORDER,
                F("code"),
                condition=models.Q(live=True),
                name="phrase_live_by_copies",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs):
        # Derived from the saved text, so a publish (which saves the revision's content
        # onto the row) always leaves the search terms matching what is live.
        self.set_search_terms()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_lemmas", "search_relatives"}
        super().save(*args, **kwargs)
        PhraseSearchTerm.remember(self.search_terms())

    @property
    def revisions(self):
        return self._revisions

    def with_content_json(self, content):
        # A publish copies a revision onto the row; the copy count is not content.
        found = super().with_content_json(content)
        found.copies_total = self.copies_total
        return found

    def clean(self):
        super().clean()
        try:
            gaps.parse(self.body or "")
        except gaps.GapSyntaxError as error:
            raise ValidationError({"body": str(error)}) from error
        self.code = (self.code or "").strip().upper()

    def parsed(self) -> gaps.Parsed:
        """The body's gaps, those without a label of their own named in the phrase's
        language: a Finnish phrase shown in another language (it has no translation)
        keeps Finnish words in its text."""
        from phrases.selectors import locale_code

        language = locale_code(self.locale_id) if self.locale_id else None
        with translation.override(language):
            return gaps.parse(self.body)

    def plain_text(self) -> str:
        try:
            return self.parsed().plain_text()
        except gaps.GapSyntaxError:
            return self.body

    def excerpt(self, length: int = 220) -> str:
        """The plain text, cut to `length` characters as `truncatechars` cuts; a text no
        longer than that is returned as it is without the filter's per-character walk."""
        text = self.plain_text()
        return text if len(text) <= length else Truncator(text).chars(length)

    def set_search_terms(self) -> None:
        language = language_of(self.locale.language_code if self.locale_id else "fi")
        text = " ".join((self.code, self.title, self.plain_text()))
        own, relatives = weighted_terms(text, language)
        self.search_lemmas = " ".join(own)
        self.search_relatives = " ".join(relatives)

    def search_terms(self) -> list[str]:
        return [*self.search_lemmas.split(), *self.search_relatives.split()]

    def theme_labels(self) -> list[str]:
        return labels_of(Theme, self.themes)

    def service_area_labels(self) -> list[str]:
        return labels_of(ServiceArea, self.service_areas)

    def record_type_labels(self) -> list[str]:
        return labels_of(RecordType, self.record_types)


class PhraseSearchTerm(models.Model):
    """Every distinct term any phrase was ever indexed with: the small vocabulary in
    which a misspelt query word finds its likely meanings (trigram similarity), so the
    phrase query itself stays a full-text index lookup."""

    term = models.CharField(max_length=100, unique=True)

    class Meta:
        indexes = [
            GinIndex(
                fields=["term"],
                opclasses=["gin_trgm_ops"],
                name="phrase_search_term_trgm",
                fastupdate=False,
            ),
        ]
        verbose_name = _("hakusana")
        verbose_name_plural = _("hakusanat")

    def __str__(self) -> str:
        return self.term

    @classmethod
    def remember(cls, terms) -> None:
        """Add new terms; words only, since codes and numbers are never corrected."""
        words = {term[:100] for term in terms if term.isalpha()}
        cls.objects.bulk_create([cls(term=term) for term in words], ignore_conflicts=True)


class GlossaryTerm(TranslatableMixin, models.Model):
    """A term of the shared vocabulary of wellbeing work; fi, sv and en versions are
    translations sharing the slug, which is the anchor on the glossary page."""

    slug = models.SlugField(_("ankkuri"), max_length=80)
    term = models.CharField(_("termi"), max_length=150)
    definition = RichTextField(_("määritelmä"), features=["bold", "italic", "link"])

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sanaston termi")
        verbose_name_plural = _("sanaston termit")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class PhraseCopyCount(models.Model):
    """How many times a unit copied a phrase. Only the count: never the filled text."""

    phrase = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="copy_counts")
    unit = models.ForeignKey(
        "people.OrgUnit", on_delete=models.CASCADE, related_name="phrase_copy_counts"
    )
    count = models.PositiveIntegerField(default=0)
    last_copied_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("fraasin kopiointimäärä")
        verbose_name_plural = _("fraasien kopiointimäärät")
        constraints = [
            models.UniqueConstraint(fields=["phrase", "unit"], name="phrase_copy_count_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.phrase_id} / {self.unit_id}: {self.count}"


class PhraseFavourite(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="phrase_favourites"
    )
    phrase = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="favourites")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suosikkifraasi")
        verbose_name_plural = _("suosikkifraasit")
        constraints = [
            models.UniqueConstraint(fields=["user", "phrase"], name="phrase_favourite_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.phrase_id}"
