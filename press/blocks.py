"""Body blocks of a press release: text, attributed quotes, credited images, downloads."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentBlock, ImageBlock, QuoteBlock, paragraph_block


class DemandsBlock(blocks.StructBlock):
    """The association's demands or positions, as a numbered list."""

    heading = blocks.CharBlock(label=_("Überschrift"), default=_("Unsere Forderungen"))
    items = blocks.ListBlock(blocks.TextBlock(label=_("Forderung")), label=_("Forderungen"))

    class Meta:
        icon = "list-ol"
        label = _("Forderungen")
        template = "components/blocks/demands_block.html"
        preview_value = {
            "heading": "Unsere Forderungen",
            "items": [
                "Sprachmittlung dauerhaft finanzieren.",
                "Migrantenorganisationen beteiligen.",
            ],
        }
        description = _("Eine nummerierte Liste von Forderungen oder Positionen.")


class PressReleaseBody(blocks.StreamBlock):
    paragraph = paragraph_block(
        template="components/blocks/paragraph_block.html",
        preview_value="<p>Halle (Saale). Ein Absatz der Pressemitteilung.</p>",
    )
    quote = QuoteBlock()
    demands = DemandsBlock()
    image = ImageBlock(require_credit=True)
    document = DocumentBlock()
