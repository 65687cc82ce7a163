"""The read-only public JSON API (Wagtail API v2) for partner sites.

Only press releases, projects and events are exposed, and only pages a
reader could see: Wagtail's pages endpoint already filters ``live().public()``.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from home.models import EventPage, ProjectPage
from press.models import PressReleasePage
from security.converters import parse_id

PUBLIC_PAGE_TYPES = (PressReleasePage, ProjectPage, EventPage)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    # Wagtail's viewsets add DRF's browsable HTML API, overriding REST_FRAMEWORK's
    # renderer setting; the public API answers JSON only.
    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        return super().get_base_queryset().type(*PUBLIC_PAGE_TYPES)

    def find_object(self, queryset, request):
        # Wagtail passes ?id= to the query as given, and a value that is no id
        # ("x", "1.5", 20 digits) raises there. It names no page: answer 404.
        if "id" in request.GET and parse_id(request.GET["id"]) is None:
            return None
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
