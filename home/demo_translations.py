"""Demo translations: the German demo pages and snippets translated with wagtail-localize.

``home.demo.DemoLoader`` calls ``load_translations`` once the German pages
exist and before ``setup_roles`` (which grants each translator group the
translated home page of its language). The texts are in
``site/demo/translations/<language code>.json``, written by hand from the
German demo texts::

    {
      "common":   {"German string": "translation", ...},   # used on any page
      "snippets": {"home.Topic": {"Teilhabe": "Participation", ...}, ...},
      "pages":    {"": {...}, "presse": {...}, "presse/<slug>": {...}}
    }

Page keys are paths below the German home page ("" is the home page itself);
each maps a German source string (as wagtail-localize extracts it: one string
per paragraph, heading or list item, inline markup as ``<b>`` and
``<a id="a1">``) to its translation. Slugs are not translated: every language
keeps the German address after its prefix (``/en/presse/...``), and Django's
``slugify`` would empty an Arabic or Cyrillic slug anyway.

Everything goes through wagtail-localize's own records, as in the admin: a
``TranslationSource`` per German page or snippet, synced on every run like the
"Sync translated pages" action; a ``Translation`` per target language; the
strings imported as a PO file, as a volunteer would upload it; then the target
saved. ``site/demo/translations/states.json`` adds the two states a translator
must be able to find in the status overview: a release whose German text
changed after the last sync (outdated in English and Arabic) and a machine
draft that no person has reviewed yet.

Running it again updates the same pages, translations and strings.
"""

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db.models import Model
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

TRANSLATIONS_DIR = Path(settings.BASE_DIR) / "site" / "demo" / "translations"


def _read(name: str) -> dict:
    with open(TRANSLATIONS_DIR / f"{name}.json", encoding="utf-8") as file:
        return json.load(file)


