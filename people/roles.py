"""The roles of Hyteopas. Each is a Django group created by a migration; the group
names are stable identifiers, the labels shown to people are translated."""

from django.utils.translation import gettext_lazy as _

EMPLOYEE = "employee"
SUPERVISOR = "supervisor"
TRAINER = "trainer"
PHRASE_EDITOR = "phrase_editor"
PHRASE_APPROVER = "phrase_approver"
HR_ADMIN = "hr_admin"
# County-level wellbeing (hyte) coordinators: county reports, networks and NGO sessions.
HYTE_COORDINATOR = "hyte_coordinator"

ALL = (
    EMPLOYEE,
    SUPERVISOR,
    TRAINER,
    PHRASE_EDITOR,
    PHRASE_APPROVER,
    HR_ADMIN,
    HYTE_COORDINATOR,
)

LABELS = {
    EMPLOYEE: _("Työntekijä"),
    SUPERVISOR: _("Esihenkilö"),
    TRAINER: _("Kouluttaja"),
    PHRASE_EDITOR: _("Fraasien muokkaaja"),
    PHRASE_APPROVER: _("Fraasien hyväksyjä"),
    HR_ADMIN: _("HR-pääkäyttäjä"),
    HYTE_COORDINATOR: _("Hyte-koordinaattori"),
}

# Roles that work in the Wagtail admin.
ADMIN_ROLES = (TRAINER, PHRASE_EDITOR, PHRASE_APPROVER, HR_ADMIN, HYTE_COORDINATOR)
