"""Embargo in every language: translations of a scheduled release go live with it, not before."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from press.models import PressReleasePage
from tests.helpers import api_page_ids, feed_titles, html, links, sitemap_locations
from tests.i18n.conftest import record_of, translate, translate_site

pytestmark = pytest.mark.django_db

WORD = "Quokkabericht"  # a name: the same in every language, so search finds each version
TEXTS = {
    "de": {"title": f"Sperrfrist: {WORD} erscheint", "lead": f"Der {WORD} zeigt die Lage."},
    "en": {"title": f"Embargo: {WORD} published", "lead": f"The {WORD} shows the situation."},
    "ar": {"title": f"حظر النشر: {WORD}", "lead": f"يُظهر {WORD} الوضع."},
}
PREFIX = {"de": "", "en": "/en", "ar": "/ar"}


def strings(code):
    return {TEXTS["de"][key]: TEXTS[code][key] for key in ("title", "lead")}


@pytest.fixture(params=["translated first", "scheduled first"])
def embargoed(
    request, site_tree, release_factory, press_officer, client, django_capture_on_commit_callbacks
):
    """A German release scheduled two hours ahead, translated and "published" in en and ar.

    "translated first": the translations exist as drafts before the press office
    schedules the German release (wagtail-localize never copies ``go_live_at`` to
    an existing translation, its issue 634); "scheduled first": translated during
    the embargo.
    """
    translate_site(site_tree, "en", "ar", sections=["press"])
    german = release_factory(
        title=TEXTS["de"]["title"], slug="quokka", lead=TEXTS["de"]["lead"], live=False
    )
    if request.param == "translated first":
        for code in ("en", "ar"):
            translate(german, code, strings(code), publish=False)
    german = PressReleasePage.objects.get(pk=german.pk)
    german.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    german.save_revision(user=press_officer).publish(user=press_officer)
    german = PressReleasePage.objects.get(pk=german.pk)
    assert not german.live

    # English: translated and its revision published (as wagtail-localize's commit hook does).
    translate(german, "en", strings("en"), publish=True, user=press_officer)
    # Arabic: the translation editor's "Publish" button (wagtail-localize's save_target).
    translate(german, "ar", strings("ar"), publish=False)
    client.force_login(press_officer)
    arabic = german.get_translation(record_of(german, "ar").target_locale)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    client.logout()
    return german


def same_second(one, other) -> bool:
    """Revisions store times in JSON with milliseconds; the minute is what counts."""
    return abs((one - other).total_seconds()) < 1


def versions(german):
    pages = PressReleasePage.objects.filter(translation_key=german.translation_key)
    return {page.locale.language_code: page for page in pages}


def channels(client, page, code):
    """Where an anonymous reader of ``code`` finds ``page`` right now."""
    client.logout()
    prefix = PREFIX[code]
    return {
        "own url": client.get(page.url).status_code == 200 if page.url else False,
        "press index": page.url in links(html(client, f"{prefix}/presse/")),
        "rss": page.title in feed_titles(client, f"{prefix}/presse/feed/rss/"),
        "atom": page.title in feed_titles(client, f"{prefix}/presse/feed/atom/"),
        "sitemap": page.full_url in sitemap_locations(client),
        "search": page.url in links(html(client, f"{prefix}/suche/", q=WORD)),
        "api list": page.pk in api_page_ids(client, type="press.PressReleasePage"),
        "api detail": client.get(f"/api/v2/pages/{page.pk}/").status_code == 200,
    }


def publish_scheduled_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def test_translations_are_held_until_the_source_goes_live(client, embargoed):
    pages = versions(embargoed)
    assert set(pages) == {"de", "en", "ar"}
    go_live = embargoed.go_live_at
    for code, page in pages.items():
        assert not page.live, f"{code} is live before the embargo ends"
        assert page.url == f"{PREFIX[code]}/presse/quokka/"
        seen = channels(client, page, code)
        assert not any(seen.values()), f"{code} visible before go-live in: {seen}"
        # Each is scheduled for the German minute.
        scheduled = page.scheduled_revision
        assert scheduled is not None, f"{code} is not scheduled"
        assert same_second(scheduled.approved_go_live_at, go_live), code

    # A minute early, nothing happens.
    publish_scheduled_at(go_live - datetime.timedelta(minutes=1))
    assert not any(page.live for page in versions(embargoed).values())

    # At the minute, one run of the scheduler publishes all three.
    moment = go_live + datetime.timedelta(seconds=30)
    publish_scheduled_at(moment)
    pages = versions(embargoed)
    for code, page in pages.items():
        assert page.live, f"{code} did not go live"
        assert page.last_published_at == moment, code
        seen = channels(client, page, code)
        assert all(seen.values()), f"{code} missing after go-live in: {seen}"
    assert TEXTS["ar"]["lead"] in html(client, pages["ar"].url)
    assert TEXTS["en"]["lead"] in html(client, pages["en"].url)


def test_a_translation_published_later_goes_live_with_the_source(client, embargoed):
    """The translator publishes again (a corrected lead) while the embargo runs: still held."""
    corrected = {TEXTS["de"]["lead"]: f"Corrected: the {WORD} shows the situation."}
    english = translate(embargoed, "en", corrected, publish=True)
    assert not english.live
    assert client.get(english.url).status_code == 404
    assert same_second(english.scheduled_revision.approved_go_live_at, embargoed.go_live_at)

    publish_scheduled_at(embargoed.go_live_at + datetime.timedelta(seconds=30))
    assert corrected[TEXTS["de"]["lead"]] in html(client, english.url)


def test_embargo_moved_into_the_past_publishes_all_languages_together(
    client, embargoed, press_officer
):
    """The press office moves the German go-live time to a minute ago; the scheduler runs."""
    german = PressReleasePage.objects.get(pk=embargoed.pk)
    german.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    german.save_revision(user=press_officer).publish(user=press_officer)
    call_command("publish_scheduled", stdout=io.StringIO())

    pages = versions(embargoed)
    assert all(page.live for page in pages.values()), {c: p.live for c, p in pages.items()}
    moments = [page.last_published_at for page in pages.values()]
    assert max(moments) - min(moments) < datetime.timedelta(seconds=5)
    for code, page in pages.items():
        seen = channels(client, page, code)
        assert all(seen.values()), f"{code} missing after go-live in: {seen}"
