"""Embargo in every language: translations of a scheduled release go live with it, never before.

wagtail-localize neither copies go_live_at nor waits for it (its issue 634);
press/translation.py closes the gap. Each test schedules a German release, has
it translated, and checks the translations are in no public channel until
publish_scheduled runs at the release's minute.
"""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from press.factories import PressReleasePageFactory
from press.models import PressReleasePage
from tests.helpers import api_page_ids, feed_titles, links, sitemap_locations
from tests.translation_helpers import locale, translate, translate_tree

pytestmark = pytest.mark.django_db

CODES = ("en", "ar")


def reload(page):
    return PressReleasePage.objects.get(pk=page.pk)


def publish_scheduled_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def schedule(release, go_live_at, user=None):
    release = reload(release)
    release.go_live_at = go_live_at
    release.save_revision(user=user).publish(user=user)
    return reload(release)


@pytest.fixture
def tree(site_tree):
    translate_tree(site_tree, *CODES)
    return site_tree


@pytest.fixture
def go_live_at():
    return (timezone.now() + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)


@pytest.fixture
def embargoed(tree, go_live_at, press_officer):
    """A German release scheduled two minutes ahead, never published."""
    release = PressReleasePageFactory(
        parent=tree.press, title="Sperrfrist Kakapobericht", live=False
    )
    return schedule(release, go_live_at, user=press_officer)


def translations(release):
    return {code: release.get_translation(locale(code)).specific for code in CODES}


def search_page(client, code) -> str:
    return client.get(f"/{code}/suche/", {"q": "Kakapobericht"}).content.decode()


def public_channels(client, page):
    """Where an anonymous reader finds ``page`` (a translated release) right now."""
    client.logout()
    index_url = page.get_parent().url
    code = page.locale.language_code
    return {
        "own url": client.get(page.url).status_code == 200,
        "press index": page.url in links(client.get(index_url).content.decode()),
        "rss": page.title in feed_titles(client, f"{index_url}feed/rss/"),
        "sitemap": page.full_url in sitemap_locations(client),
        "search": page.url in links(search_page(client, code)),
        "api": page.pk in api_page_ids(client, type="press.PressReleasePage"),
        "api detail": client.get(f"/api/v2/pages/{page.pk}/").status_code == 200,
    }


def test_translations_published_during_the_embargo_are_scheduled_for_its_minute(
    client, embargoed, go_live_at
):
    assert not embargoed.live
    for code in CODES:
        # What wagtail-localize's "Publish in ..." and the demo loader do.
        translate(embargoed, code, publish=True)

    for code, page in translations(embargoed).items():
        assert not page.live, f"{code} went live during the embargo"
        assert page.go_live_at == go_live_at
        assert page.scheduled_revision.approved_go_live_at == go_live_at
        leaks = {name for name, found in public_channels(client, page).items() if found}
        assert not leaks, f"{code} visible before the embargo ends in: {leaks}"

    publish_scheduled_at(go_live_at - datetime.timedelta(seconds=30))
    assert not any(page.live for page in translations(embargoed).values())

    publish_scheduled_at(go_live_at + datetime.timedelta(seconds=5))
    assert reload(embargoed).live
    for code, page in translations(embargoed).items():
        assert page.live, f"{code} did not go live with the original"
        assert page.scheduled_revision is None
    # The channels themselves work: after the minute the translations are in all of them.
    for code, page in translations(embargoed).items():
        missing = {name for name, found in public_channels(client, page).items() if not found}
        assert not missing, f"{code} after go-live missing from: {missing}"


