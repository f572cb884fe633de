"""The statements' settings: a Django setting of the same name wins, then the
environment variable, then the default here (README, "Configuration"). They are read at
each request, so a changed authority or contact needs no new release of the code."""

import datetime
import os

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    # Who is responsible for the data (GDPR art. 13(1)(a)) and whom to contact. The two
    # names' defaults are translated; a configured name is shown as written.
    "PRIVACY_CONTROLLER": _("Hyvinvointialue"),
    "PRIVACY_CONTACT": "kirjaamo@hyvinvointialue.example",
    "PRIVACY_DPO_CONTACT": "tietosuojavastaava@hyvinvointialue.example",
    # Empty: the purposes listed in the notice itself (translated). Otherwise
    # purposes separated by semicolons, shown as written.
    "PRIVACY_PURPOSES": "",
    "RETENTION_YEARS_AFTER_LEAVING": "5",
    "AUDIT_RETENTION_YEARS": "5",
    # Who reads accessibility feedback (Act 306/2019, section 15).
    "ACCESSIBILITY_CONTACT_EMAIL": "saavutettavuus@hyvinvointialue.example",
    "ACCESSIBILITY_AUTHORITY_NAME": _("Lupa- ja valvontavirasto, saavutettavuusvalvonta"),
    "ACCESSIBILITY_AUTHORITY_URL": "https://www.saavutettavuusvaatimukset.fi/",
    "ACCESSIBILITY_ASSESSED_ON": "2026-11-27",
}


def setting(name: str) -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, DEFAULTS[name])
    return str(value)


def setting_int(name: str) -> int:
    try:
        return int(setting(name))
    except ValueError:
        return int(DEFAULTS[name])


def setting_date(name: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(setting(name))
    except ValueError:
        return datetime.date.fromisoformat(DEFAULTS[name])
