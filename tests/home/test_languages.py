"""Readers in every language: lang/dir, the switcher and its fallback, hreflang, sitemap,
feeds per language, the notice on outdated translations, and their query cost."""

import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home import translation_status
from home.models import Topic
from tests.helpers import SITEMAP_NS, count_queries, get_ok, html, parse_feed, tags

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]
XHTML = "{http://www.w3.org/1999/xhtml}link"


@pytest.fixture
def locales(site_tree):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in CODES}


def translate(page, code):
    """The wagtail-localize translation of ``page`` into ``code``, published (German text kept).

    wagtail-localize publishes when the transaction commits, which a test's never does.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    with TestCase.captureOnCommitCallbacks(execute=True):
        source.create_or_update_translation(
            Locale.objects.get(language_code=code), publish=True, fallback=True
        )
    return page.get_translation(Locale.objects.get(language_code=code)).specific


@pytest.fixture
def translated_press(site_tree, locales):
    """Home and press section in English and Arabic."""
    for code in ("en", "ar"):
        translate(site_tree.home, code)
        translate(site_tree.press, code)
    return site_tree


def attrs_of(markup, tag, **wanted):
    return [
        attrs
        for name, attrs in tags(markup)
        if name == tag and all(attrs.get(key) == value for key, value in wanted.items())
    ]


def switcher_links(markup) -> dict[str, dict]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', markup, re.S)
    assert nav, "no language switcher"
    return {attrs["hreflang"]: attrs for name, attrs in tags(nav.group(0)) if name == "a"}


def alternates(markup) -> dict[str, str]:
    return {
        attrs["hreflang"]: attrs["href"]
        for attrs in attrs_of(markup, "link", rel="alternate")
        if "hreflang" in attrs
    }


# --- lang and dir ---


def test_every_locale_has_its_lang_and_direction(client, site_tree, locales):
    for code in CODES[1:]:
        translate(site_tree.home, code)
    for code in CODES:
        markup = html(client, "/" if code == "de" else f"/{code}/")
        (root,) = attrs_of(markup, "html")
        assert root["lang"] == code
        assert root["dir"] == ("rtl" if code in ("ar", "fa") else "ltr")
        # The interface is that language's; so is the content (no lang on <main>).
        assert "lang" not in attrs_of(markup, "main")[0]


# --- the language switcher ---


def test_switcher_names_each_language_in_itself_and_marks_the_current_one(
    client, translated_press, release_factory
):
    release = release_factory(title="Wahlprüfsteine")
    english = translate(release, "en")

    links = switcher_links(html(client, release.url))
    assert list(links) == CODES
    assert [link["lang"] for link in links.values()] == CODES
    assert links["ar"]["dir"] == "rtl"
    assert links["de"]["aria-current"] == "page"
    assert links["en"]["href"] == english.url
    assert "aria-current" not in links["en"]
    # No Persian translation: the switcher says so there instead of a dead end.
    assert links["fa"]["href"] == f"/fa/nicht-uebersetzt/{release.pk}/"
    assert links["fa"]["rel"] == "nofollow"
    markup = html(client, english.url)
    assert switcher_links(markup)["en"]["aria-current"] == "page"
    assert switcher_links(markup)["de"]["href"] == release.url
    nav = re.search(r'<nav class="language-switcher"[^>]*>', markup).group(0)
    assert "aria-label=" in nav


def test_the_fallback_page_offers_the_german_original_and_the_home_page(
    client, translated_press, release_factory
):
    release = release_factory(title="Wahlprüfsteine")
    markup = html(client, f"/ar/nicht-uebersetzt/{release.pk}/")
    (root,) = attrs_of(markup, "html")
    assert (root["lang"], root["dir"]) == ("ar", "rtl")
    assert attrs_of(markup, "meta", name="robots")[0]["content"].startswith("noindex")
    assert attrs_of(markup, "a", href=release.url)[0]["hreflang"] == "de"
    assert "Wahlprüfsteine" in markup
    assert attrs_of(markup, "a", href="/ar/")
    # Russian has no home page: no link to one.
    assert not attrs_of(html(client, f"/ru/nicht-uebersetzt/{release.pk}/"), "a", href="/ru/")


def test_the_fallback_page_forwards_once_the_translation_exists(
    client, translated_press, release_factory
):
    release = release_factory()
    english = translate(release, "en")
    response = client.get(f"/en/nicht-uebersetzt/{release.pk}/")
    assert response.status_code == 302
    assert response["Location"] == english.url


def test_the_fallback_page_reveals_nothing_of_a_restricted_page(
    client, site_tree, locales, minutes
):
    response = client.get(f"/en/nicht-uebersetzt/{minutes.pk}/")
    # The same answer as for a page that does not exist: no title, no address.
    assert response.status_code == 404
    assert "Quendelberg" not in response.content.decode()
    assert minutes.slug not in response.content.decode()


def test_switcher_keeps_the_year_archive_where_the_translation_has_it(
    client, translated_press, release_factory
):
    this_year = timezone.localdate().year
    release = release_factory(date=datetime.date(this_year, 3, 1))
    translate(release, "en")
    links = switcher_links(html(client, f"/presse/{this_year}/"))
    assert links["en"]["href"] == f"/en/presse/{this_year}/"
    # No Arabic release that year: the Arabic press section instead of a 404.
    assert links["ar"]["href"] == "/ar/presse/"
    assert links["fa"]["href"] == f"/fa/nicht-uebersetzt/{translated_press.press.pk}/"
    get_ok(client, links["en"]["href"])


def test_switcher_keeps_the_topic_archive_where_the_topic_is_translated(
    client, translated_press, release_factory
):
    topic = Topic.objects.create(name="Bildung", slug="bildung")
    TranslationSource.get_or_create_from_instance(topic)[0].create_or_update_translation(
        Locale.objects.get(language_code="en"), fallback=True
    )
    links = switcher_links(html(client, "/presse/thema/bildung/"))
    assert links["en"]["href"] == "/en/presse/thema/bildung/"
    assert links["ar"]["href"] == "/ar/presse/"
    get_ok(client, links["en"]["href"])


def test_views_that_are_no_pages_switch_by_their_prefix(client, site_tree, locales):
    links = switcher_links(html(client, "/suche/", q="Netzwerk"))
    assert links["de"]["aria-current"] == "page"
    assert links["uk"]["href"] == "/uk/suche/?q=Netzwerk"
    links = switcher_links(html(client, "/ar/anmelden/"))
    assert links["ar"]["aria-current"] == "page"
    assert links["de"]["href"] == "/anmelden/"


# --- hreflang, sitemap ---


def test_hreflang_lists_every_live_translation_and_x_default(
    client, translated_press, release_factory
):
    release = release_factory()
    english = translate(release, "en")
    arabic = translate(release, "ar")
    arabic.unpublish()

    found = alternates(html(client, english.url))
    assert found == {
        "de": "http://localhost" + release.url,
        "en": "http://localhost" + english.url,
        "x-default": "http://localhost" + release.url,
    }
    # A page in one language only announces no alternates.
    assert alternates(html(client, release_factory().url)) == {}


def test_restricted_pages_announce_no_alternates(client, site_tree, locales, member, minutes):
    client.force_login(member)
    assert alternates(html(client, minutes.url)) == {}


def test_sitemap_lists_translations_with_their_alternates(
    client, translated_press, release_factory
):
    release = release_factory()
    english = translate(release, "en")
    draft = translate(release_factory(), "ar")
    draft.unpublish()

    root = ET.fromstring(get_ok(client, "/sitemap.xml").content)
    entries = {
        url.find("sm:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.iter(XHTML)
        }
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    english_url = "http://localhost" + english.url
    german_url = "http://localhost" + release.url
    assert english_url in entries
    assert entries[english_url] == {"de": german_url, "en": english_url, "x-default": german_url}
    assert entries[german_url] == entries[english_url]
    assert "http://localhost/ar/" in entries
    assert "http://localhost" + draft.url not in entries
    assert not [url for url in entries if "/intern/" in url]


# --- feeds per language ---


def test_each_language_has_its_own_feed(client, translated_press, release_factory):
    german = release_factory(title="Nur auf Deutsch")
    both = release_factory(title="Auch auf Englisch")
    english = translate(both, "en")

    german_feed = parse_feed(client, "/presse/feed/rss/")
    english_feed = parse_feed(client, "/en/presse/feed/rss/")
    assert german_feed.feed.language == "de"
    assert english_feed.feed.language == "en"
    assert {entry.link for entry in english_feed.entries} == {"http://localhost" + english.url}
    assert "http://localhost" + german.url in {entry.link for entry in german_feed.entries}
    assert parse_feed(client, "/ar/presse/feed/atom/").entries == []

    markup = html(client, english.url)
    feeds = attrs_of(markup, "link", rel="alternate", type="application/rss+xml")
    assert feeds[0]["href"] == "/en/presse/feed/rss/"
    # The search page under /en/ links the English feed, too.
    feeds = attrs_of(
        html(client, "/en/suche/"), "link", rel="alternate", type="application/rss+xml"
    )
    assert feeds[0]["href"] == "/en/presse/feed/rss/"


# --- outdated translations ---


def test_a_translation_older_than_the_original_says_so(client, translated_press, release_factory):
    release = release_factory()
    english = translate(release, "en")
    assert "translation-notice" not in html(client, english.url)
    assert translation_status.translation_state(release, "en") == translation_status.CURRENT

    release.lead = "Ein neuer Vorspann."
    release.save_revision().publish()

    markup = html(client, english.url)
    assert "translation-notice" in markup
    (link,) = attrs_of(markup, "a", **{"class": "translation-notice__link"})
    assert (link["href"], link["hreflang"]) == (release.url, "de")
    assert translation_status.is_outdated(english)
    assert translation_status.translation_state(english, "en") == translation_status.OUTDATED
    # German originals never carry the notice.
    assert "translation-notice" not in html(client, release.url)

    # Synced and republished by the translator: up to date again.
    source = TranslationSource.objects.get_for_instance(release)
    source.update_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        source.create_or_update_translation(english.locale, publish=True, fallback=True)
    assert "translation-notice" not in html(client, english.url)


def test_translation_states(translated_press, release_factory):
    release = release_factory()
    english = translate(release, "en")
    states = translation_status.translation_states([release], Locale.objects.all())
    by_code = {
        locale.language_code: states[(release.pk, locale.pk)] for locale in Locale.objects.all()
    }
    assert by_code == {
        "de": "current",
        "en": "current",
        "ar": "missing",
        "fa": "missing",
        "ru": "missing",
        "uk": "missing",
    }
    assert translation_status.source_of(english).pk == release.pk
    assert translation_status.source_of(release) is None

    # A string still as the machine translated it: a machine draft until a person edits it.
    source = TranslationSource.objects.get_for_instance(release)
    segment = StringSegment.objects.filter(source=source).first()
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=english.locale,
        context=segment.context,
        defaults={"data": "Machine words", "translation_type": "machine"},
    )
    assert translation_status.translation_state(source, "en") == translation_status.MACHINE
    assert translation_status.translation_state(release, "ar") == translation_status.MISSING


# --- cost ---


def test_switcher_and_hreflang_cost_the_same_for_any_number_of_translations(
    client, site_tree, locales, release_factory
):
    release = release_factory()
    translate(site_tree.home, "en")
    translate(site_tree.press, "en")
    translate(release, "en")
    with_one = count_queries(client, release.url)
    for code in ("ar", "fa", "ru", "uk"):
        translate(site_tree.home, code)
        translate(site_tree.press, code)
        translate(release, code)
    with_five = count_queries(client, release.url)
    assert with_one == with_five
    assert len(alternates(html(client, release.url))) == 7


# --- fonts ---


def test_fonts_are_self_hosted_and_split_by_script():
    static = Path(settings.BASE_DIR) / "site" / "static"
    css = (static / "css" / "site.css").read_text()
    faces = re.findall(r"@font-face\s*{(.*?)}", css, re.S)
    assert faces
    for face in faces:
        (url,) = re.findall(r'url\("([^"]+)"\)', face)
        assert url.startswith("../fonts/")
        assert (static / "css" / url).resolve().is_file(), url
        assert "unicode-range" in face
    fonts = static / "fonts"
    assert list(fonts.glob("LICENSE-*.txt"))
    assert sum(f.stat().st_size for f in fonts.glob("*.woff2")) < 400_000
    for family in ("Noto Naskh Arabic", "Vazirmatn"):
        assert f'"{family}"' in css
    assert ":lang(fa)" in css and ":lang(ar)" in css
