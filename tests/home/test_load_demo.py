"""`manage.py load_demo`: repeatable, complete demo content that renders everywhere.

The demo is loaded once for this module (twice, to check it is repeatable) inside a
transaction that is rolled back afterwards, so the other tests never see it.
"""

import io
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from home.models import (
    ArticlePage,
    District,
    EventPage,
    ImpressumSettings,
    MemberOrganisationPage,
    MembersAreaPage,
    MinutesPage,
    ProjectPage,
)
from press.models import PressReleasePage
from tests.helpers import get_ok, parse_feed, sitemap_locations

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

COUNTED_APPS = ["home", "press", "wagtailcore", "wagtailimages", "wagtaildocs", "auth"]
# History and indexes legitimately grow with every run.
GROWING = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
}


def row_counts() -> dict[str, int]:
    counts = {}
    for app_label in COUNTED_APPS:
        for model in apps.get_app_config(app_label).get_models():
            label = model._meta.label_lower
            if label not in GROWING and not model._meta.proxy:
                counts[label] = model._base_manager.count()
    return counts


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        # Start from an empty page tree, as on a fresh installation.
        Page.objects.filter(depth=2).delete()
        call_command("load_demo", stdout=io.StringIO())
        first = row_counts()
        call_command("load_demo", stdout=io.StringIO())
        second = row_counts()
        yield SimpleNamespace(first=first, second=second)
        transaction.set_rollback(True)


def test_loading_twice_changes_no_counts(demo):
    changed = {
        label: (demo.first[label], demo.second[label])
        for label in demo.first
        if demo.first[label] != demo.second[label]
    }
    assert not changed, f"load_demo is not repeatable: {changed}"
    assert demo.second["wagtailcore.page"] > 50
    assert demo.second["home.siteimage"] > 0
    assert demo.second["auth.user"] > 0


def test_demo_content_is_complete(demo):
    releases = PressReleasePage.objects.live()
    assert releases.count() >= 15
    assert len({release.date.year for release in releases}) >= 3
    assert ProjectPage.objects.live().count() >= 8

    members = MemberOrganisationPage.objects.live()
    assert members.count() >= 40
    assert set(members.values_list("district", flat=True)) == set(District.values)

    events = EventPage.objects.live()
    assert events.count() >= 8
    assert events.past().exists()
    assert events.upcoming().exists()
    assert ArticlePage.objects.live().count() >= 2
    assert MinutesPage.objects.live().count() >= 3

    site = Site.objects.get(is_default_site=True)
    legal = ImpressumSettings.for_site(site)
    for page in (legal.impressum_page, legal.privacy_page, legal.accessibility_page):
        assert page is not None and page.live


def test_demo_members_area_is_private(client, demo):
    area = MembersAreaPage.objects.get()
    assert area.get_view_restrictions().exists()
    response = client.get(area.url)
    assert response.status_code == 302
    assert urlsplit(response.url).path == "/anmelden/"


def test_every_live_page_renders_for_anonymous_readers(client, demo):
    members_area = MembersAreaPage.objects.get()
    failures = []
    checked = 0
    for page in Page.objects.live().exclude(depth=1).specific():
        url = page.url
        assert url, f"{page} is outside the site"
        response = client.get(url)
        checked += 1
        if page.path.startswith(members_area.path):
            if response.status_code != 302 or not response.url.startswith("/anmelden/"):
                failures.append((url, response.status_code))
        elif response.status_code != 200:
            failures.append((url, response.status_code))
    assert checked > 50
    assert not failures


def test_demo_archives_feeds_and_channels_work(client, demo):
    years = {release.date.year for release in PressReleasePage.objects.live()}
    for year in years:
        get_ok(client, f"/presse/{year}/")
    for topic_slug in PressReleasePage.objects.live().values_list("topics__slug", flat=True):
        if topic_slug:
            get_ok(client, f"/presse/thema/{topic_slug}/")
    assert len(parse_feed(client, "/presse/feed/rss/").entries) >= 15
    assert parse_feed(client, "/presse/feed/atom/").entries
    get_ok(client, "/termine/vergangene/")
    get_ok(client, "/termine/ical/")
    get_ok(client, "/projekte/", status="finished")
    get_ok(client, "/mitglieder/", district="halle")
    get_ok(client, "/suche/", q="Integration")
    assert len(sitemap_locations(client)) >= 50
    assert not [url for url in sitemap_locations(client) if "/intern/" in url]
