"""*Sisältöpaketit* in the admin: trainers upload SCORM packages and H5P files; the
file is checked (packages.archive) before anything is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from admin_choosers import restricted_chooser
from packages import archive, services
from packages.models import ContentPackage


class PackageForm(WagtailAdminModelForm):
    archive = forms.FileField(
        label=_("paketti (.zip tai .h5p)"),
        required=False,
        help_text=_(
            "SCORM 1.2- tai SCORM 2004 -paketti zip-tiedostona (imsmanifest.xml juuressa) "
            "tai H5P-tiedosto (.h5p, kirjastot mukana)."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("archive")
        if upload is None:
            if self.instance.pk is None:
                self.add_error("archive", _("Valitse ladattava paketti."))
            return cleaned
        try:
            self.inspection = archive.inspect(upload, h5p=upload.name.lower().endswith(".h5p"))
        except archive.PackageRefused as refused:
            self.add_error("archive", refused.message)
        return cleaned

    def save(self, commit=True):
        upload = self.cleaned_data.get("archive")
        if upload is None:
            return super().save(commit=commit)
        instance = super().save(commit=False)
        return services.package_store(
            upload=upload,
            h5p=upload.name.lower().endswith(".h5p"),
            title=instance.title,
            package=instance,
            user=getattr(self, "for_user", None),
        )


class ContentPackageViewSet(SnippetViewSet):
    model = ContentPackage
    icon = "media"
    menu_label = _("Sisältöpaketit")
    chooser_viewset_class = restricted_chooser()
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["title", "kind", "uploaded_at"]
    search_fields = ["title"]
    panels = [FieldPanel("title"), FieldPanel("archive"), FieldPanel("mastery_score")]


ContentPackage.base_form_class = PackageForm
register_snippet(ContentPackageViewSet)
