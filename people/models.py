"""People of the county: the organisation tree, job roles, employees and HR import runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from languages.fields import InLanguage


class Language(models.TextChoices):
    FINNISH = "fi", "Suomi"
    SWEDISH = "sv", "Svenska"
    ENGLISH = "en", "English"


class TranslatedName(models.Model):
    """A name in Finnish with optional Swedish and English; shown in the active language."""

    name_fi = models.CharField(_("nimi suomeksi"), max_length=200)
    name_sv = models.CharField(_("nimi ruotsiksi"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi englanniksi"), max_length=200, blank=True)

    class Meta:
        abstract = True

    name = InLanguage("name")

    def __str__(self) -> str:
        return self.name


class OrgUnit(MP_Node, TranslatedName):
    """A node of the organisation: county → service sector → service area → unit.

    The materialised path makes "this unit and everything under it" one prefix match.
    """

    class Kind(models.TextChoices):
        COUNTY = "county", _("Hyvinvointialue")
        SECTOR = "sector", _("Toimiala")
        AREA = "area", _("Palvelualue")
        UNIT = "unit", _("Yksikkö")

    code = models.CharField(_("yksikkökoodi"), max_length=32, unique=True)
    kind = models.CharField(_("organisaatiotaso"), max_length=10, choices=Kind.choices)
    managers = models.ManyToManyField(
        "people.Employee",
        blank=True,
        related_name="managed_units",
        verbose_name=_("yksikön esihenkilöt"),
        help_text=_("Esihenkilöt näkevät kaikki tämän yksikön ja sen alayksiköiden työntekijät."),
    )

    closed_on = models.DateField(
        _("suljettu"),
        null=True,
        blank=True,
        help_text=_(
            "Suljettu yksikkö säilyttää historiansa, mutta siihen ei voi siirtää henkilöitä."
        ),
    )

    node_order_by = ["code"]

    class Meta:
        verbose_name = _("organisaatioyksikkö")
        verbose_name_plural = _("organisaatioyksiköt")
        permissions = [("import_org_units", _("Voi tuoda organisaatiopuun tiedostosta"))]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class JobRole(TranslatedName):
    """A job title (tehtävänimike), e.g. nurse, social worker, physiotherapist."""

    code = models.CharField(_("koodi"), max_length=32, unique=True)

    class Meta:
        verbose_name = _("tehtävänimike")
        verbose_name_plural = _("tehtävänimikkeet")
        ordering = ["name_fi"]


class Employee(models.Model):
    """One employee of the county, one-to-one with the sign-in account.

    Names and email live on the user; HR owns everything here and the import keeps it
    in step. A person who leaves is deactivated, never deleted: their training history
    must stay.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employee"
    )
    employee_number = models.CharField(_("henkilönumero"), max_length=32, unique=True)
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="employees", verbose_name=_("yksikkö")
    )
    job_role = models.ForeignKey(
        JobRole, on_delete=models.PROTECT, related_name="employees", verbose_name=_("tehtävänimike")
    )
    supervisor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_reports",
        verbose_name=_("esihenkilö"),
    )
    start_date = models.DateField(_("aloituspäivä"))
    end_date = models.DateField(_("päättymispäivä"), null=True, blank=True)
    language = models.CharField(
        _("asiointikieli"), max_length=2, choices=Language.choices, default=Language.FINNISH
    )
    preferred_language = models.CharField(
        _("käyttöliittymän kieli"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_("Henkilön itse valitsema kieli; tyhjä = asiointikieli."),
    )
    active = models.BooleanField(_("voimassa"), default=True)
    welcome_sent_at = models.DateTimeField(_("tervetuloviesti lähetetty"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("työntekijä")
        verbose_name_plural = _("työntekijät")
        ordering = ["user__last_name", "user__first_name"]
        permissions = [("import_employees", _("Voi tuoda henkilöstötiedot tiedostosta"))]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.employee_number})"

    @property
    def full_name(self) -> str:
        return f"{self.user.first_name} {self.user.last_name}".strip()

    @property
    def ui_language(self) -> str:
        return self.preferred_language or self.language


class ImportRun(models.Model):
    """One uploaded HR file: kept from preview until it is applied, then its bytes are dropped."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Esikatseltu")
        APPLIED = "applied", _("Tallennettu")

    class Kind(models.TextChoices):
        STAFF = "staff", _("Henkilöstö")
        ORG_UNITS = "org_units", _("Organisaatiopuu")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STAFF)
    file_name = models.CharField(max_length=255)
    content = models.BinaryField(blank=True, default=b"")
    # The staff file's rows as its preview checked them (compressed JSON), and the
    # SHA-256 of the file they came from: applying a file that is still the same reuses
    # them instead of checking every row again (`people.hr_import.checked`). Dropped
    # with the file. Defaults in the database too, so code from before them can still
    # write runs (a rolling deploy).
    content_sha256 = models.CharField(max_length=64, blank=True, default="", db_default="")
    checked_rows = models.BinaryField(blank=True, default=b"", db_default=b"")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEWED)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    deactivated_count = models.PositiveIntegerField(default=0)
    created_numbers = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("henkilöstötuonti")
        verbose_name_plural = _("henkilöstötuonnit")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%d.%m.%Y %H:%M})"
