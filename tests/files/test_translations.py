"""Translations share the original's images and documents, and its embargo."""

import pytest

from tests.files.helpers import go_live_now, statuses
from tests.translation_helpers import translate, translate_tree

pytestmark = pytest.mark.django_db


def test_the_english_release_and_its_files_go_live_with_the_german_one(
    client, site_tree, embargoed
):
    translate_tree(site_tree, "en")
    english = translate(embargoed.page, "en")  # held back by the embargo (press.translation)
    assert english.image_id == embargoed.cover.pk
    assert not english.live

    assert client.get(english.url).status_code == 404
    assert set(statuses(client, embargoed.urls, HTTP_ACCEPT_LANGUAGE="en").values()) == {404}

    go_live_now(embargoed.page)

    english.refresh_from_db()
    assert english.live
    assert client.get(english.url).status_code == 200
    assert set(statuses(client, embargoed.urls, HTTP_ACCEPT_LANGUAGE="en").values()) == {200}