def test_wagtail_localize_publish_on_commit_is_held_too(
    embargoed, go_live_at, django_capture_on_commit_callbacks
):
    """create_or_update_translation(publish=True) publishes in transaction.on_commit."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(embargoed)
    Translation.objects.create(source=source, target_locale=locale("ar"))
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(locale("ar"), publish=True, fallback=True)

    arabic = embargoed.get_translation(locale("ar")).specific
    assert not arabic.live
    assert arabic.scheduled_revision.approved_go_live_at == go_live_at


def test_a_translation_approved_from_an_old_revision_does_not_go_live(
    tree, go_live_at, press_officer
):
    """The translation's revision predates the embargo (no go_live_at in it)."""
    release = PressReleasePageFactory(parent=tree.press, title="Erst Entwurf", live=False)
    release.save_revision()
    english = translate(release, "en", publish=False)
    revision = english.get_latest_revision()
    assert revision.content.get("go_live_at") is None

    schedule(release, go_live_at, user=press_officer)
    revision.publish(user=press_officer)

    english = reload(english)
    assert not english.live
    assert english.live_revision is None
    assert english.scheduled_revision.approved_go_live_at == go_live_at


def test_rescheduling_the_original_moves_its_translations(embargoed, go_live_at, press_officer):
    for code in CODES:
        translate(embargoed, code, publish=True)
    later = go_live_at + datetime.timedelta(hours=3)

    schedule(embargoed, later, user=press_officer)

    for page in translations(embargoed).values():
        assert not page.live
        assert page.scheduled_revision.approved_go_live_at == later
    publish_scheduled_at(go_live_at + datetime.timedelta(minutes=1))
    assert not any(page.live for page in translations(embargoed).values())
    publish_scheduled_at(later + datetime.timedelta(seconds=5))
    assert all(page.live for page in translations(embargoed).values())


def test_cancelling_the_originals_schedule_cancels_the_translations(
    client, embargoed, press_officer
):
    for code in CODES:
        translate(embargoed, code, publish=True)
    client.force_login(press_officer)
    revision = embargoed.scheduled_revision

    response = client.post(
        reverse("wagtailadmin_pages:revisions_unschedule", args=[embargoed.pk, revision.pk])
    )

    assert response.status_code == 302
    assert reload(embargoed).scheduled_revision is None
    for page in translations(embargoed).values():
        assert not page.live
        assert page.scheduled_revision is None


def test_deleting_the_original_cancels_the_translations_schedules(embargoed):
    for code in CODES:
        translate(embargoed, code, publish=True)
    held = translations(embargoed)

    reload(embargoed).delete()

    for page in held.values():
        page = reload(page)
        assert not page.live
        assert page.scheduled_revision is None


def test_publishing_the_original_early_publishes_its_translations(embargoed, press_officer):
    for code in CODES:
        translate(embargoed, code, publish=True)
    release = reload(embargoed)
    release.go_live_at = None

    release.save_revision(user=press_officer).publish(user=press_officer)

    assert reload(release).live
    for code, page in translations(release).items():
        assert page.live, f"{code} stayed behind"


def test_a_live_translation_is_withdrawn_when_the_original_is_put_under_embargo(
    tree, go_live_at, press_officer
):
    release = PressReleasePageFactory(parent=tree.press, title="Zurückgezogen")
    release.save_revision().publish()
    english = translate(release, "en", publish=True)
    assert english.live
    reload(release).unpublish()

    schedule(release, go_live_at, user=press_officer)

    english = reload(english)
    assert not english.live
    assert english.scheduled_revision.approved_go_live_at == go_live_at


def test_after_the_minute_a_translation_goes_live_at_once(embargoed, go_live_at):
    after = go_live_at + datetime.timedelta(seconds=5)
    publish_scheduled_at(after)
    assert reload(embargoed).live

    with mock.patch("django.utils.timezone.now", return_value=after):
        english = translate(embargoed, "en", publish=True)

    assert english.live


def test_other_page_types_and_german_pages_are_untouched(tree, go_live_at):
    """Only translations of releases are held; the German release itself schedules as usual."""
    release = PressReleasePageFactory(parent=tree.press, title="Normal", live=False)
    release = schedule(release, go_live_at)
    assert not release.live
    assert Page.objects.filter(translation_key=release.translation_key).count() == 1
