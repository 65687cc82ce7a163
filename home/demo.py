"""Loads the demo content from the JSON files in ``site/demo/`` (see ``manage.py load_demo``).

Every object is looked up by a stable key (slug under its parent, title, name or
username) and updated in place, so loading twice gives the same content. Pages are
saved as revisions and published the way an editor would, so history, search and
scheduled publishing behave as on a real site.
"""

import datetime
import hashlib
import html
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Revision, Site
from wagtail_footnotes.models import Footnote

from comments.demo import load_comments
from home import factories, models, roles
from home.demo_media import make_image, make_pdf
from home.demo_translations import load_translations
from home.roles import BOARD, MEMBERS, setup_roles
from press.models import PressContact, PressReleaseContact, PressReleasePage
from search.documents import update_document_text
from search.models import ZeroResultQuery

DEMO_DIR = Path(settings.BASE_DIR) / "site" / "demo"
# Namespace for the stable UUIDs of blocks and footnotes.
DEMO_NAMESPACE = uuid.UUID("5c0b7f0e-4a7e-4c65-9d1e-1a3d0c8f2b61")


def load(name: str) -> dict:
    with open(DEMO_DIR / f"{name}.json", encoding="utf-8") as file:
        return json.load(file)


def stable_uuid(*parts) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, ":".join(str(part) for part in parts)))


def parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def parse_time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def at(day: datetime.date, time: str = "09:30") -> datetime.datetime:
    """An aware datetime in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(time)))


# --- The small markup of the demo texts, converted to Wagtail rich text ---------------

INLINE_RULES = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    # Single asterisks only at word boundaries, so gender stars (Bürger*innen) survive.
    (re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])"), r"<i>\1</i>"),
]
LINK = re.compile(r"\[([^\]^][^\]]*)\]\(([^)\s]+)\)")
FOOTNOTE = re.compile(r"\[\^(\d+)\]")


class RichTextWriter:
    """Blank lines separate blocks; ``## `` headings, ``- `` lists, bold, italic, links.

    ``page:slug`` links become internal page links; ``[^n]`` becomes a footnote
    reference in the format of wagtail-footnotes when ``footnote_ids`` is given.
    """

    def __init__(self, resolve_page=None):
        self.resolve_page = resolve_page

    def inline(self, text: str, footnote_ids=None) -> str:
        text = html.escape(text, quote=False)
        for pattern, replacement in INLINE_RULES:
            text = pattern.sub(replacement, text)

        def link(match):
            label, target = match.groups()
            if target.startswith("page:"):
                page = self.resolve_page(target.removeprefix("page:"))
                return f'<a linktype="page" id="{page.pk}">{label}</a>'
            return f'<a href="{html.escape(target)}">{label}</a>'

        text = LINK.sub(link, text)
        if footnote_ids is not None:
            text = FOOTNOTE.sub(
                lambda m: (
                    f'<footnote id="{footnote_ids[int(m.group(1)) - 1]}">[{m.group(1)}]</footnote>'
                ),
                text,
            )
        return text

    def html(self, text: str, footnote_ids=None) -> str:
        parts = []
        for block in re.split(r"\n\s*\n", text.strip()):
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            if lines[0].startswith("### "):
                parts.append(f"<h3>{self.inline(lines[0][4:], footnote_ids)}</h3>")
            elif lines[0].startswith("## "):
                parts.append(f"<h2>{self.inline(lines[0][3:], footnote_ids)}</h2>")
            elif all(line.startswith("- ") for line in lines):
                items = "".join(f"<li>{self.inline(line[2:], footnote_ids)}</li>" for line in lines)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{self.inline(' '.join(lines), footnote_ids)}</p>")
        return "".join(parts)


# --- Loader --------------------------------------------------------------------------


@dataclass
class DemoLoader:
    """Creates or updates the whole demo site; ``run()`` returns a summary of what it did."""

    stdout: object = None
    now: datetime.datetime = field(default_factory=timezone.now)

    def __post_init__(self):
        self.today = timezone.localdate(self.now)
        self.locale = Locale.get_default()
        self.collection = Collection.get_first_root_node()
        self.images: dict[str, models.SiteImage] = {}
        self.documents: dict = {}
        self.topics: dict[str, models.Topic] = {}
        self.languages: dict[str, models.Language] = {}
        self.focus_areas: dict[str, models.FocusArea] = {}
        self.contacts: dict[str, PressContact] = {}
        self.pages: dict[str, Page] = {}  # top-level pages by slug
        self.projects: dict[str, models.ProjectPage] = {}
        self.writer = RichTextWriter(resolve_page=self.pages.__getitem__)
        self.site_data = load("site")
        self.logins: list[tuple[str, str]] = []

    def log(self, message: str):
        if self.stdout is not None:
            self.stdout.write(message)

    # -- generic helpers ------------------------------------------------------------

    def upsert_page(self, parent: Page, model, slug: str, **fields):
        """The child of ``parent`` with this slug, updated with ``fields`` (not saved yet)."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, locale=self.locale, live=False)
        else:
            page = existing.specific
            if not isinstance(page, model):
                raise CommandError(
                    f"{existing.url_path} ist {type(page).__name__}, erwartet: {model.__name__}."
                )
        for name, value in fields.items():
            setattr(page, name, value)
        page._demo_parent = parent
        return page

    def _save_row(self, page: Page):
        if page.pk is None:
            page._demo_parent.add_child(instance=page)
        else:
            page.save()

    def publish(self, page: Page, published_at: datetime.datetime | None = None) -> Page:
        """Save a revision and publish it; backdate the timestamps to ``published_at``."""
        if page.pk is None:
            self._save_row(page)
        page.go_live_at = None
        revision = page.save_revision()
        revision.publish()
        if published_at is not None:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=published_at,
                last_published_at=published_at,
                latest_revision_created_at=published_at,
            )
            Revision.objects.filter(pk=revision.pk).update(created_at=published_at)
        return page

    def save_draft(self, page: Page) -> Page:
        """Keep the page unpublished: its row and a revision hold the draft."""
        page.live = False
        self._save_row(page)
        page.save_revision()
        return page

    def schedule(self, page: Page, go_live_at: datetime.datetime) -> Page:
        """Wagtail's scheduled publishing: ``publish_scheduled`` publishes it at go_live_at."""
        # Reloading after the embargo has passed puts the release back under embargo.
        page.live, page.live_revision = False, None
        page.first_published_at = page.last_published_at = None
        page.go_live_at = go_live_at
        self._save_row(page)
        revision = page.save_revision(approved_go_live_at=go_live_at)
        revision.publish()
        return page

    def stream(self, key: str, blocks: list[dict]) -> list[dict]:
        """StreamField raw data from the demo block list, with stable block ids."""
        data = []
        for index, block in enumerate(blocks):
            kind = block["type"]
            if kind == "text":
                kind, value = "paragraph", self.writer.html(block["text"], block.get("_footnotes"))
            elif kind == "quote":
                value = {"text": block["text"], "speaker": block["speaker"], "role": block["role"]}
            elif kind == "image":
                value = {"image": self.images[block["image"]].pk, "caption": block["caption"]}
            elif kind == "document":
                value = {
                    "document": self.documents[block["document"]].pk,
                    "title": block["title"],
                    "description": block["description"],
                }
            elif kind == "demands":
                value = {
                    "heading": block["heading"],
                    "items": [
                        {"type": "item", "value": item, "id": stable_uuid(key, index, n)}
                        for n, item in enumerate(block["items"])
                    ],
                }
            elif kind in ("impressum", "contact_details"):
                value = None
            else:
                raise CommandError(f"Unbekannter Blocktyp {kind!r} in {key}")
            data.append({"type": kind, "value": value, "id": stable_uuid(key, index)})
        return data

    def image(self, key: str | None):
        return self.images[key] if key else None

    # -- steps ----------------------------------------------------------------------

    def run(self) -> dict:
        self.load_vocabularies()
        self.load_media()
        self.load_press_contacts()
        home = self.load_home()
        self.load_top_level_pages(home)
        self.load_projects()
        self.load_press_releases()
        self.load_members()
        self.load_events()
        self.load_articles()
        self.load_minutes()
        self.load_settings(home)
        self.load_search()
        # Translations of the German pages (wagtail-localize); before the roles,
        # which grant each translator group its language's home page.
        translations = load_translations(home, log=self.log)
        # Roles grant page permissions on the section pages, so they must exist first.
        setup_roles()
        self.restrict_members_area()
        self.load_users()
        # Reader comments last: they need the pages and the demo "moderation" login.
        comments = load_comments()
        # Each run publishes a new revision of every demo page; drop the ones it
        # superseded (Wagtail keeps live, latest and in-moderation revisions), so
        # running the command again leaves the same content and history size.
        call_command("purge_revisions", verbosity=0)
        return {**self.summary(), "Übersetzungen": translations, "Kommentare": comments}

    def load_vocabularies(self):
        for slug, name in self.site_data["topics"]:
            self.topics[slug] = self._term(factories.TopicFactory, slug, name)
        for slug, name, code in self.site_data["languages"]:
            self.languages[slug] = self._term(factories.LanguageFactory, slug, name, code=code)
        for slug, name in self.site_data["focus_areas"]:
            self.focus_areas[slug] = self._term(factories.FocusAreaFactory, slug, name)

    def _term(self, factory, slug, name, **extra):
        # The factories get_or_create by (slug, locale); update the name if it changed.
        values = {"name": name, **extra}
        term = factory(slug=slug, locale=self.locale, **values)
        if any(getattr(term, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(term, key, value)
            term.save()
        return term

    def load_media(self):
        data = load("media")
        for spec in data["images"]:
            self.images[spec["key"]] = self._image(spec)
        for spec in data["documents"]:
            self.documents[spec["key"]] = self._document(spec)

    def _fresh_name(self, path: str) -> str:
        # A file left over from an earlier database would make storage pick a new
        # random name on every fresh load; reuse the stable name instead.
        if default_storage.exists(path):
            default_storage.delete(path)
        return path.rsplit("/", 1)[-1]

    def _image(self, spec: dict) -> models.SiteImage:
        meta = {"alt_text": spec["alt_text"], "credit": spec["credit"], "licence": spec["licence"]}
        image = models.SiteImage.objects.filter(title=spec["title"]).first()
        if image is None:
            extension = "png" if spec.get("logo") else "jpg"
            data = make_image(
                spec["key"],
                spec["label"],
                spec["sublabel"],
                spec["colours"],
                spec.get("logo", False),
            )
            name = self._fresh_name(f"original_images/lamsa-demo-{spec['key']}.{extension}")
            image = factories.SiteImageFactory(
                title=spec["title"],
                file=ContentFile(data, name=name),
                collection=self.collection,
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's own hash
                **meta,
            )
        elif any(getattr(image, key) != value for key, value in meta.items()):
            for key, value in meta.items():
                setattr(image, key, value)
            image.save()
        return image

    def _document(self, spec: dict):
        document_model = get_document_model()
        document = document_model.objects.filter(title=spec["title"]).first()
        if document is None:
            data = make_pdf(spec["title"], spec["heading"], spec["subheading"], spec["paragraphs"])
            name = self._fresh_name(f"documents/{spec['filename']}")
            document = document_model(
                title=spec["title"],
                file=ContentFile(data, name=name),
                collection=self.collection,
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's own hash
            )
            document.save()  # the search app extracts the text on save
        else:
            # A database loaded before text extraction existed: catch up (else a no-op).
            update_document_text(document)
        return document

    def load_press_contacts(self):
        for spec in self.site_data["press_contacts"]:
            contact = PressContact.objects.filter(name=spec["name"], locale=self.locale).first()
            if contact is None:
                contact = PressContact(locale=self.locale)
            for key, value in spec.items():
                setattr(contact, key, value)
            contact.save()
            self.contacts[spec["name"]] = contact

    def load_home(self) -> models.HomePage:
        spec = self.site_data["home"]
        root = Page.get_first_root_node()
        home = models.HomePage.objects.filter(depth=2, locale=self.locale).first()
        welcome_pages = list(
            Page.objects.child_of(root).filter(
                content_type=ContentType.objects.get_for_model(Page), numchild=0
            )
        )
        if home is None:
            # Wagtail's "Welcome" page holds the slug "home"; move it aside first.
            for old in welcome_pages:
                Page.objects.filter(pk=old.pk).update(slug=f"wagtail-welcome-{old.pk}")
            home = models.HomePage(slug="home", locale=self.locale, live=False)
            home._demo_parent = root
        for key in ("title", "seo_title", "search_description", "intro"):
            setattr(home, key, spec[key])
        home.hero_image = self.images[spec["hero_image"]]
        self.publish(home)

        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port = "localhost", 80
        site.site_name, site.root_page = "LAMSA e.V.", home
        site.save()
        for old in welcome_pages:
            # Only now: deleting the page the site pointed at would delete the site.
            Page.objects.get(pk=old.pk).delete()
        return home

    def load_top_level_pages(self, home):
        sections = {spec["slug"]: spec for spec in self.site_data["sections"]}
        standard = {spec["slug"]: spec for spec in load("pages")["standard_pages"]}
        # Creation order is menu order.
        order = ["ueber-uns", "presse", "projekte", "mitglieder", "termine", "publikationen"]
        order += ["kontakt", "intern", "impressum", "datenschutz", "barrierefreiheit"]
        if set(order) != set(sections) | set(standard):
            raise CommandError("site.json, pages.json und die Seitenreihenfolge passen nicht.")
        for slug in order:
            if slug in sections:
                spec = sections[slug]
                page = self.upsert_page(
                    home,
                    apps.get_model(spec["model"]),
                    slug,
                    title=spec["title"],
                    intro=spec["intro"],
                    show_in_menus=spec["menu"],
                )
            else:
                spec = standard[slug]
                page = self.upsert_page(
                    home,
                    models.StandardPage,
                    slug,
                    title=spec["title"],
                    intro=spec["intro"],
                    search_description=spec["search_description"],
                    show_in_menus=spec["menu"],
                )
                page.body = self.stream(slug, spec["body"])
            self.pages[slug] = self.publish(page)

    def load_projects(self):
        parent = self.pages["projekte"]
        for spec in load("projects")["projects"]:
            page = self.upsert_page(
                parent,
                models.ProjectPage,
                spec["slug"],
                title=spec["title"],
                acronym=spec["acronym"],
                summary=spec["summary"],
                logo=self.image(spec["logo"]),
                funding_programme=spec["funding_programme"],
                programme_area=spec["programme_area"],
                funders=spec["funders"],
                funding_start=parse_date(spec["funding_start"]),
                funding_end=parse_date(spec["funding_end"]),
                status_override=spec.get("status_override", ""),
                target_groups="\n".join(spec["target_groups"]),
                contact_name=spec["contact_name"],
                contact_role=spec["contact_role"],
                contact_phone=spec["contact_phone"],
                contact_email=spec["contact_email"],
                address=spec["address"],
            )
            page.body = self.stream(spec["slug"], spec["body"])
            page.topics = [self.topics[slug] for slug in spec["topics"]]
            page.phases = [
                models.ProjectPhase(
                    name=phase["name"],
                    start=parse_date(phase["start"]),
                    end=parse_date(phase["end"]),
                    description=phase["description"],
                )
                for phase in spec["phases"]
            ]
            page.partners = [
                models.ProjectPartner(name=partner["name"], url=partner["url"])
                for partner in spec["partners"]
            ]
            start = parse_date(spec["funding_start"])
            self.projects[spec["slug"]] = self.publish(page, at(start) if start else None)

    def _release(self, spec: dict, release_date: datetime.date) -> PressReleasePage:
        page = self.upsert_page(
            self.pages["presse"],
            PressReleasePage,
            spec["slug"],
            title=spec["title"],
            date=release_date,
            place=spec["place"],
            lead=spec["lead"],
            image=self.image(spec["image"]),
        )
        page.body = self.stream(spec["slug"], spec["body"])
        page.contacts = [
            PressReleaseContact(contact=self.contacts[name]) for name in spec["contacts"]
        ]
        page.topics = [self.topics[slug] for slug in spec["topics"]]
        page.related_projects = [self.projects[slug] for slug in spec["projects"]]
        return page

    def load_press_releases(self):
        data = load("press_releases")
        for spec in data["releases"]:
            release_date = parse_date(spec["date"])
            self.publish(self._release(spec, release_date), at(release_date, "09:30"))

        embargo = data["embargoed"]
        go_live_day = self.today + datetime.timedelta(days=embargo["days_ahead"])
        self.schedule(self._release(embargo, go_live_day), at(go_live_day, embargo["go_live_time"]))

        draft = data["draft"]
        self.save_draft(self._release(draft, self.today))

    def load_members(self):
        parent = self.pages["mitglieder"]
        for spec in load("members")["members"]:
            publish = set(spec["publish"])
            page = self.upsert_page(
                parent,
                models.MemberOrganisationPage,
                spec["slug"],
                title=spec["title"],
                kind=spec["kind"],
                description=spec["description"],
                city=spec["city"],
                district=spec["district"],
                street=spec["street"],
                postcode=spec["postcode"],
                website=spec["website"],
                year_founded=spec["year_founded"],
                contact_name=spec["contact_name"],
                email=spec["email"],
                phone=spec["phone"],
                publish_address="address" in publish,
                publish_contact_name="contact_name" in publish,
                publish_email="email" in publish,
                publish_phone="phone" in publish,
                consent_recorded_on=parse_date(spec.get("consent_recorded_on")),
                consent_note=spec.get("consent_note", ""),
            )
            page.languages = [self.languages[slug] for slug in spec["languages"]]
            page.focus_areas = [self.focus_areas[slug] for slug in spec["focus_areas"]]
            # Individuals without recorded consent must never be public; the model's
            # clean() refuses to save them, so the demo data does not contain one.
            self.publish(page)

    def load_events(self):
        parent = self.pages["termine"]
        for spec in load("events")["events"]:
            day = self.today + datetime.timedelta(days=spec["days_from_today"])
            start = at(day, spec["start_time"])
            deadline = day - datetime.timedelta(days=spec["registration_days_before"])
            page = self.upsert_page(
                parent,
                models.EventPage,
                spec["slug"],
                title=spec["title"],
                start=start,
                end=at(day, spec["end_time"]),
                location_name=spec["location_name"],
                address=spec["address"],
                online=spec["online"],
                summary=spec["summary"],
                registration_url=spec["registration_url"],
                registration_deadline=deadline if spec["registration_url"] else None,
            )
            page.body = self.stream(spec["slug"], spec["body"])
            page.related_projects = [self.projects[slug] for slug in spec["projects"]]
            announced = min(self.now, start - datetime.timedelta(days=42))
            self.publish(page, announced)

    def load_articles(self):
        parent = self.pages["publikationen"]
        for spec in load("articles")["articles"]:
            page = self.upsert_page(
                parent,
                models.ArticlePage,
                spec["slug"],
                title=spec["title"],
                date=parse_date(spec["date"]),
                intro=spec["intro"],
                pdf=self.documents[spec["pdf"]],
            )
            page.authors = [
                models.ArticleAuthor(name=author["name"], role=author["role"])
                for author in spec["authors"]
            ]
            # Stable footnote UUIDs: the rich text refers to them by id.
            ids = [stable_uuid(spec["slug"], "footnote", n) for n in range(len(spec["footnotes"]))]
            existing = {str(note.uuid): note for note in page.footnotes.all()} if page.pk else {}
            notes = []
            for n, (footnote_id, text) in enumerate(zip(ids, spec["footnotes"], strict=True)):
                note = existing.get(footnote_id) or Footnote(uuid=footnote_id, locale=self.locale)
                note.text = self.writer.html(text)
                note.sort_order = n
                notes.append(note)
            page.footnotes = notes
            blocks = [{**block, "_footnotes": ids} for block in spec["body"]]
            page.body = self.stream(spec["slug"], blocks)
            self.publish(page, at(page.date, "10:00"))

    def load_minutes(self):
        parent = self.pages["intern"]
        for spec in load("minutes")["minutes"]:
            meeting_date = parse_date(spec["meeting_date"])
            page = self.upsert_page(
                parent,
                models.MinutesPage,
                spec["slug"],
                title=spec["title"],
                meeting_kind=spec["meeting_kind"],
                meeting_date=meeting_date,
                start_time=parse_time(spec["start_time"]),
                end_time=parse_time(spec["end_time"]),
                place=spec["place"],
                minute_taker=spec["minute_taker"],
                present="\n".join(spec["present"]),
                absent="\n".join(spec["absent"]),
                next_dates="\n".join(spec["next_dates"]),
            )
            page.agenda_items = [
                models.AgendaItem(
                    title=item["title"], notes=item["notes"], decision=item["decision"]
                )
                for item in spec["agenda"]
            ]
            page.action_items = [
                models.ActionItem(what=item["what"], who=item["who"], due=parse_date(item["due"]))
                for item in spec["actions"]
            ]
            self.publish(page, at(meeting_date + datetime.timedelta(days=3), "12:00"))

    def load_settings(self, home):
        site = Site.objects.get(root_page=home)
        contact = models.ContactSettings.for_site(site)
        for key, value in self.site_data["contact_settings"].items():
            setattr(contact, key, value)
        contact.save()

        impressum = models.ImpressumSettings.for_site(site)
        for key, value in self.site_data["impressum_settings"].items():
            setattr(impressum, key, value)
        impressum.impressum_page = self.pages["impressum"]
        impressum.privacy_page = self.pages["datenschutz"]
        impressum.accessibility_page = self.pages["barrierefreiheit"]
        impressum.save()

        social = models.SocialLinksSettings.for_site(site)
        for name in ("mastodon", "instagram", "facebook", "youtube", "linkedin"):
            setattr(social, name, self.site_data["social_links"].get(name, ""))
        social.save()

    def load_search(self):
        """Promoted search results, searches without results and search counts (search.json)."""
        data = load("search")
        for spec in data["promotions"]:
            query = Query.get(spec["query"])
            # One demo promotion per query: the first in the editors' order.
            SearchPromotion.objects.update_or_create(
                query=query,
                sort_order=0,
                defaults={
                    "page": self._page_by_path(spec["page"]),
                    "description": spec["description"],
                },
            )
        for spec in data["zero_result_queries"]:
            row, _created = ZeroResultQuery.objects.get_or_create(
                query_string=spec["query"], language=spec["language"]
            )
            # first_seen and last_seen are set automatically on save; set them as data says.
            ZeroResultQuery.objects.filter(pk=row.pk).update(
                count=spec["count"],
                first_seen=self.now - datetime.timedelta(days=spec["first_seen"]),
                last_seen=self.now - datetime.timedelta(days=spec["last_seen"]),
            )
        for spec in data["daily_hits"]:
            query = Query.get(spec["query"])
            # Dates count back from today: replace the counts of an earlier run.
            query.daily_hits.all().delete()
            QueryDailyHits.objects.bulk_create(
                QueryDailyHits(
                    query=query, date=self.today - datetime.timedelta(days=int(days)), hits=hits
                )
                for days, hits in spec["days"].items()
            )

    def _page_by_path(self, path: str) -> Page:
        """A demo page by its slugs under the home page, e.g. "projekte/sisa-sprachmittlung"."""
        first, *rest = path.split("/")
        page = self.pages[first]
        for slug in rest:
            page = Page.objects.child_of(page).get(slug=slug)
        return page

    def restrict_members_area(self):
        area = self.pages["intern"]
        restrictions = list(PageViewRestriction.objects.filter(page=area).order_by("pk"))
        restriction = restrictions[0] if restrictions else PageViewRestriction(page=area)
        for extra in restrictions[1:]:
            extra.delete()
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.password = ""
        restriction.save()
        restriction.groups.set(Group.objects.filter(name__in=[MEMBERS, BOARD]))

    def load_users(self):
        password = getattr(settings, "DEMO_USERS_PASSWORD", None)
        if not password:
            self.log("DEMO_USERS_PASSWORD ist nicht gesetzt: keine Demo-Zugänge angelegt.")
            return
        user_model = get_user_model()
        for spec in self.site_data["users"]:
            user = user_model.objects.filter(username=spec["username"]).first() or user_model(
                username=spec["username"]
            )
            user.first_name, user.last_name, user.email = (
                spec["first_name"],
                spec["last_name"],
                spec["email"],
            )
            superuser = spec.get("superuser", False)
            user.is_superuser = user.is_staff = superuser
            user.is_active = True
            user.set_password(password)
            user.save()
            if superuser:
                user.groups.clear()
                self.logins.append((spec["username"], "Administrator*in (alle Rechte)"))
            else:
                group = Group.objects.filter(name=spec["group"]).first()
                if group is None:
                    raise CommandError(f"Gruppe {spec['group']!r} fehlt (setup_roles).")
                # Translators also join their languages' groups (home.roles).
                groups = [group] + [
                    Group.objects.get(name=roles.translator_group_name(code))
                    for code in spec.get("translates", [])
                ]
                user.groups.set(groups)
                self.logins.append((spec["username"], ", ".join(g.name for g in groups)))

    def summary(self) -> dict:
        return {
            "Seiten": Page.objects.count(),
            "davon veröffentlicht": Page.objects.live().count(),
            "Pressemitteilungen": PressReleasePage.objects.count(),
            "Projekte": models.ProjectPage.objects.count(),
            "Mitglieder": models.MemberOrganisationPage.objects.count(),
            "Termine": models.EventPage.objects.count(),
            "Artikel": models.ArticlePage.objects.count(),
            "Protokolle": models.MinutesPage.objects.count(),
            "Bilder": models.SiteImage.objects.count(),
            "Dokumente": get_document_model().objects.count(),
        }
