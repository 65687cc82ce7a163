"""Shared fixtures: a small LAMSA site with every section, the roles, and users per role."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from home import factories as home_factories
from home import roles
from home.models import (
    AgendaItem,
    ContactSettings,
    HomePage,
    ImpressumSettings,
    MembersAreaPage,
    MinutesPage,
    StandardPage,
)
from press import factories as press_factories
from tests.helpers import PASSWORD


@pytest.fixture(autouse=True)
def _clear_caches():
    """Wagtail caches site root paths and settings; no test may see another's."""
    cache.clear()
    ContentType.objects.clear_cache()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded images and their renditions go to a throw-away folder."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes several seconds (e.g. loads the demo site)")
    # WhiteNoise looks for collectstatic's output, which tests do not need.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


SECTIONS = {
    "press": press_factories.PressReleaseIndexPageFactory,
    "projects": home_factories.ProjectIndexPageFactory,
    "members": home_factories.MemberDirectoryPageFactory,
    "events": home_factories.EventIndexPageFactory,
    "articles": home_factories.ArticleIndexPageFactory,
    "intern": home_factories.MembersAreaPageFactory,
}
LEGAL_PAGES = {
    "impressum": "Impressum",
    "privacy": "Datenschutz",
    "accessibility": "Barrierefreiheit",
}
LEGAL_SLUGS = {
    "impressum": "impressum",
    "privacy": "datenschutz",
    "accessibility": "barrierefreiheit",
}


def build_site():
    """The site as the association runs it: home, every section, legal pages, roles.

    The members' area (/intern/) is restricted to the Mitglieder and Vorstand groups.
    """
    root = Page.get_first_root_node()
    # Wagtail's migration creates a welcome page (and the default site with it);
    # the site starts with our home page instead.
    Page.objects.filter(depth=2).delete()
    home = home_factories.HomePageFactory(parent=root, slug="start")
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="LAMSA e.V."
    )
    for factory in SECTIONS.values():
        factory(parent=home, show_in_menus=True)
    legal = {
        key: home_factories.StandardPageFactory(parent=home, title=title, slug=LEGAL_SLUGS[key])
        for key, title in LEGAL_PAGES.items()
    }

    roles.setup_roles()
    restriction = PageViewRestriction.objects.create(
        page=MembersAreaPage.objects.get(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[roles.MEMBERS, roles.BOARD]))

    ContactSettings.objects.create(site=site, city="Halle (Saale)", email="info@example.org")
    ImpressumSettings.objects.create(
        site=site,
        impressum_page=legal["impressum"],
        privacy_page=legal["privacy"],
        accessibility_page=legal["accessibility"],
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site once; each test's transaction is rolled back to this state."""
    with django_db_blocker.unblock():
        if not HomePage.objects.exists():
            build_site()


def ensure_site():
    """Build the session's site again if a test that commits (a live-server test)
    flushed the database; pytest-django runs those after the others, but in file order
    among themselves, so any of them may come after a flush."""
    if HomePage.objects.filter(locale__language_code="de").exists():
        return
    Locale.objects.get_or_create(language_code="de")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
                locale=Locale.objects.get(language_code="de"),
            )
        )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    build_site()


@pytest.fixture
def site_tree(db):
    """The site's pages, fresh from the database (see ``build_site``)."""
    ensure_site()
    home = HomePage.objects.get(locale__language_code="de")
    tree = SimpleNamespace(root=Page.get_first_root_node(), home=home, site=Site.objects.get())
    for name, factory in SECTIONS.items():
        setattr(tree, name, factory._meta.model.objects.get())
    for key, slug in LEGAL_SLUGS.items():
        setattr(tree, key, StandardPage.objects.child_of(home).get(slug=slug))
    return tree


@pytest.fixture
def make_user(db):
    """make_user(*group_names) -> a user in those groups (none: a plain account)."""
    counter = iter(range(1, 10_000))

    def _make_user(*group_names, username=None):
        username = username or f"nutzer{next(counter)}"
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password=PASSWORD
        )
        if group_names:
            groups = list(Group.objects.filter(name__in=group_names))
            assert len(groups) == len(group_names), f"unknown group in {group_names}"
            user.groups.set(groups)
        return user

    return _make_user


@pytest.fixture
def press_officer(site_tree, make_user):
    return make_user(roles.PRESS_OFFICE, username="pressestelle")


@pytest.fixture
def editor(site_tree, make_user):
    return make_user(roles.EDITORS, username="redaktion")


@pytest.fixture
def member(site_tree, make_user):
    return make_user(roles.MEMBERS, username="mitglied")


@pytest.fixture
def credited_image(db):
    return home_factories.SiteImageFactory(
        title="Netzwerktreffen", credit="Foto: Karla Kreditiert", licence="CC BY 4.0"
    )


@pytest.fixture
def uncredited_image(db):
    return home_factories.SiteImageFactory(title="Ohne Nachweis", credit="", licence="")


@pytest.fixture
def release_factory(site_tree):
    """release_factory(**fields) -> a live press release under the press index."""

    def _release(**kwargs):
        kwargs.setdefault("parent", site_tree.press)
        return press_factories.PressReleasePageFactory(**kwargs)

    return _release


@pytest.fixture
def minutes(site_tree):
    """One minutes page in the members' area with words found nowhere else."""
    page = home_factories.MinutesPageFactory(
        parent=site_tree.intern,
        title="Protokoll Vorstandsklausur Quendelberg",
        meeting_date=timezone.localdate() - datetime.timedelta(days=7),
        present="Vorstandsperson Xylophonia",
    )
    AgendaItem.objects.create(
        page=page,
        title="Haushaltsentwurf Zaunkönig",
        notes="Vertrauliche Beratung",
        decision="Beschlossen",
    )
    return MinutesPage.objects.get(pk=page.pk)
