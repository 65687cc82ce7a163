"""StreamField blocks shared by the site's page types (press releases use them too)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_footnotes.blocks import RichTextBlockWithFootnotes

PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class QuoteBlock(blocks.StructBlock):
    """A quotation attributed to a named person and their role."""

    text = blocks.TextBlock(label=_("Zitat"))
    speaker = blocks.CharBlock(label=_("Name"), max_length=255)
    role = blocks.CharBlock(
        label=_("Funktion"),
        max_length=255,
        required=False,
        help_text=_("z. B. Geschäftsführerin von LAMSA e.V."),
    )

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "components/blocks/quote_block.html"
        preview_value = {
            "text": "Teilhabe beginnt dort, wo Menschen mitreden können.",
            "speaker": "Mira Beispiel",
            "role": "Geschäftsführerin",
        }
        description = _("Ein Zitat mit Name und Funktion der sprechenden Person.")


class ImageBlock(blocks.StructBlock):
    """An image with caption; the credit and licence come from the image itself.

    With ``require_credit=True`` (press releases) an image without a credit is
    refused, because the press office may not publish photos it cannot credit.
    """

    image = ImageChooserBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=500)

    def __init__(self, *args, require_credit=False, **kwargs):
        self.require_credit = require_credit
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        if self.require_credit:
            kwargs["require_credit"] = True
        return path, args, kwargs

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if self.require_credit and image is not None and not image.credit:
            raise StructBlockValidationError(
                block_errors={
                    "image": ValidationError(
                        _(
                            "Dieses Bild hat keinen Bildnachweis. Tragen Sie ihn in der "
                            "Bildverwaltung nach, bevor Sie es hier verwenden."
                        )
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "components/blocks/image_block.html"
        preview_value = {"caption": "Bildunterschrift"}
        description = _("Ein Bild mit Bildunterschrift, Bildnachweis und Lizenz.")


class DocumentBlock(blocks.StructBlock):
    """A downloadable file (PDF etc.) with a title and a short description."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=255)
    description = blocks.CharBlock(label=_("Beschreibung"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "components/blocks/document_block.html"
        preview_value = {"title": "Stellungnahme (PDF)", "description": "4 Seiten"}
        description = _("Eine Datei zum Herunterladen, z. B. eine Stellungnahme als PDF.")


class ImpressumBlock(blocks.StaticBlock):
    """The Impressum facts from the site settings, rendered where the editor places it."""

    class Meta:
        icon = "doc-full"
        label = _("Impressumsangaben (aus den Einstellungen)")
        admin_text = _(
            "Zeigt Anschrift, Vorstand, Register und Verantwortliche nach § 18 Abs. 2 MStV "
            "aus „Einstellungen → Impressum“ an."
        )
        template = "components/blocks/impressum_block.html"


class ContactDetailsBlock(blocks.StaticBlock):
    """The association's contact data from the site settings."""

    class Meta:
        icon = "mail"
        label = _("Kontaktdaten (aus den Einstellungen)")
        admin_text = _("Zeigt die Kontaktdaten aus „Einstellungen → Kontaktdaten“ an.")
        template = "components/blocks/contact_block.html"


def paragraph_block(**kwargs):
    return blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Absatz"), **kwargs)


class BodyBlock(blocks.StreamBlock):
    """Body of standard pages, projects, events and minutes."""

    paragraph = paragraph_block(
        template="components/blocks/paragraph_block.html",
        preview_value="<p>Ein Absatz mit <b>fettem</b> Text.</p>",
    )
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()

    class Meta:
        block_counts = {}


class StandardPageBody(BodyBlock):
    """Body of standard pages: adds the settings-driven legal and contact blocks."""

    impressum = ImpressumBlock()
    contact_details = ContactDetailsBlock()


class ArticleBody(blocks.StreamBlock):
    """Body of articles: paragraphs may reference numbered footnotes."""

    paragraph = RichTextBlockWithFootnotes(
        features=[*PARAGRAPH_FEATURES, "footnotes"],
        label=_("Absatz"),
        template="components/blocks/paragraph_block.html",
        preview_value="<p>Ein Absatz mit einer Fußnote.</p>",
    )
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
