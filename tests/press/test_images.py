"""Image credits: press releases refuse uncredited images and print the credit line."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from home.blocks import BodyBlock
from press.blocks import PressReleaseBody
from tests.helpers import html, tags

pytestmark = pytest.mark.django_db


def test_lead_image_without_credit_is_refused(release_factory, uncredited_image):
    release = release_factory()
    release.image = uncredited_image
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "image" in error.value.message_dict
    # Page.save() validates too, so no code path stores it.
    with pytest.raises(ValidationError):
        release.save()


def test_lead_image_with_credit_is_accepted(release_factory, credited_image):
    release = release_factory()
    release.image = credited_image
    release.full_clean()


def image_value(image, block=None):
    block = block or PressReleaseBody()
    return block.to_python(
        [{"type": "image", "value": {"image": image.pk, "caption": "Am Rednerpult"}}]
    )


def test_body_image_block_without_credit_is_refused(uncredited_image):
    body = PressReleaseBody()
    image_block = body.child_blocks["image"]
    value = image_block.to_python({"image": uncredited_image.pk, "caption": ""})

    with pytest.raises(StructBlockValidationError) as error:
        image_block.clean(value)
    assert "image" in error.value.block_errors

    with pytest.raises(StreamBlockValidationError):
        body.clean(image_value(uncredited_image, body))


def test_body_image_block_with_credit_passes(credited_image):
    body = PressReleaseBody()
    cleaned = body.clean(image_value(credited_image, body))
    assert cleaned[0].value["image"] == credited_image


def test_other_pages_accept_uncredited_images(uncredited_image):
    """Only the press office is bound to credits; project pages take any image."""
    body = BodyBlock()
    body.clean(image_value(uncredited_image, body))


def test_release_page_prints_the_credit_line(client, release_factory, credited_image):
    body_image = type(credited_image).objects.create(
        title="Podium",
        file=credited_image.file,
        width=credited_image.width,
        height=credited_image.height,
        credit="Foto: Bodo Bildautor",
        licence="alle Rechte vorbehalten",
    )
    release = release_factory(
        image=credited_image,
        body=[
            ("paragraph", "<p>Einleitender Absatz.</p>"),
            ("image", {"image": body_image, "caption": "Das Podium"}),
        ],
    )

    page = html(client, release.url)

    assert "Foto: Karla Kreditiert · CC BY 4.0" in page
    assert "Foto: Bodo Bildautor · alle Rechte vorbehalten" in page
    assert "Das Podium" in page
    images = [
        attrs["src"] for tag, attrs in tags(page) if tag == "img" and "/media/" in attrs["src"]
    ]
    assert len(images) == 2
    # Each credit is printed under its image.
    assert page.index(images[0]) < page.index("Karla Kreditiert") < page.index(images[1])
    assert page.index(images[1]) < page.index("Bodo Bildautor")
