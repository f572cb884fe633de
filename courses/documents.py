"""Documents trainers upload for lessons: besides the usual attachments, videos (MP4,
WebM) and their captions (WebVTT), each kind with its own size limit from settings
(VIDEO_UPLOAD_MAX_BYTES, CAPTIONS_UPLOAD_MAX_BYTES). Wagtail's document form takes its
base class from WAGTAILDOCS_DOCUMENT_FORM_BASE, so the limits hold in the document
library, the chooser's upload tab and multiple upload alike."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from courses.blocks import CAPTION_EXTENSIONS, VIDEO_EXTENSIONS, extension_of


def size_limit_for(name: str) -> int | None:
    """The largest upload allowed for a file called `name`, or None for no limit of ours."""
    extension = extension_of(name)
    if extension in VIDEO_EXTENSIONS:
        return settings.VIDEO_UPLOAD_MAX_BYTES
    if extension in CAPTION_EXTENSIONS:
        return settings.CAPTIONS_UPLOAD_MAX_BYTES
    return None


class DocumentForm(BaseDocumentForm):
    def _post_clean(self):
        # After the model's own checks: refusing the file earlier would leave the
        # document without one, and the model would then also complain of its extension.
        super()._post_clean()
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            limit = size_limit_for(upload.name)
            if limit is not None and upload.size > limit:
                self.add_error(
                    "file",
                    ValidationError(
                        _("Tiedosto on liian suuri (%(size)s). Suurin sallittu koko on %(limit)s.")
                        % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                        code="file_too_large",
                    ),
                )
