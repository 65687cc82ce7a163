"""Readers find pages by the text of the PDF files they attach."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.search import index

from home.demo_media import make_pdf
from home.factories import (
    ArticlePageFactory,
    EventPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
)
from search.models import DocumentText
from tests.helpers import links, search_page

pytestmark = pytest.mark.django_db

Document = get_document_model()


def pdf_saying(*paragraphs: str) -> bytes:
    return make_pdf("Stellungnahme", "Stellungnahme", "LAMSA e.V.", list(paragraphs))


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="besitz", user_password="geheim")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Verschlossenes Wort Tresorschloss")
    return bytes(pdf.output())


def document(data: bytes, title="Stellungnahme (PDF)", name="stellungnahme.pdf"):
    """A document saved the way code and imports save one (no file hash given)."""
    return Document.objects.create(title=title, file=ContentFile(data, name=name))


def document_block(doc) -> tuple:
    return ("document", {"document": doc, "title": doc.title, "description": ""})


def found(client, query) -> list[str]:
    return links(search_page(client, query))


def upload_form(title, data, name):
    return {
        "title": title,
        "file": SimpleUploadedFile(name, data, content_type="application/pdf"),
        "collection": Collection.get_first_root_node().pk,
    }


def test_a_release_is_found_by_a_word_only_in_its_pdf(client, release_factory):
    pdf = document(pdf_saying("Wir fordern ein Landesprogramm Brückenbauerinnen für alle Kreise."))
    release = release_factory(
        title="Stellungnahme zum Haushalt",
        body=[("paragraph", "<p>Die Stellungnahme liegt bei.</p>"), document_block(pdf)],
    )
    other = release_factory(title="Eine andere Mitteilung")

    hits = found(client, "Brückenbauerinnen")

    assert release.url in hits
    assert other.url not in hits


def test_an_article_is_found_by_its_pdf_version(client, site_tree):
    pdf = document(pdf_saying("Der Beitrag stützt sich auf eine Umfrage in Quedlinburg-Morgenrot."))
    article = ArticlePageFactory(parent=site_tree.articles, title="Partner der Kommunen", pdf=pdf)

    assert article.url in found(client, "Quedlinburg-Morgenrot")


@pytest.mark.parametrize("factory", [StandardPageFactory, ProjectPageFactory, EventPageFactory])
def test_every_page_type_with_downloads_is_found_by_them(client, site_tree, factory):
    parents = {
        StandardPageFactory: site_tree.home,
        ProjectPageFactory: site_tree.projects,
        EventPageFactory: site_tree.events,
    }
    pdf = document(pdf_saying("Im Anhang steht das Stichwort Wiedehopfwiese."))
    page = factory(parent=parents[factory], body=[document_block(pdf)])

    assert page.url in found(client, "Wiedehopfwiese")


def test_a_replaced_file_is_searched_by_its_new_text(client, release_factory, press_officer):
    pdf = document(pdf_saying("Erste Fassung mit dem Wort Kornblumenfeld."))
    release = release_factory(body=[document_block(pdf)])
    assert release.url in found(client, "Kornblumenfeld")

    client.force_login(press_officer)
    response = client.post(
        f"/admin/documents/edit/{pdf.pk}/",
        upload_form(
            pdf.title, pdf_saying("Zweite Fassung mit dem Wort Mohnblumenfeld."), "neu.pdf"
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    assert release.url in found(client, "Mohnblumenfeld")
    assert release.url not in found(client, "Kornblumenfeld")


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"%PDF-1.4\nnichts als Kaputtes", "beschädigt"), (encrypted_pdf(), "verschlüsselt")],
    ids=["damaged", "encrypted"],
)
def test_an_unreadable_pdf_still_uploads(
    client, site_tree, release_factory, press_officer, data, error
):
    client.force_login(press_officer)
    response = client.post("/admin/documents/add/", upload_form("Unlesbar", data, "unlesbar.pdf"))
    assert response.status_code == 302, response.content.decode()[:2000]

    uploaded = Document.objects.get(title="Unlesbar")
    assert error in uploaded.search_text.error
    assert uploaded.search_text.text == ""

    release = release_factory(title="Mitteilung mit Anhang", body=[document_block(uploaded)])
    client.logout()
    assert client.get(release.url).status_code == 200
    assert release.url in found(client, "Anhang")
    assert release.url not in found(client, "Tresorschloss")


def test_an_upload_survives_a_failing_extraction(client, press_officer, monkeypatch):
    def broken(document):
        raise RuntimeError("Festplatte voll")

    monkeypatch.setattr("search.signals.update_document_text", broken)
    client.force_login(press_officer)
    response = client.post(
        "/admin/documents/add/", upload_form("Trotzdem da", pdf_saying("Text"), "da.pdf")
    )

    assert response.status_code == 302
    assert Document.objects.filter(title="Trotzdem da").exists()


def test_other_files_are_not_read():
    doc = document(b"Name;Ort\nLAMSA;Halle\n", title="Liste", name="liste.csv")

    assert doc.search_text.text == ""
    assert doc.search_text.error == "kein PDF"


def test_a_deleted_document_no_longer_finds_the_page(client, site_tree):
    pdf = document(pdf_saying("Nur im Anhang: Zwergtaucherteich."))
    article = ArticlePageFactory(parent=site_tree.articles, pdf=pdf)
    assert article.url in found(client, "Zwergtaucherteich")

    pdf.delete()

    assert article.url not in found(client, "Zwergtaucherteich")
    assert client.get(article.url).status_code == 200


def test_the_command_backfills_missing_texts(client, release_factory):
    pdf = document(pdf_saying("Nachgetragen wird das Wort Schwalbennest."))
    release = release_factory(body=[document_block(pdf)])
    # As for documents uploaded before text extraction existed.
    DocumentText.objects.filter(document=pdf).delete()
    index.insert_or_update_object(release)
    assert release.url not in found(client, "Schwalbennest")

    out = io.StringIO()
    call_command("extract_document_text", stdout=out)

    assert "1 Dokumente geprüft, 1 mit neuem Text" in out.getvalue()
    assert "1 Seiten neu indiziert" in out.getvalue()
    assert release.url in found(client, "Schwalbennest")

    again = io.StringIO()
    call_command("extract_document_text", stdout=again)
    assert "0 Dokumente geprüft" in again.getvalue()


@pytest.mark.search_engine
def test_the_search_engine_finds_a_release_by_its_pdf(client, release_factory, search_engine):
    pdf = document(pdf_saying("Ein Wort nur im Anhang: Eisvogelbrücke."))
    release = release_factory(body=[document_block(pdf)])
    search_engine.refresh()

    assert release.url in found(client, "Eisvogelbrücke")
