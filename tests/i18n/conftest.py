"""Fixtures for the translation tests: pages translated through wagtail-localize's own records.

Every translation here is made as the admin makes it: a ``TranslationSource``
read from the German page, a ``Translation`` into the target locale, the
strings imported from a PO file (as a volunteer uploads it), the target page
saved from source and strings. Untranslated strings keep the German text.
"""

import functools
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.utils import translation as django_translation
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home import roles
from tests.comments.conftest import chromium_path  # noqa: F401 (Debian's Chromium, a fixture)

RTL = {"ar", "fa"}
SECTION_NAMES = ("press", "projects", "members", "events", "articles")


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    """The interface strings as Django reads them (.mo files, built by the setup)."""
    call_command("compile_catalogues", verbosity=0)
    # Django caches catalogues per process; drop what was loaded before compiling.
    from django.utils.translation import trans_real

    trans_real._translations = {}
    trans_real._default = None
    django_translation.activate(settings.LANGUAGE_CODE)
    yield
    django_translation.deactivate()


@functools.cache
def _catalogue(code: str) -> polib.POFile:
    return polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po")
    )


def catalogue_entry(code: str, msgid: str) -> str:
    """The translation of ``msgid`` in locale/<code>/, checked to be a real translation."""
    entry = _catalogue(code).find(msgid)
    assert entry is not None, f"{msgid!r} is not in the {code} catalogue"
    assert entry.msgstr and not entry.fuzzy, f"{msgid!r} is not translated into {code}"
    assert entry.msgstr != msgid, f"{msgid!r} is the same in {code}"
    return entry.msgstr


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def translation_of(instance, code: str) -> Translation:
    """The Translation of a page or snippet into ``code``, its source synced from the instance."""
    source, created = TranslationSource.get_or_create_from_instance(
        getattr(instance, "specific", instance)
    )
    if not created:
        source.update_from_db()
    record, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale(code), defaults={"enabled": True}
    )
    return record


def record_of(instance, code: str) -> Translation:
    """The existing Translation of ``instance`` into ``code``, without syncing its source."""
    return Translation.objects.get(
        source__object_id=instance.translation_key,
        source__locale_id=instance.locale_id,
        target_locale__language_code=code,
    )


def fill_po(record: Translation, strings: dict, user=None):
    """Export the PO file, set the given strings (German -> translated), import it again."""
    po = record.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    record.import_po(po, user=user, tool_name="PO File")
    return po


def translate(page, code: str, strings: dict | None = None, *, publish=True, user=None):
    """``page`` translated into ``code`` (its parent translated already); fresh from the DB.

    wagtail-localize's ``save_target`` publishes on commit, which never comes in
    a test's transaction; this saves the target as a draft and publishes its
    revision (what the commit hook would do).
    """
    record = translation_of(page, code)
    if strings:
        fill_po(record, strings, user=user)
    target, _created = record.source.create_or_update_translation(
        record.target_locale, user=user, publish=False, fallback=True
    )
    if publish:
        target.get_latest_revision().publish(user=user)
    return Page.objects.get(pk=target.pk).specific


def translate_site(site_tree, *codes, sections=SECTION_NAMES, rights=True):
    """Home page and ``sections`` translated into ``codes``, live.

    With ``rights``, ``setup_roles`` then grants the translators' and section
    owners' rights and the press workflow on the new trees (see home.roles).
    """
    for code in codes:
        translate(site_tree.home, code)
        for name in sections:
            translate(getattr(site_tree, name), code)
    if rights:
        roles.setup_roles()


def sync(page):
    """wagtail-localize's "Sync translated pages": re-read the German page into its source."""
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    return source


@pytest.fixture
def superuser(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        username="admin-i18n", email="admin-i18n@example.org", password="x"
    )


@pytest.fixture
def translator(make_user):
    """translator(code) -> a member of that language's translators' group (and nothing else)."""

    users = {}

    def _translator(code):
        if code not in users:
            users[code] = make_user(
                roles.translator_group_name(code), username=f"uebersetzung-{code}"
            )
        return users[code]

    return _translator
