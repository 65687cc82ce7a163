"""Press listings and releases cost a fixed number of queries."""

import pytest

from home.factories import ProjectPageFactory, SiteImageFactory, TopicFactory
from press.factories import PressContactFactory
from press.models import RELEASES_PER_PAGE
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

INDEX_MAX_QUERIES = 35
RELEASE_MAX_QUERIES = 35


def add_releases(release_factory, number, topics):
    for _ in range(number):
        release = release_factory(image=SiteImageFactory())
        release.topics.set(topics)
        release.save()


@pytest.mark.parametrize("url", ["/presse/", "/presse/thema/bildung/"])
def test_press_index_query_count_is_flat(client, site_tree, release_factory, url):
    topics = [TopicFactory(name="Bildung", slug="bildung"), TopicFactory()]
    half = RELEASES_PER_PAGE // 2
    add_releases(release_factory, half, topics)
    with_half_page = count_queries(client, url)
    add_releases(release_factory, half, topics)
    with_full_page = count_queries(client, url)

    assert with_half_page == with_full_page
    assert with_full_page <= INDEX_MAX_QUERIES


def test_press_index_with_twenty_releases(client, site_tree, release_factory):
    add_releases(release_factory, 20, [TopicFactory()])
    assert count_queries(client, "/presse/") <= INDEX_MAX_QUERIES
    assert count_queries(client, "/presse/?seite=2") <= INDEX_MAX_QUERIES


def release_with(site_tree, release_factory, number):
    release = release_factory(
        image=SiteImageFactory(),
        contacts=[PressContactFactory() for _ in range(number)],
    )
    release.topics.set([TopicFactory() for _ in range(number)])
    release.related_projects.set(
        [ProjectPageFactory(parent=site_tree.projects) for _ in range(number)]
    )
    release.save()
    return release


def test_release_page_query_count_is_flat(client, site_tree, release_factory):
    small = release_with(site_tree, release_factory, 2)
    large = release_with(site_tree, release_factory, 4)

    small_count = count_queries(client, small.url)
    large_count = count_queries(client, large.url)

    assert small_count == large_count
    assert large_count <= RELEASE_MAX_QUERIES
