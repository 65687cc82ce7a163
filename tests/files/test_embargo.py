"""An embargoed release's images and documents are nobody's business before go-live."""

import pytest

from tests.files.helpers import go_live_now, make_image, schedule, statuses

pytestmark = pytest.mark.django_db


def test_anonymous_readers_get_404_for_every_file_of_an_embargoed_release(client, embargoed):
    assert client.get(embargoed.page.url).status_code == 404
    assert set(statuses(client, embargoed.urls).values()) == {404}, statuses(client, embargoed.urls)


def test_the_refusal_is_the_404_of_a_missing_file_in_the_readers_language(client, embargoed):
    refused_url = embargoed.urls["cover original"]
    missing_url = "/media/original_images/gibt-es-nicht.jpg"
    refused = client.get(refused_url, HTTP_ACCEPT_LANGUAGE="en")
    missing = client.get(missing_url, HTTP_ACCEPT_LANGUAGE="en")
    german = client.get(embargoed.urls["document"])

    for response in (refused, missing):
        assert response.status_code == 404
        assert response["Content-Language"] == "en"
        assert '<html lang="en"' in response.content.decode()
        assert "Page not found" in response.content.decode()
        assert response["Cache-Control"] == "private, no-cache"
    # Word for word the same page; only the address (in the language links) differs.
    assert refused.content.decode().replace(refused_url, "URL") == missing.content.decode().replace(
        missing_url, "URL"
    )
    assert refused.headers.keys() == missing.headers.keys()
    assert "Seite nicht gefunden" in german.content.decode()
    assert '<html lang="de"' in german.content.decode()


def test_press_office_sees_the_files_before_go_live(client, embargoed, press_officer, editor):
    for user in (press_officer, editor):
        client.force_login(user)
        answers = {name: client.get(url) for name, url in embargoed.urls.items()}
        assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(
            embargoed.urls, 200
        )
        # Nobody's shared cache may keep what only the press office may see.
        assert {r["Cache-Control"] for r in answers.values()} == {"private, no-cache"}


def test_files_are_public_in_the_minute_the_release_goes_live(client, embargoed):
    assert set(statuses(client, embargoed.urls).values()) == {404}

    go_live_now(embargoed.page)

    assert client.get(embargoed.page.url).status_code == 200
    assert statuses(client, embargoed.urls) == dict.fromkeys(embargoed.urls, 200)
    response = client.get(embargoed.urls["cover original"])
    assert "private" not in response.get("Cache-Control", "")
    assert b"".join(response.streaming_content) == embargoed.cover.file.open("rb").read()


def test_the_document_is_served_as_wagtail_serves_it(client, embargoed):
    go_live_now(embargoed.page)

    for url in (embargoed.urls["document"], embargoed.urls["document file"]):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_file_used_by_a_live_public_page_and_an_embargoed_one_is_public(
    client, release_factory, press_officer
):
    image = make_image("Archivbild")
    scheduled = release_factory(title="Sperrfrist Archiv", live=False, image=image)
    schedule(scheduled, press_officer)
    assert client.get(image.file.url).status_code == 404

    release_factory(title="Längst veröffentlicht", image=image)

    assert client.get(image.file.url).status_code == 200
    assert client.get(image.get_rendition("width-1200").url).status_code == 200


def test_a_file_used_by_nothing_is_public(client):
    image = make_image("Noch nirgends verwendet")

    assert client.get(image.file.url).status_code == 200
