"""Machine translation for translators' drafts, chosen per target language.

wagtail-localize takes one machine translator; this one hands each request to
DeepL, LibreTranslate or the development dummy according to the environment
(MACHINE_TRANSLATION, MACHINE_TRANSLATION_BY_LANGUAGE in config/env.py). A
language without a configured engine offers no machine translation.
"""

from django.utils.functional import cached_property
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator

ENGINES = {
    "deepl": DeepLTranslator,
    "libretranslate": LibreTranslator,
    "dummy": DummyTranslator,
}


class PerLanguageTranslator(BaseMachineTranslator):
    """Dispatches to the engine configured for the target language (or the default)."""

    display_name = "DeepL / LibreTranslate"

    def engine_name(self, target_locale) -> str:
        code = target_locale.language_code.split("-")[0]
        return self.options.get("by_language", {}).get(code) or self.options.get("default", "")

    @cached_property
    def _engines(self) -> dict:
        return {
            name: engine(self.options.get(name, {}))
            for name, engine in ENGINES.items()
            if self._configured(name)
        }

    def _configured(self, name: str) -> bool:
        if name == "deepl":
            return bool(self.options.get("deepl", {}).get("AUTH_KEY"))
        if name == "libretranslate":
            return bool(self.options.get("libretranslate", {}).get("LIBRETRANSLATE_URL"))
        return name == "dummy"

    def _engine_for(self, target_locale):
        return self._engines.get(self.engine_name(target_locale))

    def can_translate(self, source_locale, target_locale) -> bool:
        engine = self._engine_for(target_locale)
        return engine is not None and engine.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        engine = self._engine_for(target_locale)
        if engine is None:
            raise ValueError(f"No machine translation for {target_locale.language_code}")
        return engine.translate(source_locale, target_locale, strings)
