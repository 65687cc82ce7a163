"""Where each page type may live in the tree (editors cannot put pages in odd places)."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import (
    ArticleIndexPage,
    ArticlePage,
    EventIndexPage,
    EventPage,
    HomePage,
    MemberDirectoryPage,
    MemberOrganisationPage,
    MembersAreaPage,
    MinutesPage,
    ProjectIndexPage,
    ProjectPage,
    StandardPage,
)
from press.models import PressReleaseIndexPage, PressReleasePage

SECTION_CHILDREN = {
    PressReleaseIndexPage: PressReleasePage,
    ProjectIndexPage: ProjectPage,
    MemberDirectoryPage: MemberOrganisationPage,
    EventIndexPage: EventPage,
    ArticleIndexPage: ArticlePage,
    MembersAreaPage: MinutesPage,
}
ALL_PAGE_TYPES = [HomePage, StandardPage, *SECTION_CHILDREN, *SECTION_CHILDREN.values()]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_only_at_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for page_type in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(page_type, HomePage)

    def test_home_page_children_are_sections_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {Page, StandardPage, *SECTION_CHILDREN})
        for section in SECTION_CHILDREN:
            self.assertCanCreateAt(HomePage, section)

    def test_sections_only_under_the_home_page(self):
        for section in SECTION_CHILDREN:
            with self.subTest(section=section.__name__):
                self.assertAllowedParentPageTypes(section, {HomePage})
                self.assertCanNotCreateAt(Page, section)
                self.assertCanNotCreateAt(StandardPage, section)

    def test_each_content_type_only_under_its_section(self):
        for section, child in SECTION_CHILDREN.items():
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, {section})
                self.assertAllowedSubpageTypes(section, {child})
                self.assertAllowedSubpageTypes(child, set())
                self.assertCanCreateAt(section, child)
                for other in ALL_PAGE_TYPES:
                    if other is not section:
                        self.assertCanNotCreateAt(other, child)

    def test_press_release_only_under_the_press_index(self):
        self.assertAllowedParentPageTypes(PressReleasePage, {PressReleaseIndexPage})
        for parent in (HomePage, StandardPage, ProjectIndexPage, MembersAreaPage):
            self.assertCanNotCreateAt(parent, PressReleasePage)

    def test_minutes_only_in_the_members_area(self):
        self.assertAllowedParentPageTypes(MinutesPage, {MembersAreaPage})
        for parent in (HomePage, StandardPage, PressReleaseIndexPage, MemberDirectoryPage):
            self.assertCanNotCreateAt(parent, MinutesPage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {Page, HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(StandardPage, StandardPage)


@pytest.mark.parametrize("section", list(SECTION_CHILDREN), ids=lambda m: m.__name__)
def test_section_pages_are_one_per_site(site_tree, section):
    """The site fixture has every section; the admin offers no second one."""
    assert section.max_count == 1
    assert section.objects.count() == 1
    assert not section.can_create_at(site_tree.home)


def test_second_home_page_is_refused(site_tree):
    assert not HomePage.can_create_at(site_tree.root)


def test_content_pages_can_be_added_repeatedly(site_tree):
    """Releases, projects etc. have no max_count: the sections keep accepting them."""
    for section_model, child in SECTION_CHILDREN.items():
        section = section_model.objects.get()
        assert child.can_create_at(section), child.__name__
