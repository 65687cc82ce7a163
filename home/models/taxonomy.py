"""Shared vocabularies: topics, languages and focus areas (translatable snippets)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Vocabulary(TranslatableMixin, index.Indexed, models.Model):
    """A named term with a stable slug used in filter URLs."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Kürzel"),
        max_length=100,
        help_text=_("Wird in Adressen und Filtern verwendet, z. B. „bildung“."),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The slug stays German in every language, so a filter address differs
    # only in its language prefix; the name is translated.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(Vocabulary):
    """A topic of press releases and projects (e.g. education, anti-discrimination)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Language(Vocabulary):
    """A language a member organisation works in."""

    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("code")]

    code = models.CharField(
        _("Sprachcode"), max_length=12, blank=True, help_text=_("ISO 639, z. B. „ar“.")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class FocusArea(Vocabulary):
    """A field of work of a member organisation (education, culture, sport...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("Arbeitsschwerpunkt")
        verbose_name_plural = _("Arbeitsschwerpunkte")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
