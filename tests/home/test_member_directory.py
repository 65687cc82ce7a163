"""The member directory: filters, consent of individuals, published contact data only."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from home.factories import FocusAreaFactory, LanguageFactory, MemberOrganisationPageFactory
from home.models import District, MemberKind, MemberOrganisationPage
from tests.helpers import html, links, search_page, sitemap_locations

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary(site_tree):
    return {
        "arabisch": LanguageFactory(name="Arabisch", slug="arabisch", code="ar"),
        "russisch": LanguageFactory(name="Russisch", slug="russisch", code="ru"),
        "bildung": FocusAreaFactory(name="Bildung", slug="bildung"),
        "kultur": FocusAreaFactory(name="Kultur", slug="kultur"),
    }


def member(site_tree, title, district, city, languages=(), focus=(), **fields):
    page = MemberOrganisationPageFactory(
        parent=site_tree.members, title=title, district=district, city=city, **fields
    )
    page.languages.set(languages)
    page.focus_areas.set(focus)
    page.save()
    return page


@pytest.fixture
def directory(site_tree, vocabulary):
    v = vocabulary
    members = {
        "halle": member(
            site_tree,
            "Brückenverein Halle",
            District.HALLE,
            "Halle (Saale)",
            [v["arabisch"]],
            [v["bildung"]],
            description="Hausaufgabenhilfe für Kinder",
        ),
        "magdeburg": member(
            site_tree,
            "Kulturhaus Magdeburg",
            District.MAGDEBURG,
            "Magdeburg",
            [v["russisch"]],
            [v["kultur"]],
        ),
        "stendal": member(
            site_tree,
            "Initiative Altmark",
            District.STENDAL,
            "Stendal",
            [v["arabisch"]],
            [v["kultur"]],
            kind=MemberKind.INITIATIVE,
        ),
        "person": member(
            site_tree,
            "Amina Beispiel",
            District.HARZ,
            "Wernigerode",
            kind=MemberKind.INDIVIDUAL,
            consent_recorded_on=datetime.date(2025, 3, 1),
        ),
        "draft": member(
            site_tree, "Noch nicht freigegeben", District.HALLE, "Halle (Saale)", live=False
        ),
    }
    return members


def listed(client, **params):
    member_urls = {page.url for page in MemberOrganisationPage.objects.all()}
    return {href for href in links(html(client, "/mitglieder/", **params)) if href in member_urls}


def urls(directory, *keys):
    return {directory[key].url for key in keys}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ("halle", "magdeburg", "stendal", "person")),
        ({"district": "magdeburg"}, ("magdeburg",)),
        ({"district": "harz"}, ("person",)),
        ({"district": "wittenberg"}, ()),
        ({"language": "arabisch"}, ("halle", "stendal")),
        ({"focus": "kultur"}, ("magdeburg", "stendal")),
        ({"language": "arabisch", "focus": "kultur"}, ("stendal",)),
        ({"q": "Hausaufgaben"}, ("halle",)),
        ({"q": "stendal"}, ("stendal",)),
        ({"q": "Kulturhaus Magdeburg"}, ("magdeburg",)),
        ({"q": "Magdeburg", "district": "halle"}, ()),
    ],
)
def test_directory_filters(client, directory, params, expected):
    assert listed(client, **params) == urls(directory, *expected)


def test_directory_shows_result_count(client, directory):
    assert "1 Mitglied gefunden" in html(client, "/mitglieder/", district="magdeburg")


@pytest.fixture
def without_consent(site_tree):
    """An individual whose consent was never recorded (e.g. imported data).

    The model refuses to save such a page, so the row is changed behind its back.
    """
    page = member(site_tree, "Person Ohneeinwilligung", District.HALLE, "Halle (Saale)")
    MemberOrganisationPage.objects.filter(pk=page.pk).update(kind=MemberKind.INDIVIDUAL)
    return MemberOrganisationPage.objects.get(pk=page.pk)


def test_individual_without_consent_never_appears(client, directory, without_consent):
    assert without_consent.url not in listed(client)
    assert without_consent.url not in listed(client, q="Ohneeinwilligung")
    assert client.get(without_consent.url).status_code == 404
    assert without_consent.full_url not in sitemap_locations(client)
    assert without_consent.url not in links(search_page(client, "Ohneeinwilligung"))
    # The individual with consent is listed, has a page and is in the sitemap.
    person = directory["person"]
    assert person.url in listed(client)
    assert client.get(person.url).status_code == 200
    assert person.full_url in sitemap_locations(client)


def test_model_refuses_an_individual_without_consent(site_tree):
    page = member(site_tree, "Einzelperson", District.HALLE, "Halle (Saale)")
    page.kind = MemberKind.INDIVIDUAL
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "consent_recorded_on" in error.value.message_dict

    page.consent_recorded_on = datetime.date(2025, 1, 15)
    page.full_clean()

    with pytest.raises(ValidationError):
        MemberOrganisationPageFactory(parent=site_tree.members, kind=MemberKind.INDIVIDUAL)


CONTACT_FIELDS = [
    ("publish_email", "email", "vorstand-geheim@example.org"),
    ("publish_phone", "phone", "0391 5556677"),
    ("publish_contact_name", "contact_name", "Olga Ansprechpartnerin"),
    ("publish_address", "street", "Geheimweg 17"),
]


@pytest.mark.parametrize(("flag", "field", "value"), CONTACT_FIELDS)
def test_contact_data_only_when_published(client, site_tree, flag, field, value):
    page = member(
        site_tree, "Verein mit Kontakt", District.HALLE, "Halle (Saale)", **{field: value}
    )

    assert value not in html(client, page.url)
    assert value not in html(client, "/mitglieder/")

    setattr(page, flag, True)
    page.save_revision().publish()

    assert value in html(client, page.url)


def test_published_email_is_a_mailto_link(client, site_tree):
    page = member(
        site_tree,
        "Verein mit E-Mail",
        District.HALLE,
        "Halle (Saale)",
        email="kontakt@verein.example",
        publish_email=True,
    )
    assert "mailto:kontakt@verein.example" in links(html(client, page.url))
