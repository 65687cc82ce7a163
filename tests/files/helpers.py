"""Helpers for the private-files tests: files, blocks, their addresses, the scheduler."""

import datetime
import io
from unittest import mock

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.demo_media import make_pdf
from home.factories import SiteImageFactory
from press.models import PressReleasePage

Document = get_document_model()


def make_document(title: str, name: str):
    pdf = make_pdf(title, title, "LAMSA e.V.", ["Vertraulich bis zur Veröffentlichung."])
    return Document.objects.create(title=title, file=ContentFile(pdf, name=name))


def make_image(title: str):
    # In the root collection, like an upload in the admin (the factory makes a
    # collection of its own, outside the one the roles have rights on).
    return SiteImageFactory(
        title=title,
        credit="Foto: Karla Kreditiert",
        licence="CC BY 4.0",
        collection=Collection.get_first_root_node(),
    )


def document_block(document) -> tuple:
    return ("document", {"document": document, "title": document.title, "description": ""})


def image_block(image) -> tuple:
    return ("image", {"image": image, "caption": "Bildunterschrift"})


def image_urls(name: str, image) -> dict:
    """The original and a rendition (created here, as a page view would) of ``image``."""
    return {
        f"{name} original": image.file.url,
        f"{name} rendition": image.get_rendition("width-1200").url,
    }


def document_urls(name: str, document) -> dict:
    """Wagtail's address of ``document`` and its path under /media/."""
    return {name: document.url, f"{name} file": document.file.url}


def statuses(client, urls: dict, **headers) -> dict:
    return {name: client.get(url, **headers).status_code for name, url in urls.items()}


def go_live_now(page):
    """Run the scheduler at the page's embargo minute, as cron does."""
    moment = page.scheduled_revision.approved_go_live_at + datetime.timedelta(seconds=30)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live


def schedule(release, user, hours=2):
    release.go_live_at = timezone.now() + datetime.timedelta(hours=hours)
    release.save_revision(user=user).publish(user=user)
    return PressReleasePage.objects.get(pk=release.pk)
