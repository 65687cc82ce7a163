"""Events: upcoming and past listings and the iCal export."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from home.factories import EventPageFactory
from tests.helpers import get_ok, html, links

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(site_tree):
    now = timezone.now().replace(microsecond=0)
    return {
        "upcoming": EventPageFactory(
            parent=site_tree.events,
            title="Mitgliederversammlung 2030",
            slug="mitgliederversammlung",
            start=now + datetime.timedelta(days=10),
            location_name="Stadthaus Halle",
            address="Marktplatz 2, 06108 Halle (Saale)",
        ),
        "running": EventPageFactory(
            parent=site_tree.events,
            title="Laufende Fachtagung",
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=5),
        ),
        "later": EventPageFactory(
            parent=site_tree.events,
            title="Sommerfest der Vielfalt",
            start=now + datetime.timedelta(days=40),
        ),
        "past": EventPageFactory(
            parent=site_tree.events,
            title="Dialogforum im Frühjahr",
            start=now - datetime.timedelta(days=30),
        ),
        "draft": EventPageFactory(
            parent=site_tree.events,
            title="Noch nicht angekündigt",
            start=now + datetime.timedelta(days=5),
            live=False,
        ),
    }


def calendar_events(client, url):
    response = get_ok(client, url)
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_event_ical_has_the_event_details(client, events):
    event = events["upcoming"]

    (entry,) = calendar_events(client, f"/termine/{event.slug}/ical/")

    assert str(entry["SUMMARY"]) == event.title
    assert entry.decoded("DTSTART") == event.start
    assert entry.decoded("DTEND") == event.end
    assert str(entry["LOCATION"]) == "Stadthaus Halle, Marktplatz 2, 06108 Halle (Saale)"
    assert str(entry["URL"]).endswith(event.url)
    assert str(entry["UID"])


def test_calendar_feed_has_only_upcoming_live_events_soonest_first(client, events):
    entries = calendar_events(client, "/termine/ical/")

    assert [str(entry["SUMMARY"]) for entry in entries] == [
        events["running"].title,
        events["upcoming"].title,
        events["later"].title,
    ]
    assert all(entry.decoded("DTEND") >= timezone.now() for entry in entries)
    uids = [str(entry["UID"]) for entry in entries]
    assert len(set(uids)) == len(uids)


def test_event_index_lists_upcoming_and_past_separately(client, events):
    upcoming = links(html(client, "/termine/"))
    past = links(html(client, "/termine/vergangene/"))

    for key in ("upcoming", "running", "later"):
        assert events[key].url in upcoming
        assert events[key].url not in past
    assert events["past"].url in past
    assert events["past"].url not in upcoming
    assert events["draft"].url not in upcoming + past
    assert "/termine/ical/" in upcoming


def test_event_page_links_its_ical(client, events):
    event = events["upcoming"]
    page = html(client, event.url)
    assert event.title in page
    assert "Stadthaus Halle" in page
    assert f"{event.url}ical/" in links(page)
