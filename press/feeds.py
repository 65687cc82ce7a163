"""RSS and Atom feeds of the press releases (Django's syndication framework)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class PressReleaseRssFeed(Feed):
    """The latest releases of one press index page, in its language; only live, public pages."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        # Each language's press section has its own feed (its own releases, as
        # children of the translated index page), declared in that language.
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Pressemitteilungen – LAMSA e.V.")

    def link(self):
        # Absolute with the Wagtail site's host (as the guid), not the
        # placeholder domain of django.contrib.sites.
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.intro or _(
            "Pressemitteilungen des Landesnetzwerks Migrantenorganisationen Sachsen-Anhalt"
        )

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return self.index_page.releases()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.place}, {item.date:%d.%m.%Y}. {item.lead}"

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # The release date at the moment it went public (the embargo minute, if any).
        published = item.first_published_at
        # Compare calendar days in the site's time zone: an embargo at 00:01 is
        # still the previous day in UTC.
        if published and timezone.localtime(published).date() == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class PressReleaseAtomFeed(PressReleaseRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
