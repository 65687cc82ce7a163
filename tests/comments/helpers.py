"""What a reader sends and sees: form data, posting, comments in the page's HTML."""

import re
from datetime import timedelta
from html.parser import HTMLParser

from django.utils import timezone

from comments.forms import PublicCommentForm
from comments.models import PublicComment, Status

POST_URL = "/kommentare/senden/"
REMOVED = "Dieser Kommentar wurde von der Moderation entfernt."
IN_REVIEW = "Dieser Kommentar wird noch geprüft."
OFFICIAL = "Antwort des Vereins"
EDITED = "Von der Moderation bearbeitet"

_COMMENT_ID = re.compile(r"^kommentar-(\d+)$")
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "source", "track", "wbr",
}  # fmt: skip


def form_data(page, **fields) -> dict:
    """What the comment form of ``page`` sends: its security fields plus what the reader typed."""
    initial = PublicCommentForm(page).initial
    data = {
        key: initial[key] for key in ("content_type", "object_pk", "timestamp", "security_hash")
    }
    data.update(
        name="Leila Leserin",
        email="leila@example.org",
        comment="Danke für die klare Stellungnahme.",
        reply_to="0",
        honeypot="",
    )
    followup = fields.pop("followup", False)
    if followup:
        data["followup"] = "on"
    data.update({key: str(value) for key, value in fields.items()})
    return data


def post_comment(client, page, remote_addr="192.0.2.10", **fields):
    """POST the comment form of ``page`` as a reader would (no redirects followed)."""
    return client.post(POST_URL, form_data(page, **fields), REMOTE_ADDR=remote_addr)


def latest_comment() -> PublicComment:
    return PublicComment.objects.order_by("-pk").first()


def make_comment(page, text="Ein Kommentar.", *, parent=None, status=Status.APPROVED, **fields):
    """A comment stored directly (for setting up threads), with django-comments-xtd's threading."""
    from django.contrib.contenttypes.models import ContentType

    number = PublicComment.objects.count() + 1
    fields.setdefault("user_name", f"Schreibende {number}")
    fields.setdefault("user_email", f"schreibende{number}@example.org")
    fields.setdefault("submit_date", timezone.now())
    comment = PublicComment(
        content_type=ContentType.objects.get_for_model(type(page)),
        object_pk=str(page.pk),
        site_id=1,
        comment=text,
        parent_id=parent.pk if parent else 0,
        **fields,
    )
    comment.set_status(status)
    comment.save()
    return PublicComment.objects.get(pk=comment.pk)


def make_chain(page, depth=4, **fields) -> list[PublicComment]:
    """A comment and a reply to a reply ... ``depth`` levels deep, all approved."""
    chain = []
    for level in range(depth):
        parent = chain[-1] if chain else None
        chain.append(make_comment(page, f"Ebene {level} der Diskussion.", parent=parent, **fields))
    return chain


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


class _CommentTree(HTMLParser):
    """Every element with id="kommentar-<pk>" and the comments it is nested in.

    A comment's node is its list item when the element sits directly in one
    (``<li><article id="kommentar-1">…</article><ol>replies</ol></li>``),
    otherwise the element itself.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = []  # [tag, comment pk or None]
        self.ancestry: dict[int, list[int]] = {}
        self.order: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        match = _COMMENT_ID.match(dict(attrs).get("id") or "")
        entry = [tag, None]
        if match:
            pk = int(match.group(1))
            self.ancestry[pk] = [p for _tag, p in self.stack if p is not None]
            self.order.append(pk)
            if self.stack and self.stack[-1][0] == "li" and self.stack[-1][1] is None:
                self.stack[-1][1] = pk
            else:
                entry[1] = pk
        self.stack.append(entry)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        # Pop up to the matching start tag (tolerates unclosed <p> and <li>).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return


def comment_tree(markup: str) -> dict[int, list[int]]:
    """comment pk -> pks of the comments it is nested in (outermost first)."""
    parser = _CommentTree()
    parser.feed(markup)
    return parser.ancestry


def comment_ids(markup: str) -> list[int]:
    """The comments on the page (placeholders included), in document order."""
    parser = _CommentTree()
    parser.feed(markup)
    return parser.order


def top_level_ids(markup: str) -> list[int]:
    tree = comment_tree(markup)
    return [pk for pk in comment_ids(markup) if not tree[pk]]


def section(markup: str) -> str:
    """The comment section of a page (id="kommentare") up to the end of the document."""
    start = markup.find('id="kommentare"')
    assert start != -1, 'the page has no comment section (id="kommentare")'
    return markup[start:]
