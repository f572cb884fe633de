"""The building blocks of a lesson, one StructBlock per element (bakerydemo's shape)."""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1][1:].lower()


RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class PlaceholderCharBlock(blocks.CharBlock):
    """A text field showing an example in grey until the trainer writes their own."""

    def __init__(self, *args, placeholder="", **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["placeholder"] = placeholder


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a lesson."""

    text = blocks.CharBlock(label=_("otsikko"), max_length=200)

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        label = _("Väliotsikko")
        preview_value = {"text": "Mitä hyte-ohjaus on?"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/paragraph.html"
        label = _("Teksti")


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text every image must have."""

    image = ImageChooserBlock(label=_("kuva"))
    alt_text = blocks.CharBlock(
        label=_("vaihtoehtoinen teksti"),
        max_length=300,
        help_text=_("Kerro, mitä kuvassa on, ruudunlukijan käyttäjälle. Pakollinen."),
    )
    caption = blocks.CharBlock(label=_("kuvateksti"), required=False)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Kuva")

    def clean(self, value):
        """The alternative text is required on every save, drafts included (Wagtail
        defers required fields on a draft), with a message saying what to write."""
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as invalid:
            errors.update(invalid.block_errors)
        if not (value.get("alt_text") or "").strip():
            errors["alt_text"] = ValidationError(
                _(
                    "Kirjoita kuvalle vaihtoehtoinen teksti: mitä kuvassa on ruudunlukijan "
                    "käyttäjälle."
                )
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class VideoBlock(blocks.StructBlock):
    """A video as an uploaded file (MP4 or WebM) or an embed; captions (WebVTT) or a
    transcript are required. Every rule is checked on every save, drafts included, and
    shown at its own field, also when another field (say an embed address the server
    cannot reach) fails."""

    video_file = DocumentChooserBlock(
        label=_("videotiedosto (.mp4, .webm)"),
        required=False,
        help_text=_("Lataa video tai anna upotusosoite."),
    )
    embed = EmbedBlock(label=_("upotus (osoite)"), required=False)
    captions = DocumentChooserBlock(label=_("tekstitys (.vtt)"), required=False)
    transcript = blocks.TextBlock(label=_("tekstivastine"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")

    def clean(self, value):
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as invalid:
            errors.update(invalid.block_errors)
        video, captions = value.get("video_file"), value.get("captions")
        if not video and not value.get("embed") and "embed" not in errors:
            errors.setdefault(
                "video_file", ValidationError(_("Valitse videotiedosto tai anna upotusosoite."))
            )
        if video and extension_of(video.filename) not in VIDEO_EXTENSIONS:
            errors.setdefault(
                "video_file", ValidationError(_("Videon on oltava MP4- tai WebM-tiedosto."))
            )
        if captions and extension_of(captions.filename) not in CAPTION_EXTENSIONS:
            errors.setdefault(
                "captions", ValidationError(_("Tekstityksen on oltava WebVTT-tiedosto (.vtt)."))
            )
        if not captions and not (value.get("transcript") or "").strip():
            errors.setdefault(
                "transcript",
                ValidationError(
                    _("Videolla on oltava tekstitys tai tekstivastine (saavutettavuus).")
                ),
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip or note."""

    kind = blocks.ChoiceBlock(
        label=_("tyyppi"),
        choices=[("tip", _("Vinkki")), ("note", _("Huomio")), ("example", _("Esimerkki"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("teksti"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "courses/blocks/callout.html"
        label = _("Vinkki")


class HyteActivityBlock(blocks.StructBlock):
    """A card about one hyte activity: what it is, who runs it, where to find it."""

    name = blocks.CharBlock(label=_("toiminnan nimi"), max_length=200)
    organiser = blocks.CharBlock(label=_("järjestäjä"), max_length=200)
    organiser_kind = blocks.ChoiceBlock(
        label=_("järjestäjän tyyppi"),
        choices=[
            ("municipality", _("Kunta")),
            ("ngo", _("Järjestö")),
            ("parish", _("Seurakunta")),
            ("other", _("Muu")),
        ],
    )
    description = blocks.TextBlock(label=_("kuvaus"))
    link = blocks.URLBlock(label=_("linkki"), required=False)

    class Meta:
        icon = "group"
        template = "courses/blocks/hyte_activity.html"
        label = _("Hyte-toimintakortti")


class ReflectionBlock(blocks.StructBlock):
    """A question for the learner to think about; the answer is never stored."""

    question = blocks.CharBlock(label=_("pohdittava kysymys"), max_length=300)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/reflection.html"
        label = _("Pohdintatehtävä")


class QuizBlock(blocks.StructBlock):
    """A quiz from the quiz library, graded on the server."""

    quiz = SnippetChooserBlock("quizzes.Quiz", label=_("tietovisa"))
    required = blocks.BooleanBlock(
        label=_("läpäisy vaaditaan"),
        required=False,
        default=True,
        help_text=_("Oppitunti ja koulutus valmistuvat vasta, kun tietovisa on läpäisty."),
    )

    class Meta:
        icon = "tasks"
        template = "courses/blocks/quiz.html"
        label = _("Tietovisa")


class SelfAssessmentBlock(blocks.StructBlock):
    """An ungraded 1–5 self-rating, asked before or after the course."""

    # Starts empty, so a question written for another course is not published by accident.
    question = PlaceholderCharBlock(
        label=_("kysymys"),
        max_length=300,
        placeholder=_("Esim. Kuinka hyvin tunnet alueesi hyte-toiminnan?"),
    )
    phase = blocks.ChoiceBlock(
        label=_("vaihe"),
        choices=[("before", _("Ennen koulutusta")), ("after", _("Koulutuksen jälkeen"))],
        default="before",
    )
    low_label = blocks.CharBlock(label=_("asteikon alapää (1)"), default="En lainkaan")
    high_label = blocks.CharBlock(label=_("asteikon yläpää (5)"), default="Erittäin hyvin")

    class Meta:
        icon = "order"
        template = "courses/blocks/self_assessment.html"
        label = _("Itsearvio")


class PackageBlock(blocks.StructBlock):
    """A SCORM package or H5P activity from the package library (*Sisältöpaketit*),
    played in the lesson; the lesson completes when the package reports it finished."""

    package = SnippetChooserBlock("packages.ContentPackage", label=_("sisältöpaketti"))
    required = blocks.BooleanBlock(
        label=_("suoritus vaaditaan"),
        required=False,
        default=True,
        help_text=_("Oppitunti valmistuu vasta, kun paketti on suoritettu."),
    )
    height = blocks.IntegerBlock(
        label=_("korkeus (px)"), default=600, min_value=300, max_value=2000
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/package.html"
        label = _("SCORM- tai H5P-paketti")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    hyte_activity = HyteActivityBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()
    self_assessment = SelfAssessmentBlock()
    package = PackageBlock()
