"""Custom image model: every image carries its credit and licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class SiteImage(AbstractImage):
    """An image with the photographer's credit and the licence it may be used under.

    Press releases refuse images without a credit (see ``press.blocks``).
    """

    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Fotograf*in oder Quelle, z. B. „Foto: Anna Beispiel / LAMSA“."),
    )
    licence = models.CharField(
        _("Lizenz"),
        max_length=255,
        blank=True,
        help_text=_("z. B. „CC BY 4.0“ oder „alle Rechte vorbehalten“."),
    )
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=255,
        blank=True,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen können."),
    )

    admin_form_fields = WagtailImage.admin_form_fields + ("credit", "licence", "alt_text")

    @property
    def default_alt_text(self):
        # Wagtail uses this in {% image %} unless the template gives alt.
        return self.alt_text or self.title

    @property
    def credit_line(self) -> str:
        """Credit and licence as one line, as printed under the image."""
        return " · ".join(part for part in (self.credit, self.licence) if part)

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")


class SiteRendition(AbstractRendition):
    """Renditions of :class:`Image`."""

    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
