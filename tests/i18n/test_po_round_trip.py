"""A volunteer translator downloads the PO file of a translation, edits it and uploads it again."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from home.factories import StandardPageFactory
from tests.helpers import html
from tests.i18n.conftest import fill_po, record_of, translate, translate_site

pytestmark = pytest.mark.django_db

GERMAN = {
    "title": "Über uns",
    "intro": "Wir sind das Landesnetzwerk der Migrantenorganisationen.",
    "first": "Gegründet wurde das Netzwerk im Jahr 2008.",
    "second": "Heute gehören ihm über achtzig Vereine an.",
}
ARABIC = {
    GERMAN["title"]: "من نحن",
    GERMAN["intro"]: "نحن الشبكة الإقليمية لمنظمات المهاجرين.",
    GERMAN["first"]: "تأسست الشبكة عام 2008.",
    GERMAN["second"]: "تضم اليوم أكثر من ثمانين جمعية.",
}
CORRECTED = "تأسست الشبكة في عام ٢٠٠٨ في هاله."


@pytest.fixture
def arabic_page(site_tree):
    translate_site(site_tree, "ar", sections=[])
    page = StandardPageFactory(
        parent=site_tree.home,
        title=GERMAN["title"],
        slug="ueber-uns",
        intro=GERMAN["intro"],
        body=[
            ("paragraph", f"<p>{GERMAN['first']}</p>"),
            ("paragraph", f"<p>{GERMAN['second']}</p>"),
        ],
    )
    arabic = translate(page, "ar", ARABIC)
    return page, arabic


def msgstrs(po) -> dict:
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po if not entry.obsolete}


def test_po_file_round_trip_through_the_admin(
    client, arabic_page, translator, django_capture_on_commit_callbacks
):
    german, arabic = arabic_page
    assert ARABIC[GERMAN["first"]] in html(client, arabic.url)
    record = record_of(german, "ar")
    client.force_login(translator("ar"))

    # Download, as the translation editor's "Download PO file" does.
    response = client.get(reverse("wagtail_localize:download_pofile", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    before = msgstrs(po)
    assert {msgid: msgstr for (_ctx, msgid), msgstr in before.items() if msgid in ARABIC} == ARABIC

    # The volunteer corrects one sentence in their PO editor...
    (entry,) = [entry for entry in po if entry.msgid == GERMAN["first"]]
    entry.msgstr = CORRECTED
    upload = SimpleUploadedFile("ueber-uns-ar.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[record.pk]),
        {"file": upload, "next": reverse("wagtailadmin_pages:edit", args=[arabic.pk])},
    )
    assert response.status_code == 302

    # ...and the translation is published from the editor.
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)

    client.logout()
    page = html(client, arabic.url)
    assert CORRECTED in page
    assert ARABIC[GERMAN["first"]] not in page
    # Nothing else was lost or changed.
    for german_text in ("title", "intro", "second"):
        assert ARABIC[GERMAN[german_text]] in page
        assert GERMAN[german_text] not in page
    after = msgstrs(record_of(german, "ar").export_po())
    changed = {key for key in before if before[key] != after.get(key)}
    assert changed == {(entry.msgctxt, entry.msgid)}
    assert set(after) == set(before)


def test_po_file_of_another_translation_is_refused(client, arabic_page, translator):
    """A PO file is bound to its translation: uploading it elsewhere changes nothing."""
    german, _arabic = arabic_page
    other = StandardPageFactory(parent=german.get_parent(), title="Kontakt", slug="kontakt")
    translate(other, "ar")
    foreign = record_of(other, "ar").export_po()
    for entry in foreign:
        entry.msgstr = "غريب"
    record = record_of(german, "ar")
    before = msgstrs(record.export_po())
    client.force_login(translator("ar"))

    client.post(
        reverse("wagtail_localize:upload_pofile", args=[record.pk]),
        {"file": SimpleUploadedFile("kontakt-ar.po", str(foreign).encode())},
    )

    assert msgstrs(record.export_po()) == before
    assert "غريب" not in str(record.export_po())


def test_po_import_keeps_untouched_strings(arabic_page):
    """``import_po`` with only one entry changed: every other translation stays."""
    german, _arabic = arabic_page
    record = record_of(german, "ar")
    before = msgstrs(record.export_po())

    fill_po(record, {GERMAN["second"]: "تضم اليوم تسعين جمعية."})

    after = msgstrs(record.export_po())
    assert [key for key in before if before[key] != after[key]] == [
        key for key in before if key[1] == GERMAN["second"]
    ]
