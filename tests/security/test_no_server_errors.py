"""Addresses and bodies a fuzzer found answering 500, and a leak of the members' area.

One test per finding: each asserts what a reader gets over HTTP (404 for what
cannot exist, 400 for what cannot be read) and, for the "not translated" page,
that a page the reader may not see is neither linked nor redirected to.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageViewRestriction

from comments.models import PublicComment
from tests.comments.helpers import form_data, make_comment
from tests.helpers import html

pytestmark = pytest.mark.django_db

NOT_FOUND = "Seite nicht gefunden"
BAD_REQUEST = "Ungültige Anfrage"
BEYOND_64_BITS = "99999999999999999999"
CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
PREFIXES = [""] + [f"/{code}" for code, _name in settings.LANGUAGES[1:]]


@pytest.fixture
def reader():
    """A browser that sends the CSRF token like a real one (the server checks it)."""
    return Client(enforce_csrf_checks=True)


def assert_not_found(response):
    """The site's "page not found" (templates/404.html) in the reader's language."""
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    if response["Content-Language"] == "de":
        assert NOT_FOUND in response.content.decode()


# 1. Year archives of the press section


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("year", ["0", "0000", "99999", "9999999999"])
def test_a_year_no_date_can_have_is_not_found(client, site_tree, prefix, year):
    assert_not_found(client.get(f"{prefix}/presse/{year}/"))


def test_a_year_with_releases_is_still_listed(client, release_factory):
    release_factory(title="Rückblick auf das Jahr", date=datetime.date(2024, 5, 2))
    assert "Rückblick auf das Jahr" in html(client, "/presse/2024/")
    assert_not_found(client.get("/presse/2023/"))


# 2. The API's find endpoint


@pytest.mark.parametrize("value", ["x", "1.5", "-1", "0", " 1", BEYOND_64_BITS])
def test_api_find_with_an_id_that_cannot_exist_is_not_found(client, site_tree, value):
    response = client.get("/api/v2/pages/find/", {"id": value})
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_api_find_still_finds_a_release(client, release_factory):
    release = release_factory()
    response = client.get("/api/v2/pages/find/", {"id": str(release.pk)})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == f"/api/v2/pages/{release.pk}/"


# 3. "Not translated" for the tree root, which has no address


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_tree_root_is_not_found(client, site_tree, prefix):
    assert_not_found(client.get(f"{prefix}/nicht-uebersetzt/{site_tree.root.pk}/"))


@pytest.mark.parametrize("page_id", ["0", BEYOND_64_BITS])
def test_an_id_that_cannot_exist_is_not_found(client, site_tree, page_id):
    assert_not_found(client.get(f"/en/nicht-uebersetzt/{page_id}/"))


# 4. Bodies that cannot be parsed


def csrf_ready(reader, release):
    """The reader has opened the release (CSRF cookie set) and returns its token."""
    response = reader.get(release.url)
    assert response.status_code == 200
    return reader.cookies[settings.CSRF_COOKIE_NAME].value


@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/form-data",
        "multipart/form-data; boundary=",
        'multipart/form-data; boundary="a b"; charset=utf-8',
        # Django raises BadRequest here and, reading the body again in its
        # error handlers, raised it once more: a bare 500 before the middleware.
        "application/x-www-form-urlencoded; charset=latin-1",
    ],
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_unreadable_comment_post_is_a_bad_request(reader, release_factory, content_type, prefix):
    release = release_factory()
    token = csrf_ready(reader, release)
    response = reader.post(
        f"{prefix}/kommentare/senden/",
        data=b"comment=Hallo&name=Leila",
        content_type=content_type,
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400
    page = response.content.decode()
    # The site's own page in the reader's language, not Django's bare English one.
    assert f'<html lang="{prefix.strip("/") or "de"}"' in page
    assert 'class="page-header__title"' in page
    assert "Bad Request (400)" not in page
    assert not PublicComment.objects.exists()


def test_the_bad_request_page_says_so_in_german(reader, release_factory):
    token = csrf_ready(reader, release_factory())
    response = reader.post(
        "/kommentare/senden/",
        data=b"x",
        content_type="multipart/form-data",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400
    assert BAD_REQUEST in response.content.decode()


@pytest.mark.parametrize("host", ["evil.example", "[::1", ""])
@pytest.mark.parametrize("path", ["/presse/", "/en/suche/", "/kommentare/senden/"])
def test_a_host_we_do_not_serve_is_a_bad_request(client, site_tree, host, path):
    # Django refuses the host before the user is known, and the 400 page must not
    # look the host up again (found by the fuzzer, tests/security/test_fuzz.py).
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 400
    page = response.content.decode()
    language = "en" if path.startswith("/en/") else "de"
    assert f'<html lang="{language}"' in page
    assert 'class="page-header__title"' in page
    assert f'<a href="{"/en/" if language == "en" else "/"}">' in page


def test_a_well_formed_comment_post_still_passes_the_middleware(reader, release_factory):
    release = release_factory()
    token = csrf_ready(reader, release)
    response = reader.post(
        "/kommentare/senden/", form_data(release), HTTP_X_CSRFTOKEN=token, REMOTE_ADDR="192.0.2.4"
    )
    assert response.status_code == 302
    assert PublicComment.objects.count() == 1


# 5. Comment ids beyond 64 bits


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    "path", ["/kommentare/{}/", "/kommentare/{}/melden/", "/en/kommentare/{}/melden/"]
)
@pytest.mark.parametrize("pk", [BEYOND_64_BITS, "9223372036854775808", "0"])
def test_a_comment_id_that_cannot_exist_is_not_found(client, site_tree, method, path, pk):
    assert_not_found(getattr(client, method)(path.format(pk)))


def test_a_post_for_a_page_id_beyond_64_bits_is_refused(client, release_factory):
    release = release_factory()
    response = client.post("/kommentare/senden/", form_data(release, object_pk=BEYOND_64_BITS))
    assert response.status_code == 400
    assert "gehört zu keiner Seite" in response.content.decode()
    assert not PublicComment.objects.exists()


@pytest.mark.parametrize("reply_to", [BEYOND_64_BITS, "-1"])
def test_a_reply_to_a_comment_id_that_cannot_exist_is_refused(client, release_factory, reply_to):
    release = release_factory()
    parent = make_comment(release, "Der erste Beitrag.")
    response = client.post("/kommentare/senden/", form_data(release, reply_to=reply_to))
    assert response.status_code == 400
    assert "Auf diesen Kommentar kann nicht geantwortet werden." in response.content.decode()
    assert list(PublicComment.objects.all()) == [parent]


# The "not translated" page and pages a reader may not see


def body_of(response, page_id) -> str:
    """The page without what differs between any two requests for it.

    The language switcher links the requested address; a signed-in reader's
    pages carry a fresh CSRF token each time (the logout form).
    """
    body = response.content.decode().replace(f"/nicht-uebersetzt/{page_id}/", "/ID/")
    return CSRF_VALUE.sub("", body)


def assert_nothing_revealed(response, page, not_found_body):
    assert response.status_code == 404
    body = body_of(response, page.pk)
    assert page.slug not in body
    assert page.title not in body
    assert page.slug not in response.get("Location", "")
    # The same answer as for an id that names no page at all.
    assert body == not_found_body


@pytest.fixture
def missing_page_body(client, site_tree):
    def _body(prefix):
        response = client.get(f"{prefix}/nicht-uebersetzt/987654321/")
        assert response.status_code == 404
        return body_of(response, 987654321)

    return _body


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_anonymous_readers_learn_nothing_of_the_minutes(client, minutes, missing_page_body, prefix):
    expected = missing_page_body(prefix)
    response = client.get(f"{prefix}/nicht-uebersetzt/{minutes.pk}/")
    assert_nothing_revealed(response, minutes, expected)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_staff_outside_the_members_groups_learn_nothing_of_the_minutes(
    client, minutes, press_officer, missing_page_body, prefix
):
    client.force_login(press_officer)
    expected = missing_page_body(prefix)
    response = client.get(f"{prefix}/nicht-uebersetzt/{minutes.pk}/")
    assert_nothing_revealed(response, minutes, expected)


def test_members_are_led_to_the_minutes_they_may_read(client, minutes, member):
    client.force_login(member)
    german = client.get(f"/nicht-uebersetzt/{minutes.pk}/")
    assert german.status_code == 302
    assert german["Location"] == minutes.url
    english = client.get(f"/en/nicht-uebersetzt/{minutes.pk}/")
    assert english.status_code == 200
    assert f'href="{minutes.url}"' in english.content.decode()


def test_drafts_and_password_protected_pages_are_not_found(
    client, release_factory, missing_page_body
):
    draft = release_factory(title="Entwurf Sperrfrist Quittenmus", live=False)
    protected = release_factory(title="Nur mit Kennwort Holunderbeere")
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    expected = missing_page_body("/en")
    for page in (draft, protected):
        response = client.get(f"/en/nicht-uebersetzt/{page.pk}/")
        assert_nothing_revealed(response, page, expected)


def test_a_public_page_is_still_offered_in_german(client, release_factory):
    release = release_factory(title="Nur auf Deutsch erschienen")
    response = client.get(f"/en/nicht-uebersetzt/{release.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="{release.url}"' in body
    assert "Nur auf Deutsch erschienen" in body
