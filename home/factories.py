"""factory_boy factories for the home app's models, shared by tests and load_demo."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from home import models
from home.models.districts import District


class SiteImageFactory(wagtail_factories.ImageFactory):
    """An image generated locally, with a credit and licence."""

    class Meta:
        model = models.SiteImage

    credit = "Foto: LAMSA e.V."
    licence = "CC BY 4.0"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    locale = factory.LazyFunction(Locale.get_default)


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Language
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Sprache {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    locale = factory.LazyFunction(Locale.get_default)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FocusArea
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Schwerpunkt {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    locale = factory.LazyFunction(Locale.get_default)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.HomePage

    title = "LAMSA e.V."
    intro = "Landesnetzwerk Migrantenorganisationen Sachsen-Anhalt"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.StandardPage

    title = factory.Sequence(lambda n: f"Seite {n}")
    intro = "Einleitung"


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ProjectIndexPage

    title = "Projekte"
    slug = "projekte"


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ProjectPage

    title = factory.Sequence(lambda n: f"Projekt {n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    summary = "Ein Projekt des Landesnetzwerks."
    funding_start = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=365)
    )
    funding_end = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))


class MemberDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.MemberDirectoryPage

    title = "Mitglieder"
    slug = "mitglieder"


class MemberOrganisationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.MemberOrganisationPage

    title = factory.Sequence(lambda n: f"Verein {n} e.V.")
    kind = models.MemberKind.ASSOCIATION
    city = "Halle (Saale)"
    district = District.HALLE


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.EventIndexPage

    title = "Termine"
    slug = "termine"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.EventPage

    title = factory.Sequence(lambda n: f"Termin {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    location_name = "Halle (Saale)"
    summary = "Ein Termin."


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ArticleIndexPage

    title = "Publikationen"
    slug = "publikationen"


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ArticlePage

    title = factory.Sequence(lambda n: f"Artikel {n}")
    date = factory.LazyFunction(timezone.localdate)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Text</p>")])


class MembersAreaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.MembersAreaPage

    title = "Mitgliederbereich"
    slug = "intern"


class MinutesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.MinutesPage

    title = factory.Sequence(lambda n: f"Protokoll {n}")
    meeting_kind = "Vorstandssitzung"
    meeting_date = factory.LazyFunction(timezone.localdate)
