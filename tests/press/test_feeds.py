"""RSS and Atom feeds of the press releases."""

import calendar
import datetime

import pytest
from django.utils import timezone

from press.feeds import FEED_LENGTH
from tests.helpers import ATOM_URL, RSS_URL, get_ok, parse_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases(release_factory):
    """FEED_LENGTH + 2 live releases, one per day, created oldest-last to shuffle the ids."""
    today = timezone.localdate()
    return [
        release_factory(
            title=f"Mitteilung Nr. {number:03d}",
            slug=f"mitteilung-{number:03d}",
            date=today - datetime.timedelta(days=number),
        )
        for number in range(FEED_LENGTH + 2)
    ]


def entry_date(entry) -> datetime.date:
    """The entry's publication time as a date in the site's time zone."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    moment = datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
    return timezone.localtime(moment).date()


@pytest.mark.parametrize("url", [RSS_URL, ATOM_URL])
def test_feed_lists_the_newest_live_releases(client, releases, release_factory, url):
    release_factory(title="Entwurf ohne Freigabe", live=False)

    feed = parse_feed(client, url)

    newest = releases[:FEED_LENGTH]
    assert len(feed.entries) == FEED_LENGTH
    assert [entry.title for entry in feed.entries] == [release.title for release in newest]
    assert [entry_date(entry) for entry in feed.entries] == [release.date for release in newest]
    for entry, release in zip(feed.entries, newest, strict=True):
        assert entry.link.startswith("http")
        assert entry.link.endswith(release.url)
        assert release.lead in entry.summary
    assert "Entwurf ohne Freigabe" not in [entry.title for entry in feed.entries]


def test_feeds_declare_their_type_and_title(client, releases):
    rss = get_ok(client, RSS_URL)
    atom = get_ok(client, ATOM_URL)
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert parse_feed(client, RSS_URL).version == "rss20"
    assert parse_feed(client, ATOM_URL).version == "atom10"
    assert "LAMSA" in parse_feed(client, RSS_URL).feed.title


def test_feed_carries_topics_as_categories(client, release_factory):
    from home.factories import TopicFactory

    release = release_factory(title="Mit Thema")
    release.topics.add(TopicFactory(name="Bildung", slug="bildung"))
    release.save_revision().publish()

    (entry,) = parse_feed(client, RSS_URL).entries
    assert [tag.term for tag in entry.tags] == ["Bildung"]


def test_empty_feed_is_still_valid(client, site_tree):
    feed = parse_feed(client, ATOM_URL)
    assert feed.entries == []


def test_embargo_minute_is_the_publication_time(client, release_factory):
    """A release embargoed until 00:01 on its date carries that minute, not a default."""
    from press.models import PressReleasePage

    release_date = datetime.date(2025, 6, 12)
    embargo = timezone.make_aware(datetime.datetime(2025, 6, 12, 0, 1))
    release = release_factory(title="Sperrfrist 00:01 Uhr", date=release_date)
    PressReleasePage.objects.filter(pk=release.pk).update(first_published_at=embargo)

    (entry,) = parse_feed(client, RSS_URL).entries

    published = datetime.datetime.fromtimestamp(
        calendar.timegm(entry.published_parsed), tz=datetime.UTC
    )
    assert published == embargo
