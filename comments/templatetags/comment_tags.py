"""Template tags: ``{% comment_section page %}`` (thread and form), ``|comment_text``."""

from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from comments import threads
from comments.forms import PublicCommentForm
from comments.models import CommentablePage, CommentRules, Status

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, page):
    """The comment count, the paginated thread and the form (or why there is none).

    ``?kommentare=N`` chooses the page of threads; ``?antwort=<pk>`` turns the
    form into a reply to that comment (the "Antworten" link works without
    JavaScript, on any phone).
    """
    request = context["request"]
    if not isinstance(page, CommentablePage) or not page.comments_enabled:
        return {"enabled": False}
    rules = CommentRules.for_request(request)
    thread = threads.build(page)
    page_obj = threads.paginate(thread, request.GET.get("kommentare"), rules.page_size)
    is_open = page.comments_open(rules)
    reply_to = None
    form = None
    if is_open:
        reply_pk = request.GET.get("antwort", "")
        if reply_pk.isdigit():
            reply_to = next(
                (
                    c
                    for c in (n.comment for n in _walk(thread.roots))
                    if c.pk == int(reply_pk) and c.status == Status.APPROVED
                ),
                None,
            )
        form = PublicCommentForm(page, comment=reply_to) if reply_to else PublicCommentForm(page)
    return {
        "enabled": True,
        "request": request,
        "page": page,
        "thread": thread,
        "page_obj": page_obj,
        "count": thread.count,
        "is_open": is_open,
        "closed_at": page.comments_closed_at(rules),
        "form": form,
        "reply_to": reply_to,
        "settings": context.get("settings"),
    }


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


@register.filter
def comment_text(value: str):
    """Plain text, escaped; URLs become links that pass no ranking and no opener."""
    html = urlize(value, nofollow=True, autoescape=True)
    # urlize() only knows rel="nofollow"; the user's text cannot contain this
    # literal attribute because it was escaped above.
    html = html.replace(' rel="nofollow"', ' rel="nofollow ugc noopener"')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 - escaped by urlize
