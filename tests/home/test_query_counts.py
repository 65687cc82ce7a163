"""The home page costs the same few queries however much content the site holds."""

import pytest

from home.factories import EventPageFactory, ProjectPageFactory, SiteImageFactory, TopicFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

HOME_PAGE_MAX_QUERIES = 35


def add_content(site_tree, release_factory, number):
    """``number`` releases (with image and topics), running projects and upcoming events."""
    topics = [TopicFactory(), TopicFactory()]
    for _ in range(number):
        release = release_factory(image=SiteImageFactory())
        release.topics.set(topics)
        release.save()
        project = ProjectPageFactory(parent=site_tree.projects, logo=SiteImageFactory())
        project.topics.set(topics)
        project.save()
        EventPageFactory(parent=site_tree.events)


def test_home_page_query_count_is_flat(client, site_tree, release_factory):
    # The home page shows at most 3 releases, 4 projects and 3 events: 1 and 2 of
    # each stay below those limits, so a per-item query would show up.
    add_content(site_tree, release_factory, 1)
    with_one = count_queries(client, "/")
    add_content(site_tree, release_factory, 1)
    with_two = count_queries(client, "/")

    assert with_one == with_two
    assert with_two <= HOME_PAGE_MAX_QUERIES
