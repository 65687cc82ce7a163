"""Who may have a file: the access policy for images, renditions and documents.

A file follows the pages that use it (``files.references.file_usage``):

* public when no page uses it, when something other than a page does (site
  settings, snippets), or when a live page without view restrictions shows it;
* otherwise only for readers who could see one of those pages: the members a
  live restricted page's view restrictions accept, the people who may edit a
  draft or scheduled page (embargo), and whoever may choose or change the file in
  the admin's library (thumbnails, choosers and previews keep working).

Translations are pages of their own that use the same image, so an English
release shows the image once it is live, like the German one.
"""

from dataclasses import dataclass

from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import BaseViewRestriction

from files.references import file_usage

# Restrictions a login can satisfy; a password restriction cannot.
LOGIN_RESTRICTIONS = {BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS}


@dataclass(frozen=True)
class Decision:
    """``allowed``: serve the file to this request. ``public``: to anyone, so shared
    caches may keep it. ``login_may_help``: refused to an anonymous reader, but a
    live members' page shows the file, so logging in is worth offering."""

    allowed: bool
    public: bool = False
    login_may_help: bool = False


PUBLIC = Decision(allowed=True, public=True)


def may_manage(user, obj) -> bool:
    """May the user pick or edit this file in the admin's image or document library?"""
    policy = document_policy if isinstance(obj, get_document_model()) else image_policy
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], obj)


def decide(request, obj) -> Decision:
    """Whether ``request`` may have the file of ``obj`` (an image or a document)."""
    usage = file_usage(obj)
    if usage.public:
        return PUBLIC

    user = request.user
    login_may_help = False
    for page in usage.pages:
        if not page.shows_file:
            continue
        restrictions = list(page.get_view_restrictions())
        if all(restriction.accept_request(request) for restriction in restrictions):
            return Decision(allowed=True)
        login_may_help |= all(r.restriction_type in LOGIN_RESTRICTIONS for r in restrictions)

    if user.is_authenticated:
        if may_manage(user, obj) or any(
            page.permissions_for_user(user).can_edit() for page in usage.pages
        ):
            return Decision(allowed=True)
        return Decision(allowed=False)
    return Decision(allowed=False, login_may_help=login_may_help)
