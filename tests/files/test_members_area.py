"""Files linked from the members' area reach members, not the public."""

from urllib.parse import quote

import pytest

from home import roles
from tests.files.helpers import statuses

pytestmark = pytest.mark.django_db


def test_members_get_the_file_the_public_does_not(client, members_file, member, make_user):
    client.force_login(member)
    answers = {name: client.get(url) for name, url in members_file.urls.items()}
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(
        members_file.urls, 200
    )
    assert {r["Cache-Control"] for r in answers.values()} == {"private, no-cache"}

    board_member = make_user(roles.BOARD)
    client.force_login(board_member)
    assert set(statuses(client, members_file.urls).values()) == {200}

    client.force_login(make_user())  # an account, but not a member
    assert set(statuses(client, members_file.urls).values()) == {404}


def test_anonymous_readers_are_sent_to_the_member_login(client, members_file):
    """As for the members' page itself: log in, then the file."""
    assert client.get(members_file.page.url).status_code == 302

    for url in members_file.urls.values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/anmelden/?next={quote(url)}"
        assert response["Cache-Control"] == "private, no-cache"
        # Under /en/ ... the login form in the reader's language.
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response["Location"].startswith("/en/anmelden/?next=")


def test_the_press_office_gets_it_through_the_library_rights(client, members_file, press_officer):
    client.force_login(press_officer)

    assert set(statuses(client, members_file.urls).values()) == {200}


def test_moving_the_page_out_of_the_members_area_makes_the_file_public(
    client, site_tree, members_file
):
    assert client.get(members_file.urls["document"]).status_code == 302

    members_file.page.move(site_tree.home, pos="last-child")

    assert set(statuses(client, members_file.urls).values()) == {200}
