"""Each language's press section has its own feeds: its own releases, in its language."""

import datetime

import pytest
from django.utils import timezone

from tests.helpers import get_ok, parse_feed
from tests.i18n.conftest import translate, translate_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases(site_tree, release_factory):
    translate_site(site_tree, "en", "ar", sections=["press"], rights=False)
    today = timezone.localdate()
    first = release_factory(
        title="Erste Mitteilung", slug="erste", date=today - datetime.timedelta(days=1)
    )
    second = release_factory(title="Zweite Mitteilung", slug="zweite", date=today)
    english = translate(first, "en", {"Erste Mitteilung": "First release"})
    return first, second, english


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_english_feed_lists_only_english_releases(client, releases, kind):
    _first, _second, english = releases

    feed = parse_feed(client, f"/en/presse/feed/{kind}/")

    assert [entry.title for entry in feed.entries] == ["First release"]
    assert feed.entries[0].link == english.full_url
    assert feed.feed.get("language", "en").startswith("en")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_german_feed_lists_only_german_releases(client, releases, kind):
    first, second, _english = releases

    feed = parse_feed(client, f"/presse/feed/{kind}/")

    assert [entry.title for entry in feed.entries] == [second.title, first.title]
    assert all("/en/" not in entry.link for entry in feed.entries)


def test_rss_declares_the_language(client, releases):
    assert b"<language>en</language>" in get_ok(client, "/en/presse/feed/rss/").content
    assert b"<language>de</language>" in get_ok(client, "/presse/feed/rss/").content


def test_feed_of_a_language_without_releases_is_empty(client, releases):
    assert parse_feed(client, "/ar/presse/feed/rss/").entries == []


def test_translated_pages_link_their_own_feeds(client, releases):
    _first, _second, english = releases
    page = get_ok(client, english.url).content.decode()
    assert 'href="/en/presse/feed/rss/"' in page
    assert 'href="/en/presse/feed/atom/"' in page
