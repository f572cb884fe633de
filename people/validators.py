"""Checks shared by every app's forms and models (people is the ground layer)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_single_line(value) -> None:
    """No CR or LF: titles and names become email subjects and headers, where a line
    break would end the header (Django refuses to send such a message)."""
    if isinstance(value, str) and ("\r" in value or "\n" in value):
        raise ValidationError(_("Teksti ei saa sisältää rivinvaihtoja."), code="line_break")
