"""The members' area: minutes for Mitglieder and Vorstand only, and never leaked elsewhere."""

from urllib.parse import parse_qs, urlsplit

import pytest

from home import roles
from tests.helpers import (
    ATOM_URL,
    PASSWORD,
    RSS_URL,
    api_page_ids,
    get_ok,
    html,
    links,
    parse_feed,
    search_page,
    sitemap_locations,
)

pytestmark = pytest.mark.django_db

SECRET_WORDS = ["Quendelberg", "Zaunkönig", "Xylophonia"]


def assert_sent_to_login(response, path):
    assert response.status_code == 302
    target = urlsplit(response.url)
    assert target.path == "/anmelden/"
    assert parse_qs(target.query)["next"] == [path]


def test_anonymous_reader_is_sent_to_the_login(client, site_tree, minutes):
    assert_sent_to_login(client.get("/intern/"), "/intern/")
    assert_sent_to_login(client.get(minutes.url), minutes.url)


@pytest.mark.parametrize("group_name", [roles.MEMBERS, roles.BOARD])
def test_members_and_board_read_the_minutes(client, site_tree, minutes, make_user, group_name):
    client.force_login(make_user(group_name))

    overview = html(client, "/intern/")
    assert minutes.url in links(overview)

    page = html(client, minutes.url)
    assert minutes.title in page
    assert "Haushaltsentwurf Zaunkönig" in page
    assert "Vorstandsperson Xylophonia" in page


@pytest.mark.parametrize("group_names", [(), (roles.EDITORS,), (roles.PRESS_OFFICE,)])
def test_other_accounts_do_not_get_in(client, site_tree, minutes, make_user, group_names):
    client.force_login(make_user(*group_names))
    for url in ("/intern/", minutes.url):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Zaunkönig" not in response.content.decode()


def test_login_form_leads_members_to_the_minutes(client, site_tree, minutes, make_user):
    user = make_user(roles.MEMBERS)
    response = client.post(
        f"/anmelden/?next={minutes.url}",
        {"username": user.username, "password": PASSWORD, "next": minutes.url},
    )
    assert response.status_code == 302
    assert response.url == minutes.url
    assert "Zaunkönig" in html(client, minutes.url)


def test_members_area_appears_in_the_menu_only_for_members(client, site_tree, minutes, member):
    anonymous_links = links(html(client, "/"))
    assert not [href for href in anonymous_links if href.startswith("/intern/")]

    client.force_login(member)
    assert "/intern/" in links(html(client, "/"))


def test_minutes_leak_into_no_public_channel(client, site_tree, minutes, release_factory):
    release_factory(title="Eine öffentliche Mitteilung")
    public_pages = {
        "home page": html(client, "/"),
        "press index": html(client, "/presse/"),
        "search": search_page(client, "Quendelberg"),
        "search (agenda)": search_page(client, "Protokoll"),
        "rss": get_ok(client, RSS_URL).content.decode(),
        "atom": get_ok(client, ATOM_URL).content.decode(),
    }
    for channel, markup in public_pages.items():
        assert minutes.url not in links(markup), channel
        assert minutes.title not in markup, channel

    assert parse_feed(client, RSS_URL).entries, "the feeds work and list the public release"
    assert not [url for url in sitemap_locations(client) if "/intern/" in url]
    assert minutes.pk not in api_page_ids(client)
    assert site_tree.intern.pk not in api_page_ids(client)
    assert client.get(f"/api/v2/pages/{minutes.pk}/").status_code == 404
    for word in SECRET_WORDS:
        assert word not in client.get("/api/v2/pages/", {"search": word}).content.decode()


def test_members_see_minutes_but_search_stays_public_only(client, site_tree, minutes, member):
    """Even logged in, site search lists only public pages (it is not a members' tool)."""
    client.force_login(member)
    assert minutes.url not in links(search_page(client, "Quendelberg"))
