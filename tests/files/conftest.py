"""Files that follow their page: an embargoed release and a members' page, with their files."""

from types import SimpleNamespace

import pytest

from home.factories import StandardPageFactory
from tests.files.helpers import (
    document_block,
    document_urls,
    image_block,
    image_urls,
    make_document,
    make_image,
    schedule,
)


@pytest.fixture
def embargoed(release_factory, press_officer):
    """A release under embargo (never live, scheduled two hours ahead) with a cover
    image (FK), an image block and a document block."""
    cover = make_image("Aufmacher unter Sperrfrist")
    inline = make_image("Bild im Text unter Sperrfrist")
    pdf = make_document("Stellungnahme unter Sperrfrist", "stellungnahme-sperrfrist.pdf")
    release = release_factory(
        title="Sperrfrist Ameisenbärbericht",
        live=False,
        image=cover,
        body=[
            ("paragraph", "<p>Erst nach der Sperrfrist.</p>"),
            image_block(inline),
            document_block(pdf),
        ],
    )
    release = schedule(release, press_officer)
    urls = {
        **image_urls("cover", cover),
        **image_urls("inline image", inline),
        **document_urls("document", pdf),
    }
    return SimpleNamespace(page=release, cover=cover, inline=inline, pdf=pdf, urls=urls)


@pytest.fixture
def members_file(site_tree, minutes):
    """A document linked in rich text from a page in the members' area (/intern/).

    MinutesPage has no rich-text field, so the link sits on a standard page
    under the restricted section, next to the minutes.
    """
    document = make_document("Haushaltsplan intern", "haushaltsplan-intern.pdf")
    page = StandardPageFactory(
        parent=site_tree.intern,
        title="Beschlüsse und Anlagen",
        slug="anlagen",
        body=[
            (
                "paragraph",
                f'<p>Anlage: <a linktype="document" id="{document.pk}">Haushaltsplan</a></p>',
            )
        ],
    )
    return SimpleNamespace(page=page, document=document, urls=document_urls("document", document))
