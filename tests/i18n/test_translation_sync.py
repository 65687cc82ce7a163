"""A German release translated into English with wagtail-localize, then the original changes."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.factories import SiteImageFactory, TopicFactory
from home.translation_status import CURRENT, OUTDATED, translation_state
from press.factories import PressContactFactory
from press.models import PressReleaseContact, PressReleasePage
from tests.helpers import html, links
from tests.i18n.conftest import (
    catalogue_entry,
    fill_po,
    sync,
    translate,
    translate_site,
    translation_of,
)

pytestmark = pytest.mark.django_db

OLDER_NOTICE = "Diese Übersetzung ist möglicherweise älter als das deutsche Original."

GERMAN = {
    "title": "Netzwerk fordert Beratungsstellen",
    "lead": "Das Landesnetzwerk fordert mehr Beratungsstellen im ländlichen Raum.",
    "paragraph": "Die Zahl der Anfragen hat sich verdoppelt.",
}
ENGLISH = {
    GERMAN["title"]: "Network calls for counselling centres",
    GERMAN["lead"]: "The state network calls for more counselling centres in rural areas.",
    GERMAN["paragraph"]: "The number of enquiries has doubled.",
}


@pytest.fixture
def release(site_tree, release_factory):
    translate_site(site_tree, "en", sections=["press"], rights=False)
    image = SiteImageFactory(title="Beratung", credit="Foto: LAMSA", licence="CC BY 4.0")
    contact = PressContactFactory(name="Amina Schulz", role="Pressesprecherin")
    return release_factory(
        title=GERMAN["title"],
        slug="beratungsstellen",
        lead=GERMAN["lead"],
        body=[("paragraph", f"<p>{GERMAN['paragraph']}</p>")],
        date=datetime.date(2026, 3, 2),
        place="Magdeburg",
        image=image,
        contacts=[contact],
    )


def save_target_and_publish(record, django_capture_on_commit_callbacks):
    """The translation editor's "Publish": ``save_target``, which publishes on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)
    return PressReleasePage.objects.get(
        translation_key=record.source.object_id, locale=record.target_locale
    )


def test_english_translation_shows_the_english_text(
    client, release, django_capture_on_commit_callbacks
):
    record = translation_of(release, "en")
    fill_po(record, ENGLISH)
    english = save_target_and_publish(record, django_capture_on_commit_callbacks)

    assert english.url == "/en/presse/beratungsstellen/"
    page = html(client, english.url)
    for text in ENGLISH.values():
        assert text in page
    for text in GERMAN.values():
        assert text not in page
    # The interface around the text is English too.
    assert catalogue_entry("en", "Pressekontakt") in page
    # The German page is unchanged.
    german = html(client, release.url)
    assert GERMAN["lead"] in german
    assert ENGLISH[GERMAN["lead"]] not in german


def test_synchronised_fields_equal_the_source(client, release, django_capture_on_commit_callbacks):
    record = translation_of(release, "en")
    fill_po(record, ENGLISH)
    english = save_target_and_publish(record, django_capture_on_commit_callbacks)

    assert english.date == release.date
    assert english.place == release.place == "Magdeburg"
    assert english.image_id == release.image_id
    assert [c.contact_id for c in english.contacts.all()] == [
        c.contact_id for c in release.contacts.all()
    ]
    page = html(client, english.url)
    assert "Magdeburg" in page
    assert 'datetime="2026-03-02"' in page
    assert "Amina Schulz" in page
    assert "Foto: LAMSA" in page


def test_translated_contact_role_shows_on_the_english_release(
    client, release, django_capture_on_commit_callbacks
):
    """Press contacts' roles are translated snippets; the English release shows the English one."""
    contact = release.contacts.get().contact
    contact_record = translation_of(contact, "en")
    fill_po(contact_record, {"Pressesprecherin": "Press spokesperson"})
    contact_record.save_target()  # snippets without drafts are saved at once

    record = translation_of(release, "en")
    fill_po(record, ENGLISH)
    english = save_target_and_publish(record, django_capture_on_commit_callbacks)

    page = html(client, english.url)
    assert "Amina Schulz" in page
    assert "Press spokesperson" in page
    assert "Pressesprecherin" not in page


