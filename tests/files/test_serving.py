"""Who sends the bytes: nginx in production (X-Accel-Redirect), Python elsewhere; query counts."""

import os
import subprocess
import sys

import pytest

from config.env import BASE_DIR
from tests.files.helpers import go_live_now, make_image

pytestmark = pytest.mark.django_db

INTERNAL = "/_protected_media"


@pytest.fixture
def nginx_serving(settings):
    """The production choice (FILE_SERVING=nginx)."""
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_URL = INTERNAL


def test_nginx_sends_a_public_file_python_only_points_to_it(client, nginx_serving):
    image = make_image("Öffentliches Bild")
    rendition = image.get_rendition("width-1200")

    for stored in (image.file, rendition.file):
        response = client.get(stored.url)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"{INTERNAL}/{stored.name}"
        assert response.content == b""
        assert response["Content-Type"] == "image/jpeg"
        assert "private" not in response.get("Cache-Control", "")


def test_nginx_sends_a_private_document_only_after_the_check(
    client, nginx_serving, embargoed, press_officer
):
    for url in (embargoed.urls["document"], embargoed.urls["document file"]):
        refused = client.get(url)
        assert refused.status_code == 404
        assert "X-Accel-Redirect" not in refused

    client.force_login(press_officer)
    for url in (embargoed.urls["document"], embargoed.urls["document file"]):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"{INTERNAL}/{embargoed.pdf.file.name}"
        assert response.content == b""
        assert response["Cache-Control"] == "private, no-cache"


def test_without_nginx_python_streams_the_file(client):
    image = make_image("Gestreamtes Bild")

    response = client.get(image.file.url)

    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content) == image.file.open("rb").read()


def production_settings(probe: str, **variables) -> subprocess.CompletedProcess:
    """Run ``probe`` with the production settings in a fresh interpreter.

    FILE_SERVING is passed empty unless given, which shadows a developer's .env.
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "PYTHONDONTWRITEBYTECODE": "1",
        "SECRET_KEY": "a-long-production-secret-for-the-test-only",
        "ALLOWED_HOSTS": "www.lamsa.de",
        "DATABASE_URL": "sqlite:////tmp/lamsa-files-settings-test.sqlite3",
        "FILE_SERVING": "",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; {probe}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("file_serving", "backend"),
    [
        ("", "django_sendfile.backends.nginx"),
        ("nginx", "django_sendfile.backends.nginx"),
        ("python", "wagtail.utils.sendfile_streaming_backend"),
    ],
)
def test_production_sends_files_through_nginx_unless_told_otherwise(file_serving, backend):
    result = production_settings(
        "print(settings.SENDFILE_BACKEND, settings.SENDFILE_URL, settings.SENDFILE_ROOT,"
        " settings.MEDIA_ROOT, settings.WAGTAILDOCS_SERVE_METHOD)",
        FILE_SERVING=file_serving,
    )

    assert result.returncode == 0, result.stderr
    chosen, url, root, media_root, serve_method = result.stdout.split()
    assert chosen == backend
    assert url == INTERNAL
    assert root == media_root
    assert serve_method == "serve_view"


def test_production_refuses_an_unknown_file_serving():
    result = production_settings("print(settings.SENDFILE_BACKEND)", FILE_SERVING="apache")

    assert result.returncode != 0
    assert "FILE_SERVING" in result.stderr.strip().splitlines()[-1]


def test_a_public_image_costs_three_queries(
    client, release_factory, embargoed, django_assert_num_queries
):
    """Find the image, find who uses it (reference index and drafts in one
    query), read those pages with their restrictions; no more with more users."""
    image = make_image("Oft verwendet")
    for number in range(3):
        release_factory(title=f"Mitteilung mit Bild {number}", image=image)
    rendition = image.get_rendition("width-1200")
    client.get(image.file.url)  # content types are cached from here on

    for url in (image.file.url, rendition.url):
        with django_assert_num_queries(3):
            assert client.get(url).status_code == 200

    unused = make_image("Unbenutzt")
    with django_assert_num_queries(2):
        assert client.get(unused.file.url).status_code == 200

    go_live_now(embargoed.page)
    with django_assert_num_queries(3):
        assert client.get(embargoed.urls["cover rendition"]).status_code == 200


def test_a_protected_file_costs_a_bounded_number_of_queries(
    client, embargoed, members_file, member, press_officer, django_assert_max_num_queries
):
    """On top of the three: the reader's session and groups, the page's view
    restrictions or edit rights; a refusal renders the site's 404 page."""
    for url in (embargoed.urls["cover original"], members_file.urls["document"]):
        client.get(url)
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code in (302, 404)

    client.force_login(member)
    with django_assert_max_num_queries(12):
        assert client.get(members_file.urls["document"]).status_code == 200

    client.force_login(press_officer)
    with django_assert_max_num_queries(8):
        assert client.get(embargoed.urls["cover rendition"]).status_code == 200
