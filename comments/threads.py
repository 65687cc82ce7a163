"""The public view of a page's comments: a tree with placeholders, paginated by thread."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from comments.models import PublicComment


@dataclass
class Node:
    """A comment in the public tree; ``comment.is_visible`` False means a placeholder."""

    comment: PublicComment
    children: list["Node"] = field(default_factory=list)

    @property
    def is_placeholder(self) -> bool:
        return not self.comment.is_visible


@dataclass
class Thread:
    roots: list[Node]
    count: int  # visible comments on the page, placeholders not counted
    index: dict[int, int]  # comment pk -> position of its thread among the roots


def build(page) -> Thread:
    """All comments of ``page`` in one query, as the tree readers see.

    A comment that is not public appears only as a placeholder, and only when a
    visible reply hangs below it: rejecting a comment never hides the answers.
    """
    comments = list(
        PublicComment.objects.for_page(page)
        .select_related(None)
        .defer("ip_address", "user_url", "moderation_note", "hold_reasons")
    )
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    for comment in comments:
        node = nodes[comment.pk] = Node(comment)
        parent = nodes.get(comment.parent_id) if comment.parent_id != comment.pk else None
        (parent.children if parent else roots).append(node)

    def prune(siblings: list[Node]) -> list[Node]:
        kept = []
        for node in siblings:
            node.children = prune(node.children)
            if node.comment.is_visible or node.children:
                kept.append(node)
        return kept

    roots = prune(roots)
    index = {}

    def mark(node: Node, position: int):
        index[node.comment.pk] = position
        for child in node.children:
            mark(child, position)

    for position, root in enumerate(roots):
        mark(root, position)
    count = sum(1 for c in comments if c.is_visible and c.pk in index)
    return Thread(roots, count, index)


def paginate(thread: Thread, number, per_page: int):
    return Paginator(thread.roots, max(per_page, 1)).get_page(number)


def page_number_of(thread: Thread, comment_pk: int, per_page: int) -> int | None:
    position = thread.index.get(comment_pk)
    if position is None:
        return None
    return position // max(per_page, 1) + 1
