"""Models of the home app, one module per content type, re-exported here."""

from home.models.articles import ArticleAuthor, ArticleIndexPage, ArticlePage
from home.models.districts import District
from home.models.events import EventIndexPage, EventPage
from home.models.images import SiteImage, SiteRendition
from home.models.members import MemberDirectoryPage, MemberKind, MemberOrganisationPage
from home.models.members_area import ActionItem, AgendaItem, MembersAreaPage, MinutesPage
from home.models.pages import HomePage, StandardPage
from home.models.projects import (
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectPhase,
    ProjectStatus,
)
from home.models.settings import ContactSettings, ImpressumSettings, SocialLinksSettings
from home.models.taxonomy import FocusArea, Language, Topic

__all__ = [
    "ActionItem",
    "AgendaItem",
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ContactSettings",
    "District",
    "EventIndexPage",
    "EventPage",
    "FocusArea",
    "HomePage",
    "ImpressumSettings",
    "Language",
    "MemberDirectoryPage",
    "MemberKind",
    "MemberOrganisationPage",
    "MembersAreaPage",
    "MinutesPage",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectPhase",
    "ProjectStatus",
    "SiteImage",
    "SiteRendition",
    "SocialLinksSettings",
    "StandardPage",
    "Topic",
]
