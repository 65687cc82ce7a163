"""Interface strings come from the message catalogues of the page's language, not German msgids."""

import pytest

from tests.helpers import get_ok, links
from tests.i18n.conftest import catalogue_entry, soup, translate, translate_site

pytestmark = pytest.mark.django_db

SEARCH_LABELS = ("Suchbegriff", "Suchen")


@pytest.mark.parametrize("code", ["en", "ar", "fa", "ru", "uk"])
def test_search_page_labels_are_translated(client, site_tree, code):
    translate_site(site_tree, code, sections=[], rights=False)
    response = get_ok(client, f"/{code}/suche/", q="Beratung")
    document = soup(response)
    assert document.find("html")["lang"] == code

    label = document.select_one('label[for="search-query"]').get_text(strip=True)
    assert label == catalogue_entry(code, "Suchbegriff")
    button = document.select_one(".search-page-form button").get_text(strip=True)
    assert button == catalogue_entry(code, "Suchen")
    heading = document.select_one("h1").get_text(strip=True)
    assert heading == catalogue_entry(code, "Suche")
    text = response.content.decode()
    assert "Suchbegriff" not in text
    assert "Versuchen Sie es mit einem anderen" not in text


def test_german_search_page_keeps_the_german_labels(client, site_tree):
    document = soup(get_ok(client, "/suche/"))
    assert document.select_one('label[for="search-query"]').get_text(strip=True) == "Suchbegriff"
    assert document.find("html")["lang"] == "de"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_comment_form_on_a_translated_release_is_translated(
    client, site_tree, release_factory, code
):
    translate_site(site_tree, code, sections=["press"], rights=False)
    german = release_factory(title="Kommentare erwünscht", slug="kommentare-erwuenscht")
    translated = translate(german, code)

    response = get_ok(client, translated.url)
    form = soup(response).select_one("#kommentar-formular")
    assert form is not None, "no comment form on the translated release"
    labels = {
        label["for"]: label.get_text(" ", strip=True).rstrip("*").strip()
        for label in form.select("label[for]")
    }
    assert labels["id_email"] == catalogue_entry(code, "E-Mail-Adresse")
    assert labels["id_comment"] == catalogue_entry(code, "Kommentar")
    title = form.select_one(".comment-form__title").get_text(strip=True)
    assert title == catalogue_entry(code, "Kommentar schreiben")
    form_text = form.get_text(" ")
    for german_label in ("E-Mail-Adresse", "Kommentar schreiben", "Pflichtfelder sind mit"):
        assert german_label not in form_text
    if code == "ar":
        assert labels["id_name"] == catalogue_entry(code, "Name")


def test_search_finds_the_pages_of_the_readers_language(client, site_tree, release_factory):
    translate_site(site_tree, "en", sections=["press"], rights=False)
    german = release_factory(title="Studie Xylophonia vorgestellt", slug="xylophonia")
    english = translate(
        german, "en", {"Studie Xylophonia vorgestellt": "Xylophonia study presented"}
    )

    english_results = links(get_ok(client, "/en/suche/", q="Xylophonia").content.decode())
    german_results = links(get_ok(client, "/suche/", q="Xylophonia").content.decode())

    assert english.url in english_results
    assert german.url not in english_results
    assert german.url in german_results
    assert english.url not in german_results
