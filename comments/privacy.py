"""A writer's rights over their comments (GDPR Art. 15 and 17): export and erasure by address.

The desk's writer view and the management commands both call these two
functions, so an export or an erasure looks the same whichever way it was asked
for. Erasure anonymises rather than deletes: the thread keeps its shape (replies
stay below a "removed" placeholder) and the moderation log keeps who decided
what and when, but nothing that points to the person.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from comments import moderation
from comments.models import Action, CommentReport, ModerationEvent, PublicComment, Status

ERASED_NAME = "gelöscht"


def _iso(value):
    return value.isoformat() if value else None


def export_writer(email: str) -> dict:
    """Everything stored under one e-mail address: the comments written and the reports filed."""
    email = (email or "").strip()
    if not email:
        raise ValueError("An e-mail address is needed.")
    comments = list(
        PublicComment.objects.by_writer(email)
        .select_related("rejection_reason")
        .order_by("submit_date", "pk")
    )
    pages = Page.objects.in_bulk({int(c.object_pk) for c in comments})
    reports = (
        CommentReport.objects.filter(reporter_email__iexact=email)
        .select_related("comment")
        .order_by("created_at", "pk")
    )
    return {
        "email": email,
        "exported_at": _iso(timezone.now()),
        "comments": [
            _comment_data(comment, pages.get(int(comment.object_pk))) for comment in comments
        ],
        "reports": [
            {
                "comment_id": report.comment_id,
                "comment_excerpt": report.comment.comment[:200],
                "reason": report.reason,
                "reason_display": str(report.get_reason_display()),
                "explanation": report.explanation,
                "reporter_name": report.reporter_name,
                "reporter_email": report.reporter_email,
                "good_faith": report.good_faith,
                "created_at": _iso(report.created_at),
                "resolved_at": _iso(report.resolved_at),
            }
            for report in reports
        ],
    }


def _comment_data(comment: PublicComment, page) -> dict:
    return {
        "id": comment.pk,
        "page_title": page.title if page else None,
        "page_url": page.full_url if page and page.live else None,
        "name": comment.user_name,
        "email": comment.user_email,
        "url": comment.user_url,
        "text": comment.comment,
        "submitted_at": _iso(comment.submit_date),
        "ip_address": comment.ip_address,
        "status": comment.status,
        "status_display": str(comment.get_status_display()),
        "email_confirmed": comment.email_confirmed,
        "notify_on_replies": comment.followup,
        "reply_to": comment.parent_id if comment.parent_id != comment.pk else None,
        "edited_by_moderation_at": _iso(comment.edited_at),
        "decided_at": _iso(comment.decided_at),
        "rejection_reason": comment.rejection_reason.title if comment.rejection_reason else None,
    }


@transaction.atomic
def erase_writer(email: str, actor) -> int:
    """Anonymise every comment written under ``email`` and the reports filed with it.

    Returns the number of comments anonymised. Each comment loses name, address,
    link, IP address, account and text and is set to rejected, so the public page
    shows the "removed" placeholder where replies hang below it. The log records
    one ERASED entry per comment without any personal data; the old text kept by
    earlier EDITED entries is blanked as well.
    """
    email = (email or "").strip()
    if not email:
        raise ValueError("An e-mail address is needed.")
    now = timezone.now()
    resolver = actor if actor is not None and actor.is_authenticated else None
    comments = list(PublicComment.objects.by_writer(email).select_for_update())
    for comment in comments:
        before = comment.status
        comment.user_name = ERASED_NAME
        comment.user_email = ""
        comment.user_url = ""
        comment.user = None
        comment.ip_address = None
        comment.comment = ""
        comment.followup = False
        comment.set_status(Status.REJECTED)
        comment.decided_at = now
        comment.save()
        comment.reports.filter(resolved_at__isnull=True).update(
            resolved_at=now, resolved_by=resolver
        )
        moderation.log(comment, Action.ERASED, actor, from_status=before)
    ModerationEvent.objects.filter(
        comment__in=[c.pk for c in comments], action=Action.EDITED
    ).update(note="")
    CommentReport.objects.filter(reporter_email__iexact=email).update(
        reporter_name="", reporter_email=""
    )
    return len(comments)