def test_changed_original_makes_the_translation_outdated_until_synced(client, release):
    record = translation_of(release, "en")
    fill_po(record, ENGLISH)
    record.source.create_or_update_translation(record.target_locale, publish=False, fallback=True)
    english = release.get_translation(record.target_locale).specific
    english.get_latest_revision().publish()
    assert translation_state(release, "en") == CURRENT
    notice = catalogue_entry("en", OLDER_NOTICE)
    assert notice not in html(client, english.url)

    # The press office changes the German lead, adds a paragraph, moves the place,
    # changes the image and adds a second press contact.
    new_lead = "Das Landesnetzwerk fordert zwanzig neue Beratungsstellen."
    new_paragraph = "Die Landesregierung hat geantwortet."
    new_image = SiteImageFactory(title="Pressekonferenz", credit="Foto: Neu", licence="CC0")
    second_contact = PressContactFactory(name="Jonas Berger", role="Referent")
    german = PressReleasePage.objects.get(pk=release.pk)
    german.lead = new_lead
    german.place = "Halle (Saale)"
    german.image = new_image
    german.contacts.add(PressReleaseContact(contact=second_contact))
    # As in the editor: the existing block keeps its id, a new one is appended.
    german.body.append(("paragraph", RichText(f"<p>{new_paragraph}</p>")))
    german.save_revision().publish()
    german = PressReleasePage.objects.get(pk=release.pk)

    assert translation_state(german, "en") == OUTDATED
    page = html(client, english.url)
    assert notice in page
    # Readers of the English page still see the old translation.
    assert ENGLISH[GERMAN["lead"]] in page
    assert new_paragraph not in page

    # Sync: the source is re-read, the translation rebuilt from it and published.
    source = sync(german)
    target, _created = source.create_or_update_translation(
        record.target_locale, publish=False, fallback=True
    )
    Page.objects.get(pk=target.pk).get_latest_revision().publish()

    assert translation_state(PressReleasePage.objects.get(pk=release.pk), "en") == CURRENT
    english = PressReleasePage.objects.get(pk=english.pk)
    page = html(client, english.url)
    assert notice not in page
    # The structure follows the source: the new paragraph is there (German until
    # translated), the translated paragraph keeps its translation, the changed
    # lead is a new string (German until translated), the place is synchronised.
    assert new_paragraph in page
    assert ENGLISH[GERMAN["paragraph"]] in page
    assert english.lead == new_lead
    assert ENGLISH[GERMAN["lead"]] not in page
    assert english.place == "Halle (Saale)"
    assert english.title == ENGLISH[GERMAN["title"]]
    assert english.image_id == new_image.pk
    contact_ids = sorted(c.contact_id for c in german.contacts.all())
    assert len(contact_ids) == 2
    assert sorted(c.contact_id for c in english.contacts.all()) == contact_ids
    assert "Jonas Berger" in page
    assert "Foto: Neu" in page


def test_translated_topic_shows_on_the_english_release_and_its_archive(client, release):
    """Topics are translated snippets: the English release names and files it in English."""
    topic = TopicFactory(name="Arbeitsmarkt", slug="arbeitsmarkt")
    german = PressReleasePage.objects.get(pk=release.pk)
    german.topics.add(topic)
    german.save_revision().publish()
    topic_record = translation_of(topic, "en")
    fill_po(topic_record, {"Arbeitsmarkt": "Labour market"})
    topic_record.save_target()
    english = translate(german, "en", ENGLISH)

    page = html(client, english.url)
    assert "Labour market" in page
    assert ">Arbeitsmarkt<" not in page
    assert 'href="/en/presse/thema/arbeitsmarkt/"' in page
    archive = html(client, "/en/presse/thema/arbeitsmarkt/")
    assert english.url in links(archive)
    assert german.url not in links(archive)
