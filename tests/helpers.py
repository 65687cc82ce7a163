"""Readers' views of the site: the public channels a page can surface in."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser

# The password every test user shares (most tests log in with force_login).
PASSWORD = "test-password-lamsa"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
RSS_URL = "/presse/feed/rss/"
ATOM_URL = "/presse/feed/atom/"


def get_ok(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def html(client, url, **params) -> str:
    return get_ok(client, url, **params).content.decode()


def parse_feed(client, url):
    """The feed at ``url``, parsed; fails on anything a feed reader would choke on."""
    response = get_ok(client, url)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url} is not a well-formed feed: {feed.get('bozo_exception')}"
    return feed


def feed_titles(client, url) -> list[str]:
    return [entry.title for entry in parse_feed(client, url).entries]


def sitemap_locations(client) -> list[str]:
    response = get_ok(client, "/sitemap.xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def api_pages(client, **params) -> list[dict]:
    response = get_ok(client, "/api/v2/pages/", **{"limit": 50, **params})
    return response.json()["items"]


def api_page_ids(client, **params) -> set[int]:
    return {item["id"] for item in api_pages(client, **params)}


def search_page(client, query) -> str:
    return html(client, "/suche/", q=query)


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(markup: str) -> list[tuple[str, dict]]:
    """Every start tag of the document as (name, attributes)."""
    collector = _TagCollector()
    collector.feed(markup)
    return collector.tags


def links(markup: str) -> list[str]:
    return [attrs["href"] for tag, attrs in tags(markup) if tag == "a" and attrs.get("href")]


def count_queries(client, url) -> int:
    """Database queries of one anonymous GET of ``url`` in a steady state.

    A first request creates image renditions and fills caches; then every cache is
    cleared so that each measurement starts from the same point.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.logout()
    get_ok(client, url)
    cache.clear()
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)
