"""Every locale's pages declare their language and direction, and link their translations."""

import pytest
from django.conf import settings

from home.factories import StandardPageFactory
from tests.helpers import get_ok
from tests.i18n.conftest import RTL, soup, translate

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]


def alternates(response) -> dict[str, str]:
    """{hreflang: href} of the page's <link rel="alternate" hreflang> elements."""
    links = soup(response).select('head link[rel="alternate"][hreflang]')
    found = {}
    for link in links:
        assert link["hreflang"] not in found, f"hreflang {link['hreflang']} twice"
        found[link["hreflang"]] = link["href"]
    return found


@pytest.fixture
def homes(site_tree):
    """The home page in every site language, translated with wagtail-localize."""
    pages = {settings.LANGUAGE_CODE: site_tree.home}
    for code in CODES:
        if code != settings.LANGUAGE_CODE:
            pages[code] = translate(site_tree.home, code, {"LAMSA e.V.": f"LAMSA ({code})"})
    return pages


def test_the_site_has_the_languages_of_the_issue():
    assert set(CODES) >= {"de", "en", "ar", "fa", "ru", "uk"}
    assert CODES[0] == "de"


@pytest.mark.parametrize("code", CODES)
def test_home_page_declares_language_direction_and_translations(client, homes, code):
    page = homes[code]
    expected_url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
    assert page.url == expected_url

    response = get_ok(client, page.url)
    document = soup(response)

    root = document.find("html")
    assert root["lang"] == code
    assert root["dir"] == ("rtl" if code in RTL else "ltr")
    if code != settings.LANGUAGE_CODE:
        assert f"LAMSA ({code})" in response.content.decode()
    links = alternates(response)
    assert links == {
        **{other: homes[other].full_url for other in CODES},
        "x-default": homes[settings.LANGUAGE_CODE].full_url,
    }


def test_untranslated_languages_are_not_listed(client, site_tree, homes):
    """A page translated into Persian only links German, Persian and x-default."""
    german = StandardPageFactory(parent=site_tree.home, title="Beratung", slug="beratung")
    persian = translate(german, "fa", {"Beratung": "مشاوره"})
    draft = translate(german, "ru", {"Beratung": "Консультация"}, publish=False)

    for page in (german, persian):
        response = get_ok(client, page.url)
        assert alternates(response) == {
            "de": german.full_url,
            "fa": persian.full_url,
            "x-default": german.full_url,
        }
    # An unpublished translation is not announced.
    assert draft.full_url not in response.content.decode()
    document = soup(get_ok(client, persian.url))
    assert document.find("html")["lang"] == "fa"
    assert document.find("html")["dir"] == "rtl"


def test_page_in_german_only_has_no_alternates(client, site_tree, homes):
    german = StandardPageFactory(parent=site_tree.home, title="Nur deutsch", slug="nur-deutsch")
    response = get_ok(client, german.url)
    assert alternates(response) == {}
    document = soup(response)
    assert document.find("html")["lang"] == "de"
    assert document.find("html")["dir"] == "ltr"


@pytest.mark.parametrize("code", ["ar", "fa", "ru"])
def test_not_found_page_speaks_the_language_of_its_address(client, homes, code):
    response = client.get(f"/{code}/gibt-es-nicht/")
    assert response.status_code == 404
    root = soup(response).find("html")
    assert root["lang"] == code
    assert root["dir"] == ("rtl" if code in RTL else "ltr")
