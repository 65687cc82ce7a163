"""The sitemap: the live, public pages of every language, each with its translations.

Wagtail's own sitemap lists the descendants of the site's (German) root page
only; translated home pages are its siblings, so their trees would be missing.
Each entry names its translations as ``xhtml:link`` alternates (Django's
sitemap template renders them) plus ``x-default`` for the German page.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.languages import page_language


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in Page.objects.filter(translation_key=root.translation_key, depth=root.depth):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        entries = []
        for item in self.paginator.page(page).object_list.iterator():
            for number, url_info in enumerate(item.get_sitemap_urls(self.request)):
                entries.append((item, number == 0, url_info))

        # The translations of a page are found among the entries of the same
        # sitemap page (50,000 URLs, far more than this site has).
        locations = defaultdict(dict)
        for item, main, url_info in entries:
            if main:
                code = page_language(item, self.request)
                locations[item.translation_key].setdefault(code, url_info["location"])

        urls = []
        last_mods = set()
        for item, main, url_info in entries:
            versions = locations[item.translation_key]
            if main and len(versions) > 1:
                alternates = [
                    {"lang_code": code, "location": location}
                    for code, location in sorted(versions.items())
                ]
                if settings.LANGUAGE_CODE in versions:
                    alternates.append(
                        {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]}
                    )
                url_info = {**url_info, "alternates": alternates}
            urls.append(url_info)
            last_mods.add(url_info.get("lastmod"))

        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
