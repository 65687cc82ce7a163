"""What every public page has: language, skip link, landmarks, legal links, no third parties."""

from urllib.parse import urlsplit

import pytest

from home.factories import (
    ArticlePageFactory,
    EventPageFactory,
    MemberOrganisationPageFactory,
    ProjectPageFactory,
)
from home.models import ImpressumSettings
from tests.helpers import get_ok, links, tags

pytestmark = pytest.mark.django_db

OWN_HOSTS = {"testserver", "localhost"}


@pytest.fixture
def public_urls(site_tree, release_factory, credited_image):
    release = release_factory(image=credited_image)
    return [
        "/",
        "/presse/",
        release.url,
        "/projekte/",
        ProjectPageFactory(parent=site_tree.projects, logo=credited_image).url,
        "/mitglieder/",
        MemberOrganisationPageFactory(parent=site_tree.members).url,
        "/termine/",
        EventPageFactory(parent=site_tree.events).url,
        "/publikationen/",
        ArticlePageFactory(parent=site_tree.articles).url,
        "/impressum/",
        "/suche/?q=Netzwerk",
        "/anmelden/",
    ]


def resource_urls(markup):
    """URLs the browser fetches by itself: stylesheets, icons, scripts, images, frames."""
    for tag, attrs in tags(markup):
        if tag == "link" and attrs.get("rel") != "alternate":
            yield attrs.get("href")
        elif tag in ("script", "img", "iframe", "source", "video", "audio", "embed"):
            yield attrs.get("src")
            for candidate in (attrs.get("srcset") or "").split(","):
                yield candidate.strip().split(" ")[0]
        elif tag == "object":
            yield attrs.get("data")


def test_public_pages_have_language_landmarks_and_skip_link(client, public_urls):
    for url in public_urls:
        markup = get_ok(client, url).content.decode()
        all_tags = tags(markup)
        html_tag = next(attrs for tag, attrs in all_tags if tag == "html")
        assert html_tag.get("lang") == "de", url
        anchors = [attrs for tag, attrs in all_tags if tag == "a"]
        assert anchors[0].get("href") == "#main", f"{url}: the skip link comes first"
        mains = [attrs for tag, attrs in all_tags if tag == "main"]
        assert len(mains) == 1 and mains[0].get("id") == "main", url
        assert [tag for tag, _ in all_tags].count("h1") == 1, f"{url}: one h1"


def test_footer_links_the_legal_pages(client, site_tree):
    hrefs = links(get_ok(client, "/presse/").content.decode())
    for page in (site_tree.impressum, site_tree.privacy, site_tree.accessibility):
        assert page.url in hrefs

    ImpressumSettings.objects.filter(site=site_tree.site).update(
        privacy_page=None, accessibility_page=None
    )
    hrefs = links(get_ok(client, "/presse/").content.decode())
    assert site_tree.impressum.url in hrefs
    assert site_tree.privacy.url not in hrefs
    assert site_tree.accessibility.url not in hrefs


def test_no_third_party_requests(client, public_urls):
    for url in public_urls:
        markup = get_ok(client, url).content.decode()
        fetched = [src for src in resource_urls(markup) if src]
        assert fetched, url
        foreign = [
            src
            for src in fetched
            if (src.startswith(("http://", "https://", "//")))
            and urlsplit(src).hostname not in OWN_HOSTS
        ]
        assert not foreign, f"{url} loads {foreign}"


def test_public_pages_send_a_content_security_policy(client, public_urls):
    for url in public_urls:
        policy = get_ok(client, url).headers.get("Content-Security-Policy", "")
        directives = dict(
            (part.split(" ", 1) + [""])[:2]
            for part in (p.strip() for p in policy.split(";"))
            if part
        )
        assert directives.get("default-src") == "'self'", url
        assert directives.get("script-src") == "'self'", url
        assert directives.get("object-src") == "'none'", url
