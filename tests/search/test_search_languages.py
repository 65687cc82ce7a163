"""Search per language: the reader's language first, German where nothing is translated."""

import pytest

from tests.helpers import html, links
from tests.i18n.conftest import translate, translate_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_site(site_tree):
    translate_site(site_tree, "en", sections=("press",), rights=False)
    return site_tree


def test_english_readers_get_english_pages_and_untranslated_german_ones(
    client, english_site, release_factory, settings
):
    translated = release_factory(title="Kormorankolonie an der Saale", lead="Kormorankolonie.")
    english = translate(translated, "en", {"Kormorankolonie an der Saale": "Cormorant colony"})
    only_german = release_factory(title="Kormorankolonie im Winter", lead="Kormorankolonie.")

    markup = html(client, "/en/suche/", q="Kormorankolonie")
    found = links(markup)

    assert english.url in found  # the translation (it kept the German word in its lead)
    assert translated.url not in found  # not the German original as well
    assert only_german.url in found  # German, because there is no English page
    assert 'lang="de"' in markup

    settings.SEARCH_GERMAN_FALLBACK = False
    assert only_german.url not in links(html(client, "/en/suche/", q="Kormorankolonie"))


def test_german_readers_get_german_pages_only(client, english_site, release_factory):
    translated = release_factory(title="Kormorankolonie an der Saale")
    english = translate(translated, "en", {"Kormorankolonie an der Saale": "Kormorankolonie EN"})

    found = links(html(client, "/suche/", q="Kormorankolonie"))

    assert translated.url in found
    assert english.url not in found
