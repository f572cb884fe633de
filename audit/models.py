"""The audit log: who did what, when, to which target.

Append-only in the database itself: a trigger (migration 0002) refuses every UPDATE
and every DELETE, except the removal of entries older than the retention period
through `audit_purge_expired()`, the one path the trigger lets through (see
`audit.services.purge_expired`).

The links to the actor and the person concerned are plain ids without a database
constraint (`db_constraint=False`, `DO_NOTHING`): deleting an account must not need to
rewrite the log, and the names are kept as text so the log still says who it was.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW_PERSON = "view_person", _("Henkilön tietojen katselu")
    EXPORT_CSV = "export_csv", _("CSV-vienti")
    EXPORT_XLSX = "export_xlsx", _("XLSX-vienti")
    DOWNLOAD_EXPORT = "download_export", _("Viennin lataus")
    REMIND = "remind", _("Muistutus")
    SIGN_IN = "sign_in", _("Kirjautuminen")
    SIGN_IN_FAILED = "sign_in_failed", _("Epäonnistunut kirjautuminen")
    SIGN_OUT = "sign_out", _("Uloskirjautuminen")
    LOCKOUT = "lockout", _("Tunnuksen lukitus")
    PASSWORD_SET = "password_set", _("Salasanan vaihto tai palautus")
    ROLE_CHANGE = "role_change", _("Roolimuutos")
    STAFF_IMPORT = "staff_import", _("Henkilöstön tuonti")
    ORG_IMPORT = "org_import", _("Organisaation tuonti")
    READ_LOG = "read_log", _("Lokin luku")
    VERIFY_CERTIFICATE = "verify_certificate", _("Todistuksen tarkistus")
    PERSON_DATA_EXPORT = "person_data_export", _("Henkilön tietojen luovutus")
    PSEUDONYMISE = "pseudonymise", _("Henkilötietojen häivytys")
    COURSE_ASSIGN = "course_assign", _("Koulutuksen määrääminen yksikölle")
    COURSE_MATERIAL_CHANGE = "course_material_change", _("Koulutuksen olennainen muutos")


class AuditEntry(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tekijä"),
    )
    # Kept as text as well: the log must still say who it was after an account is gone.
    actor_name = models.CharField(_("tekijän nimi"), max_length=200)
    action = models.CharField(_("toiminto"), max_length=30, choices=AuditAction.choices)
    target = models.CharField(_("kohde"), max_length=300)
    target_employee = models.ForeignKey(
        "people.Employee",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kohdehenkilö"),
    )
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("aika"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("lokimerkintä")
        verbose_name_plural = _("lokimerkinnät")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "target"], name="audit_action_target")]

    def __str__(self) -> str:
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.actor_name}: {self.action} {self.target}"
