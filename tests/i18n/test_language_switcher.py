"""The language switcher: to the translation where there is one, else to a page that says so."""

import pytest
from django.conf import settings

from home.factories import StandardPageFactory
from tests.helpers import get_ok
from tests.i18n.conftest import catalogue_entry, soup, translate, translate_site

pytestmark = pytest.mark.django_db

NOT_YET = "Diese Seite gibt es noch nicht in Ihrer Sprache. Wir arbeiten daran."


def switcher(response) -> dict[str, dict]:
    """{language code: attributes of its link} in the language switcher."""
    nav = soup(response).select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    return {link["lang"]: dict(link.attrs) for link in nav.select("a[lang]")}


@pytest.fixture
def pages(site_tree):
    translate_site(site_tree, "ar", sections=[], rights=False)
    untranslated = StandardPageFactory(
        parent=site_tree.home, title="Mitgliedsbeiträge", slug="beitraege"
    )
    translated = StandardPageFactory(parent=site_tree.home, title="Vorstand", slug="vorstand")
    arabic = translate(translated, "ar", {"Vorstand": "مجلس الإدارة"})
    return untranslated, translated, arabic


def test_arabic_entry_of_an_untranslated_page_says_so_in_arabic(client, pages):
    untranslated, _translated, _arabic = pages
    link = switcher(get_ok(client, untranslated.url))["ar"]
    assert link["dir"] == "rtl"
    assert link["href"] != untranslated.url

    response = client.get(link["href"], follow=True)
    assert response.status_code == 200
    document = soup(response)
    assert document.find("html")["lang"] == "ar"
    assert document.find("html")["dir"] == "rtl"
    text = response.content.decode()
    assert catalogue_entry("ar", "Noch nicht übersetzt") in text
    assert (
        catalogue_entry(
            "ar", "Diese Seite gibt es noch nicht in Ihrer Sprache. Wir arbeiten daran."
        )
        in text
    )
    assert "Noch nicht übersetzt" not in text
    # It offers the German original.
    offer = document.find("a", string=catalogue_entry("ar", "Das deutsche Original lesen"))
    assert offer is not None
    assert offer["href"] == untranslated.url
    assert offer.get("hreflang") == "de"
    # Nothing there for search engines.
    assert document.select_one('meta[name="robots"]')["content"].startswith("noindex")


def test_arabic_entry_of_a_translated_page_leads_to_the_translation(client, pages):
    _untranslated, translated, arabic = pages
    link = switcher(get_ok(client, translated.url))["ar"]
    assert link["href"] == arabic.url == "/ar/vorstand/"
    assert "rel" not in link

    response = get_ok(client, link["href"])
    assert "مجلس الإدارة" in response.content.decode()
    # And back: the German entry of the Arabic page leads to the German original.
    back = switcher(response)
    assert back["de"]["href"] == translated.url
    assert back["ar"].get("aria-current") == "page"


def test_every_language_has_an_entry_named_in_itself(client, pages):
    untranslated, _translated, _arabic = pages
    links = switcher(get_ok(client, untranslated.url))

    assert list(links) == [code for code, _name in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    response = get_ok(client, untranslated.url)
    nav = soup(response).select_one("nav.language-switcher")
    for code in links:
        assert nav.select_one(f'a[lang="{code}"]').get_text(strip=True) == names[code]
    # Languages without this page lead to the "not translated" page in that language.
    for code in ("en", "fa", "ru", "uk"):
        response = client.get(links[code]["href"], follow=True)
        assert response.status_code == 200
        assert soup(response).find("html")["lang"] == code
        assert catalogue_entry(code, "Noch nicht übersetzt") in response.content.decode()
