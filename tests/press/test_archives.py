"""The press index: latest releases, archives by year and by topic, pagination."""

import datetime

import pytest

from home.factories import TopicFactory
from press.models import RELEASES_PER_PAGE, PressReleasePage
from tests.helpers import html, links

pytestmark = pytest.mark.django_db


def release_links(client, url, **params):
    """URLs of the press releases listed at ``url``, in order, each once."""
    release_urls = {release.url for release in PressReleasePage.objects.all()}
    listed = [href for href in links(html(client, url, **params)) if href in release_urls]
    return list(dict.fromkeys(listed))


@pytest.fixture
def yearly_releases(release_factory):
    return {
        year: [
            release_factory(
                title=f"Jahresbericht {year} Teil {part}",
                slug=f"bericht-{year}-{part}",
                date=datetime.date(year, 3 + part, 10),
            )
            for part in range(2)
        ]
        for year in (2023, 2024, 2025)
    }


def test_year_archive_lists_only_that_year(client, yearly_releases):
    listed = release_links(client, "/presse/2025/")

    assert sorted(listed) == sorted(release.url for release in yearly_releases[2025])
    index = html(client, "/presse/")
    for year in yearly_releases:
        assert f"/presse/{year}/" in links(index)


def test_year_archive_is_newest_first(client, yearly_releases):
    listed = release_links(client, "/presse/2024/")
    assert listed == [release.url for release in reversed(yearly_releases[2024])]


@pytest.mark.parametrize("year", [2019, 2031])
def test_year_without_releases_is_not_found(client, yearly_releases, year):
    assert client.get(f"/presse/{year}/").status_code == 404


def test_year_with_only_unpublished_releases_is_not_found(client, release_factory):
    release_factory(date=datetime.date(2022, 5, 1), live=False)
    assert client.get("/presse/2022/").status_code == 404


def test_topic_archive_lists_only_releases_on_that_topic(client, release_factory):
    education = TopicFactory(name="Bildung", slug="bildung")
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    on_education = release_factory(title="Schulen öffnen", slug="schulen")
    on_education.topics.add(education)
    on_both = release_factory(title="Bildung und Wohnen", slug="beides")
    on_both.topics.add(education, housing)
    on_housing = release_factory(title="Mieten steigen", slug="mieten")
    on_housing.topics.add(housing)
    for release in (on_education, on_both, on_housing):
        release.save_revision().publish()

    listed = release_links(client, "/presse/thema/bildung/")

    assert sorted(listed) == sorted([on_education.url, on_both.url])
    assert "/presse/thema/wohnen/" in links(html(client, "/presse/"))
    assert client.get("/presse/thema/gibt-es-nicht/").status_code == 404


def test_pagination_splits_the_listing(client, release_factory):
    total = RELEASES_PER_PAGE + 3
    releases = [
        release_factory(
            title=f"Folge {number:02d}",
            slug=f"folge-{number:02d}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )
        for number in range(total)
    ]
    newest_first = [release.url for release in reversed(releases)]

    first = release_links(client, "/presse/")
    second = release_links(client, "/presse/", seite=2)

    assert first == newest_first[:RELEASES_PER_PAGE]
    assert second == newest_first[RELEASES_PER_PAGE:]
    assert "?seite=2" in "".join(links(html(client, "/presse/")))
    # Out-of-range page numbers show the last page instead of an error.
    assert release_links(client, "/presse/", seite=99) == second
    # The year archive paginates the same way.
    assert release_links(client, "/presse/2025/", seite=2) == second
