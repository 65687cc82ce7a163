"""The sitemap lists every language's live pages, each with its translations as alternates."""

import xml.etree.ElementTree as ET

import pytest

from tests.helpers import get_ok
from tests.i18n.conftest import translate, translate_site

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client) -> dict[str, dict[str, str]]:
    """{location: {hreflang: href}} of /sitemap.xml."""
    root = ET.fromstring(get_ok(client, "/sitemap.xml").content)
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        assert location not in entries, f"{location} twice"
        entries[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
    return entries


def test_sitemap_lists_translations_with_alternates(client, site_tree, release_factory):
    translate_site(site_tree, "en", "ar", sections=["press"], rights=False)
    german = release_factory(title="Mitteilung für alle", slug="fuer-alle")
    english = translate(german, "en", {"Mitteilung für alle": "A release for everyone"})
    arabic_draft = translate(german, "ar", publish=False)

    entries = sitemap(client)

    assert german.full_url in entries
    assert english.full_url in entries
    assert arabic_draft.full_url not in entries
    expected = {"de": german.full_url, "en": english.full_url, "x-default": german.full_url}
    assert entries[german.full_url] == expected
    assert entries[english.full_url] == expected
    # Every language's home page is there, with the others as alternates.
    homes = [site_tree.home.get_translation(page.locale) for page in (english, arabic_draft)]
    for home in homes:
        assert home.full_url in entries
        assert entries[home.full_url]["x-default"] == site_tree.home.full_url
    # The members' area stays out in every language.
    assert not [location for location in entries if "/intern/" in location]
