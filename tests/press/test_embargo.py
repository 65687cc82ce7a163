"""Embargo (Sperrfrist): a scheduled release appears nowhere until its go-live minute."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.blocks import PARAGRAPH_FEATURES
from home.factories import TopicFactory
from press.factories import PressContactFactory
from press.models import PressReleasePage
from tests.helpers import (
    ATOM_URL,
    RSS_URL,
    api_page_ids,
    feed_titles,
    html,
    links,
    search_page,
    sitemap_locations,
)

UNIQUE_WORD = "Quokkabericht"


def channels(client, release, topic, search_word):
    """In which public channel an anonymous reader finds ``release`` right now."""
    client.logout()
    year_url = f"/presse/{release.date.year}/"
    topic_url = f"/presse/thema/{topic.slug}/"
    in_api_list = release.pk in api_page_ids(client, type="press.PressReleasePage")
    api_detail = client.get(f"/api/v2/pages/{release.pk}/")
    return {
        "own url": client.get(release.url).status_code == 200,
        "press index": release.url in links(html(client, "/presse/")),
        "year archive": release.url in links(html(client, year_url)),
        "topic archive": release.url in links(html(client, topic_url)),
        "home page": release.url in links(html(client, "/")),
        "rss": release.title in feed_titles(client, RSS_URL),
        "atom": release.title in feed_titles(client, ATOM_URL),
        "sitemap": release.full_url in sitemap_locations(client),
        "search": release.url in links(search_page(client, search_word)),
        "api list": in_api_list,
        "api detail": api_detail.status_code == 200,
    }


@pytest.fixture
def topic(site_tree):
    return TopicFactory(name="Arbeitsmarkt", slug="arbeitsmarkt")


@pytest.fixture
def other_release(release_factory, topic):
    """A live release of the same year and topic, so the archives exist either way."""
    release = release_factory(title="Bereits veröffentlicht: Wombatbericht")
    release.topics.add(topic)
    release.save_revision().publish()
    return release


@pytest.fixture
def embargoed(release_factory, topic, press_officer):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    release = release_factory(
        title=f"Sperrfrist {UNIQUE_WORD}",
        lead=f"Der {UNIQUE_WORD} erscheint erst später.",
        live=False,
    )
    release.topics.add(topic)
    release.go_live_at = go_live
    release.save_revision(user=press_officer).publish(user=press_officer)
    return PressReleasePage.objects.get(pk=release.pk)


def publish_scheduled_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def test_scheduled_release_is_not_live(embargoed):
    assert not embargoed.live
    assert embargoed.scheduled_revision is not None
    assert embargoed.scheduled_revision.approved_go_live_at == embargoed.go_live_at


def test_embargoed_release_is_in_no_channel_until_go_live(client, embargoed, other_release, topic):
    before = channels(client, embargoed, topic, UNIQUE_WORD)
    assert not any(before.values()), f"visible before go-live in: {before}"
    # The channels themselves work: the release published earlier is everywhere.
    assert all(channels(client, other_release, topic, "Wombatbericht").values())

    # A minute before the embargo ends nothing happens...
    publish_scheduled_at(embargoed.go_live_at - datetime.timedelta(minutes=1))
    embargoed.refresh_from_db()
    assert not embargoed.live
    assert not any(channels(client, embargoed, topic, UNIQUE_WORD).values())

    # ...at the minute, the scheduler publishes it and every channel shows it.
    publish_scheduled_at(embargoed.go_live_at + datetime.timedelta(seconds=30))
    embargoed.refresh_from_db()
    assert embargoed.live
    after = channels(client, embargoed, topic, UNIQUE_WORD)
    assert all(after.values()), f"missing after go-live in: {after}"


def test_press_office_schedules_a_release_in_the_admin(client, site_tree, press_officer):
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    data = nested_form_data(
        {
            "title": f"Geplant {UNIQUE_WORD}",
            "slug": "geplant",
            "date": go_live.date().isoformat(),
            "place": "Halle (Saale)",
            "lead": "Sperrfrist bis morgen.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Text.</p>", features=PARAGRAPH_FEATURES))]
            ),
            "contacts": inline_formset([{"contact": PressContactFactory().pk}], min=1),
            "comments": inline_formset([]),
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
        }
    )
    data["action-publish"] = "action-publish"
    client.force_login(press_officer)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["press", "pressreleasepage", site_tree.press.pk]),
        data,
    )

    assert response.status_code == 302
    release = PressReleasePage.objects.get(slug="geplant")
    assert not release.live
    assert release.scheduled_revision is not None
    client.logout()
    assert client.get(release.url).status_code == 404
    assert release.title not in feed_titles(client, RSS_URL)

    publish_scheduled_at(release.go_live_at + datetime.timedelta(minutes=1))
    assert client.get(release.url).status_code == 200
    assert release.title in feed_titles(client, RSS_URL)
