"""Labels other apps show for sessions (an onboarding item kind, a field name), kept
here so that their translations live in this app's catalogue."""

from django.utils.translation import gettext_lazy as _

SESSION_SERIES_KIND = _("Tilaisuussarja")
SESSION_SERIES_FIELD = _("tilaisuussarja")
SESSION_SERIES_COURSE_HELP = _(
    "Osallistuminen sarjan tilaisuuteen suorittaa koulutuksen (oppitunnit merkitään "
    "tehdyiksi; vaadittu tietovisa on silti läpäistävä)."
)
