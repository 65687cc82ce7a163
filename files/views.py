"""The file views: ``/media/<path>`` and ``/documents/<id>/<name>``.

Python decides who gets a file (``files.access``); the bytes are sent by
django-sendfile2's backend: in production an ``X-Accel-Redirect`` to nginx's
internal location, in development and tests a streamed response. Documents go
through Wagtail's own serve view (with ``before_serve_document`` below), also when
asked for by their path under /media/.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import resolve_url
from django.urls import get_resolver
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django_sendfile import sendfile
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from files.access import decide

# Where a request's decision is kept for ``file_view`` (the document hook runs
# deep inside Wagtail's view and can only hand back a refusal).
DECISION_ATTRIBUTE = "_files_decision"


def file_view(view):
    """Answer in the reader's language, and keep private answers out of shared caches.

    File addresses carry no language prefix, so the reader's language comes from
    the language cookie or Accept-Language. A refusal is the site's 404 page, the
    same as for a missing file; every answer that is not a public file (a 404, a
    login redirect, a members' file) is marked ``private, no-cache``, so a front
    cache neither shows a members' file to the public nor keeps a 404 past go-live.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            try:
                response = view(request, *args, **kwargs)
            except Http404 as exception:
                response = get_resolver().resolve_error_handler(404)(request, exception)
                response.headers["Content-Language"] = language
                patch_vary_headers(response, ["Accept-Language", "Cookie"])
        decision = getattr(request, DECISION_ATTRIBUTE, None)
        if decision is None or not decision.public:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapped


def enforce(request, obj):
    """None if ``request`` may have the file of ``obj``; else a login redirect or Http404."""
    decision = decide(request, obj)
    setattr(request, DECISION_ATTRIBUTE, decision)
    if decision.allowed:
        return None
    if decision.login_may_help:
        # As Wagtail does for the members' page itself: a member who follows a
        # link while logged out gets the login form and then the file. It only
        # reveals that this exact address belongs to the members' area.
        return redirect_to_login(request.get_full_path(), resolve_url("login"))
    raise Http404("No such file.")


def check_document(document, request):
    """``before_serve_document`` hook: documents follow their pages too."""
    return enforce(request, document)


@file_view
def serve_document(request, document_id, document_filename):
    """Wagtail's document view, answering in the reader's language (see ``file_view``)."""
    return wagtail_serve_document(request, document_id, document_filename)


def image_for(path: str):
    """The image whose original or rendition is stored at ``path``, or None."""
    image_model = get_image_model()
    if path.startswith("original_images/"):
        return image_model.objects.filter(file=path).first()
    if path.startswith("images/"):
        rendition = (
            image_model.get_rendition_model()
            .objects.filter(file=path)
            .select_related("image")
            .first()
        )
        return rendition.image if rendition else None
    return None


@file_view
def serve_media(request, path):
    """Everything under MEDIA_URL: images, renditions and documents, each after the check.

    A file that belongs to no image or document (nor exists) is a 404.
    """
    if "\x00" in path:
        raise Http404("No such file.")  # PostgreSQL refuses NUL in a query
    if path.startswith("documents/"):
        document = get_document_model().objects.filter(file=path).first()
        if document is None:
            raise Http404("No such file.")
        return wagtail_serve_document(request, document.pk, document.filename)

    image = image_for(path)
    if image is None:
        raise Http404("No such file.")
    refusal = enforce(request, image)
    if refusal is not None:
        return refusal
    return sendfile(request, image.file.storage.path(path))
