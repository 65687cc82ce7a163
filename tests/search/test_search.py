"""The public site search: live, public pages of every kind, nothing else."""

import pytest

from home.factories import EventPageFactory, MemberOrganisationPageFactory, ProjectPageFactory
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE
from tests.helpers import html, links, search_page, tags

pytestmark = pytest.mark.django_db


def result_links(client, query, **params):
    from wagtail.models import Page

    # Content pages only: the sections and legal pages are linked from every page.
    page_urls = {page.url for page in Page.objects.filter(depth__gte=4)}
    hrefs = links(html(client, "/suche/", q=query, **params))
    return list(dict.fromkeys(href for href in hrefs if href in page_urls))


def test_search_finds_live_pages_of_every_kind(client, site_tree, release_factory):
    pages = [
        release_factory(title="Pressemitteilung zum Mauerseglerfest"),
        ProjectPageFactory(parent=site_tree.projects, summary="Das Mauerseglerfest verbindet."),
        EventPageFactory(parent=site_tree.events, title="Mauerseglerfest 2030"),
        MemberOrganisationPageFactory(
            parent=site_tree.members, description="Wir feiern das Mauerseglerfest."
        ),
    ]

    assert set(result_links(client, "Mauerseglerfest")) == {page.url for page in pages}


def test_search_leaves_out_drafts(client, site_tree, release_factory):
    live = release_factory(title="Kranichzug im Herbst")
    draft = release_factory(title="Kranichzug Entwurf", live=False)

    found = result_links(client, "Kranichzug")

    assert live.url in found
    assert draft.url not in found


def test_search_paginates(client, site_tree, release_factory):
    for number in range(RESULTS_PER_PAGE + 2):
        release_factory(title=f"Seidenschwanz Meldung {number}")

    first = result_links(client, "Seidenschwanz")
    second = result_links(client, "Seidenschwanz", seite=2)

    assert len(first) == RESULTS_PER_PAGE
    assert len(second) == 2
    assert not set(first) & set(second)


def test_empty_and_overlong_queries(client, site_tree, release_factory):
    release = release_factory(title="Zilpzalp")
    assert result_links(client, "") == []
    assert result_links(client, "Zilpzalp") == [release.url]

    overlong = "Zilpzalp" * MAX_QUERY_LENGTH
    markup = search_page(client, overlong)
    (field,) = [attrs for tag, attrs in tags(markup) if attrs.get("id") == "search-query"]
    assert field["value"] == overlong[:MAX_QUERY_LENGTH]
