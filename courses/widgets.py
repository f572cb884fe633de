"""The course editor's audience fields: a multi-select that a small script turns into an
autocomplete showing what is chosen.

Without JavaScript the plain multi-select works as before. With it, the select is hidden
and kept in step with a text input (a native `<datalist>` of the options), an add button
and the list of chosen items, each with its own remove button, so the form posts exactly
what the select would. Our own code rather than a library: the admin's choosers need a
chooser viewset per model and a modal, and the autocomplete libraries we looked at bring
their own styles and no Finnish; the native datalist does the suggesting here.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class AudienceWidget(forms.SelectMultiple):
    template_name = "courses/widgets/audience.html"

    class Media:
        js = ["courses/audience.js"]
        css = {"all": ["courses/audience.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["labels"] = {
            "add": _("Lisää"),
            # %(name)s is replaced by the script with the chosen item's name.
            "remove": _("Poista: %(name)s"),
            "chosen": _("Valitut"),
            "none": _("Ei valittuja. Tyhjä = kaikki."),
            "hint": _("Kirjoita osa nimestä ja valitse ehdotuksista."),
            "added": _("Lisätty: %(name)s"),
            "removed": _("Poistettu: %(name)s"),
            "no_match": _("Ei osumia: %(text)s"),
            "many": _("Useita osumia: %(text)s. Tarkenna hakua."),
            "already": _("Jo valittu: %(name)s"),
        }
        return context