@dataclass
class DemoTranslations:
    """Creates or updates the demo translations; ``run()`` returns a one-line summary."""

    home: Page
    log: object = print
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def __post_init__(self):
        self.source_locale = self.home.locale
        self.sources: dict[tuple[str, int], tuple[TranslationSource, bool]] = {}
        self.extras: list[str] = []

    def run(self) -> str:
        locales = self.ensure_locales()
        states = _read("states")
        for code, locale in locales.items():
            if not (TRANSLATIONS_DIR / f"{code}.json").exists():
                continue  # a language without demo texts (e.g. Turkish added later)
            data = _read(code)
            common = data.get("common", {})
            for label, strings in data.get("snippets", {}).items():
                self.translate_snippets(label, locale, {**common, **strings})
            # Parents before children: a translation is created under the
            # translation of its parent, which must exist.
            for key in sorted(data.get("pages", {}), key=lambda key: key.count("/") + bool(key)):
                page = self.page(key)
                self.translate(page, locale, {**common, **data["pages"][key]}, key=key)
                self.counts[code] += 1

        draft = states["machine_draft"]
        if draft["language"] in locales:
            self.machine_draft(self.page(draft["page"]), locales[draft["language"]])
        self.change_source(states["outdated"])

        for code, key, msgid in self.missing:
            self.log(f"Übersetzung fehlt ({code}, /{key}): {msgid[:70]!r} bleibt deutsch.")
        languages = ", ".join(f"{code} {count}" for code, count in self.counts.items())
        return ", ".join([f"{sum(self.counts.values())} Seiten ({languages})", *self.extras])

    # -- locales and pages ----------------------------------------------------------

    def ensure_locales(self) -> dict[str, Locale]:
        """A Locale for every site language; returns the target locales by code."""
        locales = {}
        for code, _name in settings.LANGUAGES:
            locale, _ = Locale.objects.get_or_create(language_code=code)
            if locale.pk != self.source_locale.pk:
                locales[code] = locale
        return locales

    def page(self, key: str) -> Page:
        """The German page at ``key`` (a path below the home page, "" for the home page)."""
        url_path = self.home.url_path + (f"{key}/" if key else "")
        page = Page.objects.filter(locale=self.source_locale, url_path=url_path).first()
        if page is None:
            raise CommandError(f"Demo-Übersetzungen: Seite /{key} fehlt.")
        return page.specific

    # -- wagtail-localize ------------------------------------------------------------

    def sync(self, instance: Model) -> tuple[TranslationSource, bool]:
        """The instance's TranslationSource, brought up to date like "Sync translated pages".

        Returns the source and whether its content was (re)extracted. Once per
        run: syncing again after a translation was published would make that
        translation older than its source, i.e. outdated. Pages are always
        synced (load_demo has just published them again); snippets only when
        their content changed, so an unchanged snippet costs no saves.
        """
        key = (instance._meta.label, instance.pk)
        if key not in self.sources:
            existing = TranslationSource.objects.get_for_instance_or_none(instance)
            if existing is None:
                source, _ = TranslationSource.get_or_create_from_instance(instance)
                changed = True
            elif isinstance(instance, Page):
                source, changed = existing, True
                source.update_from_db()
            else:
                source, _ = TranslationSource.update_or_create_from_instance(instance)
                changed = source.last_updated_at != existing.last_updated_at
            self.sources[key] = (source, changed)
        return self.sources[key]

    def import_strings(
        self, translation: Translation, strings: dict, key: str, *, only_slug=False
    ) -> bool:
        """Fill the translation's PO file from ``strings`` and import it as a volunteer would.

        Returns whether anything changed (a repeated run usually changes nothing).
        """
        po = translation.export_po()
        changed = False
        for entry in list(po):
            if entry.obsolete:
                # Translations of strings the source no longer has: dropped below.
                po.remove(entry)
                changed = changed or not only_slug
                continue
            if entry.msgctxt == "slug":
                # The German slug in every language; the home page's copy sits next
                # to the German home page under the tree root, so it needs its own.
                code = translation.target_locale.language_code
                wanted = f"{entry.msgid}-{code}" if key == "" else entry.msgid
            elif only_slug:
                wanted = entry.msgstr  # left to the machine translator
            elif entry.msgid in strings:
                wanted = strings[entry.msgid]
            else:
                wanted = ""
                self.missing.append((translation.target_locale.language_code, key, entry.msgid))
            changed = changed or wanted != entry.msgstr
            entry.msgstr = wanted
        if changed:
            # Without only_slug the JSON is the whole truth: strings it lacks go.
            translation.import_po(po, delete=not only_slug)
        return changed

    def translate(self, instance: Model, locale: Locale, strings: dict, key: str = ""):
        """Translate a German page into ``locale`` and publish the translation."""
        source, _ = self.sync(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        self.import_strings(translation, strings, key)
        self.save_target(translation, publish=True)

    def save_target(self, translation: Translation, publish: bool):
        """``Translation.save_target``, but publishing at once instead of on commit.

        wagtail-localize publishes pages in ``transaction.on_commit``: inside
        load_demo's transaction that would happen only after everything else
        (comments, purging old revisions), and never in a test that rolls the
        demo back. The parent must be translated already (no alias copies).
        """
        source = translation.source
        draftable = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
        target, _ = source.create_or_update_translation(
            translation.target_locale,
            publish=not draftable,
            fallback=True,  # an untranslated string keeps the German text
            copy_parent_pages=False,
        )
        if draftable and publish:
            target.get_latest_revision().publish()
        return target

    def translate_snippets(self, label: str, locale: Locale, strings: dict):
        """Translate every German instance of the snippet model whose strings are all given."""
        model = apps.get_model(label)
        for instance in model.objects.filter(locale=self.source_locale).order_by("pk"):
            source, source_changed = self.sync(instance)
            texts = source.stringsegment_set.values_list("string__data", flat=True)
            if not all(text in strings for text in texts):
                continue
            translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
            strings_changed = self.import_strings(translation, strings, label)
            exists = model.objects.filter(
                translation_key=instance.translation_key, locale=locale
            ).exists()
            if source_changed or strings_changed or not exists:
                self.save_target(translation, publish=True)

    # -- the states a translator has to find -----------------------------------------

    def machine_draft(self, page: Page, locale: Locale):
        """A draft made by the machine translator and not yet reviewed: saved, not published."""
        translator = get_machine_translator()
        if translator is None or not translator.can_translate(self.source_locale, locale):
            self.log(f"Kein maschineller Übersetzer für {locale.language_code}: kein Entwurf.")
            return
        if page.get_parent().get_translation_or_none(locale) is None:
            self.log(f"{page.url_path}: übergeordnete Seite nicht übersetzt, kein Entwurf.")
            return
        source, _ = self.sync(page)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        self.import_strings(translation, {}, key=page.slug, only_slug=True)
        # What the editor's "Translate with ..." button does (wagtail-localize's
        # apply_machine_translation): strings without a translation go to the
        # machine and are stored as "machine" until a person edits them.
        pending = {}
        for segment in source.stringsegment_set.select_related("string", "context"):
            if not StringTranslation.objects.filter(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
            ).exists():
                pending.setdefault(segment.string.as_value(), []).append(
                    (segment.string_id, segment.context_id)
                )
        if pending:
            try:
                results = translator.translate(self.source_locale, locale, pending.keys())
            except Exception as error:  # an external service (DeepL, LibreTranslate) failed
                self.log(f"Maschinelle Übersetzung fehlgeschlagen ({error}): kein Entwurf.")
                return
            for value, places in pending.items():
                result = results.get(value)
                if result is None or result.data is None:
                    continue
                for string_id, context_id in places:
                    StringTranslation.objects.get_or_create(
                        translation_of_id=string_id,
                        locale=locale,
                        context_id=context_id,
                        defaults={
                            "data": result.data,
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                            "tool_name": str(translator.display_name),
                        },
                    )
        self.save_target(translation, publish=False)
        self.extras.append(f"maschineller Entwurf: {locale.language_code} {page.slug}")

    def change_source(self, spec: dict):
        """Edit the German release after its translations were made, without syncing them.

        The press office adds a sentence and publishes; nobody syncs the
        translations, so they are now older than the original. (load_demo
        restores the German text from the JSON before the next sync.)
        """
        page = self.page(spec["page"])
        languages = [
            p.locale.language_code for p in page.get_translations().select_related("locale")
        ]
        if not languages:
            return
        if not page.lead.endswith(spec["lead_addendum"]):
            page.lead = f"{page.lead} {spec['lead_addendum']}"
        page.save_revision().publish()
        self.extras.append(f"veraltet: {'/'.join(languages)} {page.slug}")


def load_translations(home: Page, log=print) -> str:
    """Create or update every demo translation; returns a summary for load_demo."""
    started = time.monotonic()
    summary = DemoTranslations(home=home, log=log).run()
    return f"{summary}, {time.monotonic() - started:.1f} s"
