from django import forms
from django.utils.translation import gettext_lazy as _

from statements.models import AccessibilityFeedback


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_address", "name", "email"]
        labels = {
            "message": _("Mikä ei toimi tai mitä tarvitset"),
            "page_address": _("Sivu, jota palaute koskee (vapaaehtoinen)"),
            "name": _("Nimi (vapaaehtoinen)"),
            "email": _("Sähköposti, jos haluat vastauksen (vapaaehtoinen)"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
