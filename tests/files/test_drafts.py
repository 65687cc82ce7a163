"""Drafts of live pages: a new attachment stays private until it is published."""

import io

import pytest
from django.core.management import call_command

from files.models import UnpublishedReference
from press.models import PressReleasePage
from tests.files.helpers import (
    document_block,
    document_urls,
    go_live_now,
    image_urls,
    make_document,
    make_image,
    schedule,
    statuses,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_release(release_factory, press_officer):
    release = release_factory(title="Veröffentlicht: Faultierbericht")
    release.save_revision(user=press_officer).publish(user=press_officer)
    return PressReleasePage.objects.get(pk=release.pk)


def add_attachment(release, document, user):
    release = PressReleasePage.objects.get(pk=release.pk)
    release.body = [*[(b.block_type, b.value) for b in release.body], document_block(document)]
    release.save_revision(user=user)
    return release


def test_a_new_attachment_in_a_draft_stays_private_until_published(
    client, live_release, press_officer
):
    pdf = make_document("Anhang im Entwurf", "anhang-entwurf.pdf")
    urls = document_urls("attachment", pdf)
    assert set(statuses(client, urls).values()) == {200}  # nobody uses it yet

    release = add_attachment(live_release, pdf, press_officer)

    assert client.get(release.url).status_code == 200  # the live release is unchanged
    assert set(statuses(client, urls).values()) == {404}
    client.force_login(press_officer)
    assert set(statuses(client, urls).values()) == {200}
    client.logout()

    release.get_latest_revision().publish(user=press_officer)

    assert set(statuses(client, urls).values()) == {200}


def test_a_new_image_in_a_scheduled_revision_of_a_live_release_waits_for_its_minute(
    client, live_release, press_officer
):
    image = make_image("Neues Bild zur Sperrfrist")
    urls = image_urls("image", image)
    release = PressReleasePage.objects.get(pk=live_release.pk)
    release.image = image

    release = schedule(release, press_officer)

    assert release.live  # the old version stays online until the minute
    assert set(statuses(client, urls).values()) == {404}

    go_live_now(release)

    assert set(statuses(client, urls).values()) == {200}


def test_a_file_of_a_live_public_page_stays_public_while_a_draft_uses_it(
    client, release_factory, press_officer
):
    image = make_image("Bild der Mitteilung")
    release = release_factory(title="Online mit Bild", image=image)
    draft = PressReleasePage.objects.get(pk=release.pk)
    draft.lead = "Überarbeiteter Vorspann, Bild bleibt."
    draft.save_revision(user=press_officer)

    assert set(statuses(client, image_urls("image", image)).values()) == {200}


def test_unpublishing_a_release_takes_its_files_offline(client, release_factory, press_officer):
    image = make_image("Bild einer zurückgezogenen Mitteilung")
    release = release_factory(title="Zurückgezogen", image=image)
    urls = image_urls("image", image)
    assert set(statuses(client, urls).values()) == {200}

    release.unpublish(user=press_officer)

    assert set(statuses(client, urls).values()) == {404}
    client.force_login(press_officer)
    assert set(statuses(client, urls).values()) == {200}


def test_rebuild_file_references_finds_drafts_saved_before_the_app(
    client, live_release, press_officer
):
    """On a database that had drafts before files/ was installed, the command
    records what they use (here: the records are wiped to stand for that)."""
    pdf = make_document("Anhang aus alter Zeit", "anhang-alt.pdf")
    urls = document_urls("attachment", pdf)
    add_attachment(live_release, pdf, press_officer)
    UnpublishedReference.objects.all().delete()
    assert set(statuses(client, urls).values()) == {200}

    call_command("rebuild_file_references", stdout=io.StringIO())

    assert set(statuses(client, urls).values()) == {404}
