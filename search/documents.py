"""The text of uploaded PDF documents, kept so that pages attaching them can be found by it.

Extraction reads the file with pypdf. It never raises: an encrypted, damaged or
image-only PDF gets an empty text and a short reason in ``DocumentText.error``,
because a document that cannot be read must still upload and attach normally.
Scanned pages are not OCRed.
"""

import hashlib
import io
import logging
import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from search.models import DocumentText

logger = logging.getLogger(__name__)

# Bounds for very long documents: the text goes into the search index of every
# page that attaches it, and search engines (PostgreSQL's tsvector above all)
# limit how much one entry may hold.
MAX_PAGES = 300
MAX_CHARACTERS = 500_000

# Reasons shown to editors (German, the association's working language).
NOT_A_PDF = "kein PDF"
ENCRYPTED = "verschlüsselt"
DAMAGED = "beschädigt oder nicht lesbar"
NO_TEXT = "kein Text gefunden (gescanntes Dokument?)"
FILE_MISSING = "Datei nicht gefunden"

# Control characters (NUL above all, which PostgreSQL refuses in text columns).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def is_pdf(document) -> bool:
    return (document.file.name or "").lower().endswith(".pdf")


def _read(document) -> bytes:
    with document.open_file() as file:
        return file.read()


def normalise(text: str) -> str:
    """One line of words: ligatures (ﬁ) and compatibility forms folded, control
    characters and broken surrogates dropped, whitespace runs collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.encode("utf-8", errors="ignore").decode("utf-8")
    text = CONTROL_CHARACTERS.sub(" ", text)
    return " ".join(text.split())


def _extract_from_bytes(data: bytes, label: str) -> tuple[str, str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        # Many "protected" PDFs only restrict printing or copying and open with
        # an empty password; the others cannot be read. (AES needs the optional
        # `cryptography` package, which pypdf reports as a DependencyError.)
        if reader.is_encrypted and not reader.decrypt(""):
            logger.warning("No text from %s: encrypted", label)
            return "", ENCRYPTED
        parts, length = [], 0
        for page in reader.pages[:MAX_PAGES]:
            part = normalise(page.extract_text() or "")
            parts.append(part)
            length += len(part) + 1
            if length >= MAX_CHARACTERS:
                break
    except (FileNotDecryptedError, DependencyError) as error:
        logger.warning("No text from %s: encrypted (%s)", label, error)
        return "", ENCRYPTED
    except Exception as error:  # pypdf raises many kinds of errors on bad files
        logger.warning("No text from %s: unreadable (%r)", label, error)
        return "", DAMAGED
    text = " ".join(part for part in parts if part)[:MAX_CHARACTERS]
    return (text, "") if text else ("", NO_TEXT)


def extract_text(document) -> tuple[str, str]:
    """The text of ``document``'s PDF file and an error ("" when there is none).

    Non-PDF files (by extension) give no text and the error ``kein PDF``.
    """
    if not is_pdf(document):
        return "", NOT_A_PDF
    try:
        data = _read(document)
    except Exception as error:  # storages raise their own errors
        logger.warning("Cannot open %s: %r", _label(document), error)
        return "", FILE_MISSING
    return _extract_from_bytes(data, _label(document))


def _label(document) -> str:
    return f"document {document.pk} ({document.file.name})"


def update_document_text(document, force: bool = False) -> bool:
    """Store the text of ``document`` unless it was already extracted from this
    file (same hash); ``force`` extracts again anyway.

    Returns whether the stored text changed, i.e. whether the pages that attach
    the document need re-indexing.
    """
    current = DocumentText.objects.filter(document=document).first()
    data = None
    file_hash = document.file_hash
    if not file_hash:
        try:
            data = _read(document)
        except Exception as error:  # storages raise their own errors
            logger.warning("Cannot open %s: %r", _label(document), error)
        else:
            # Wagtail's own hash (SHA-1 of the file); stored without save() so
            # no signal fires again.
            file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - not for security
            type(document).objects.filter(pk=document.pk).update(file_hash=file_hash)
            document.file_hash = file_hash
    if current is not None and current.file_hash == file_hash and file_hash and not force:
        return False

    if not is_pdf(document):
        text, error = "", NOT_A_PDF
    elif data is not None:
        text, error = _extract_from_bytes(data, _label(document))
    else:
        text, error = extract_text(document)

    old_text = current.text if current is not None else ""
    DocumentText.objects.update_or_create(
        document=document, defaults={"text": text, "error": error, "file_hash": file_hash}
    )
    return text != old_text


def pages_attaching(documents) -> list[Page]:
    """The pages (specific, live or not) whose saved content references any of
    ``documents``, according to Wagtail's reference index."""
    documents = list(documents)
    if not documents:
        return []
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to_in_bulk(documents)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    return list(Page.objects.filter(pk__in=page_ids).specific())


def reindex_pages_attaching(documents) -> int:
    """Re-index the pages that attach any of ``documents``; returns how many."""
    pages = pages_attaching(documents)
    for page in pages:
        index.insert_or_update_object(page)
    return len(pages)
