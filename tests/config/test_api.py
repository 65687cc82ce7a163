"""The public JSON API: press releases, projects and events that readers may see."""

import pytest

from home.factories import (
    ArticlePageFactory,
    EventPageFactory,
    MemberOrganisationPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
)
from tests.helpers import api_page_ids, api_pages, get_ok

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree, release_factory, minutes):
    return {
        "release": release_factory(title="Öffentliche Mitteilung"),
        "project": ProjectPageFactory(parent=site_tree.projects),
        "event": EventPageFactory(parent=site_tree.events),
        "draft release": release_factory(title="Entwurf", live=False),
        "draft project": ProjectPageFactory(parent=site_tree.projects, live=False),
        "draft event": EventPageFactory(parent=site_tree.events, live=False),
        "standard page": StandardPageFactory(parent=site_tree.home, title="Über uns"),
        "member": MemberOrganisationPageFactory(parent=site_tree.members),
        "article": ArticlePageFactory(parent=site_tree.articles),
        "minutes": minutes,
    }


PUBLIC = ("release", "project", "event")


def test_listing_has_only_live_releases_projects_and_events(client, content):
    items = api_pages(client)

    assert {item["id"] for item in items} == {content[key].pk for key in PUBLIC}
    assert {item["meta"]["type"] for item in items} == {
        "press.PressReleasePage",
        "home.ProjectPage",
        "home.EventPage",
    }


HIDDEN = (
    "draft release",
    "draft project",
    "draft event",
    "standard page",
    "member",
    "article",
    "minutes",
)


@pytest.mark.parametrize("key", HIDDEN)
def test_other_pages_are_not_found(client, content, key):
    assert client.get(f"/api/v2/pages/{content[key].pk}/").status_code == 404


@pytest.mark.parametrize("key", PUBLIC)
def test_public_pages_have_a_detail_view(client, content, key):
    page = content[key]
    data = get_ok(client, f"/api/v2/pages/{page.pk}/").json()
    assert data["id"] == page.pk
    assert data["title"] == page.title


def test_release_detail_has_its_fields(client, content):
    release = content["release"]
    data = get_ok(client, f"/api/v2/pages/{release.pk}/").json()
    assert data["lead"] == release.lead
    assert data["place"] == release.place
    assert data["date"] == release.date.isoformat()
    assert [contact["name"] for contact in data["press_contacts"]] == [
        c.contact.name for c in release.contacts.all()
    ]


@pytest.mark.parametrize(
    "model",
    ["home.StandardPage", "home.MemberOrganisationPage", "home.MinutesPage", "wagtailcore.Page"],
)
def test_type_filter_cannot_widen_the_selection(client, content, model):
    response = client.get("/api/v2/pages/", {"type": model})
    if response.status_code == 200:
        ids = {item["id"] for item in response.json()["items"]}
        assert ids <= {content[key].pk for key in PUBLIC}
    else:
        assert response.status_code == 400


def test_type_filter_selects_press_releases(client, content):
    assert api_page_ids(client, type="press.PressReleasePage") == {content["release"].pk}


def test_api_answers_json_only(client, content):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("application/json")
