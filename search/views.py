"""The public search page and the autocomplete behind the header's search box."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit
from wagtail.models import Locale

from search import service
from search.service import MAX_QUERY_LENGTH, RESULTS_PER_PAGE  # noqa: F401 - used by tests


@require_GET
@ratelimit(group="search", key="ip", rate="security.rate_limits.configured", block=False)
def search(request):
    query = request.GET.get("q", "")
    limited = getattr(request, "limited", False)
    outcome = (
        service.Outcome(query=query[:MAX_QUERY_LENGTH])
        if limited
        else service.search(
            query,
            Locale.get_active(),
            kind=request.GET.get("art", ""),
            year=request.GET.get("jahr", ""),
            page_number=request.GET.get("seite"),
        )
    )
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": outcome.query,
            "outcome": outcome,
            "search_results": outcome.hits,
            "rate_limited": limited,
        },
        status=429 if limited else 200,
    )
    return response


@require_GET
@ratelimit(
    group="search:suggestions", key="ip", rate="security.rate_limits.configured", block=False
)
def autocomplete(request):
    """JSON for the search box: up to eight pages whose title matches what was typed."""
    if getattr(request, "limited", False):
        return JsonResponse({"results": []}, status=429)
    pages = service.autocomplete(request.GET.get("q", ""), Locale.get_active())
    results = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "kind": str(page.specific_class._meta.verbose_name),
        }
        for page in pages
    ]
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "public, max-age=60"
    return response
