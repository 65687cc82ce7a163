"""Moderation decisions: one function per action, each logged and each sending its e-mails.

The desk's views, the bulk actions and the management commands all go through
these functions, so every path writes the same log entry and keeps
django-comments' visibility flags in step with the status.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage, send_mass_mail
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from wagtail.models import Page, Site

from comments.models import (
    MAX_THREAD_LEVEL,
    Action,
    ModerationEvent,
    PublicComment,
    RaidLock,
    RejectionReason,
    Status,
    open_report_comment_ids,
)
from home.roles import MODERATORS

logger = logging.getLogger(__name__)

CONFIRM_SALT = "comments.confirm-email"


def log(comment, action, actor=None, *, from_status="", reason="", note="", page_id=None):
    return ModerationEvent.objects.create(
        comment=comment,
        comment_ref=comment.pk if comment else None,
        page_id=page_id or (int(comment.object_pk) if comment else None),
        actor=actor if actor and actor.is_authenticated else None,
        action=action,
        from_status=from_status,
        to_status=comment.status if comment else "",
        reason=reason[:255],
        note=note,
    )


def _resolve_reports(comment, actor):
    """Close the open reports of a decided comment; tell reporters the outcome (DSA 16(5))."""
    open_reports = list(comment.reports.filter(resolved_at__isnull=True))
    if not open_reports:
        return
    comment.reports.filter(pk__in=[r.pk for r in open_reports]).update(
        resolved_at=timezone.now(), resolved_by=actor
    )
    for report in open_reports:
        if report.reporter_email:
            transaction.on_commit(lambda r=report: send_report_decision(r, comment))


def _decide(comment, status, action, actor, *, reason="", note=""):
    before = comment.status
    comment.set_status(status)
    comment.decided_at = timezone.now()
    if note:
        comment.moderation_note = note
    comment.save()
    _resolve_reports(comment, actor)
    log(comment, action, actor, from_status=before, reason=reason, note=note)


@transaction.atomic
def approve(comment: PublicComment, actor) -> None:
    was_public = comment.is_visible
    comment.rejection_reason = None
    _decide(comment, Status.APPROVED, Action.APPROVED, actor)
    if not was_public:
        transaction.on_commit(lambda: notify_reply_subscribers(comment))


@transaction.atomic
def reject(comment, actor, *, reason: RejectionReason | None = None, note="", branch=False,
           send_statement=True) -> list[PublicComment]:  # fmt: skip
    """Reject a comment. Its replies stay visible unless ``branch`` is set.

    Returns every comment rejected (the comment itself first).
    """
    rejected = [comment]
    if branch:
        rejected += [c for c in descendants(comment) if c.status != Status.REJECTED]
    label = reason.title if reason else ""
    was_public = {target.pk: target.is_visible for target in rejected}
    for index, target in enumerate(rejected):
        target.rejection_reason = reason
        action = Action.REJECTED_BRANCH if index == 0 and branch else Action.REJECTED
        _decide(
            target, Status.REJECTED, action, actor, reason=label, note=note if index == 0 else ""
        )
    if send_statement:
        for target in rejected:
            if target.user_email and not target.is_official:
                transaction.on_commit(
                    lambda t=target: send_statement_of_reasons(t, actor, was_public[t.pk])
                )
    return rejected


@transaction.atomic
def mark_spam(comment, actor, note="") -> None:
    _decide(comment, Status.SPAM, Action.SPAM, actor, note=note)


@transaction.atomic
def mark_unsure(comment, actor, note="") -> None:
    """Park a comment for a second opinion, with an internal note for colleagues."""
    before = comment.status
    comment.set_status(Status.UNSURE)
    if note:
        comment.moderation_note = note
    comment.save()
    log(comment, Action.UNSURE, actor, from_status=before, note=note)


@transaction.atomic
def reopen(comment, actor, note="") -> None:
    """Put a decided comment back into the pending queue."""
    before = comment.status
    comment.set_status(Status.PENDING)
    comment.save()
    log(comment, Action.REOPENED, actor, from_status=before, note=note)


@transaction.atomic
def edit(comment, actor, new_text: str, note="") -> None:
    """Change a comment's text.

    The page shows that moderation edited it; the log keeps the old text.
    """
    old_text = comment.comment
    if old_text == new_text:
        return
    comment.comment = new_text
    comment.edited_at = timezone.now()
    comment.edited_by = actor
    comment.save()
    log(
        comment,
        Action.EDITED,
        actor,
        from_status=comment.status,
        note=_("Vorheriger Text:\n%(text)s") % {"text": old_text} + (f"\n\n{note}" if note else ""),
    )


@transaction.atomic
def reply_as_association(parent: PublicComment, actor, text: str) -> PublicComment:
    """A published reply in the association's name, written from the desk."""
    if parent.level >= MAX_THREAD_LEVEL:
        parent = PublicComment.objects.get(pk=parent.parent_id)
    reply = PublicComment(
        content_type=parent.content_type,
        object_pk=parent.object_pk,
        site_id=parent.site_id,
        user=actor,
        user_name=settings.COMMENTS_OFFICIAL_NAME,
        user_email="",
        comment=text,
        parent_id=parent.pk,
        is_official=True,
        email_confirmed=True,
        submit_date=timezone.now(),
    )
    reply.set_status(Status.APPROVED)
    reply.decided_at = reply.submit_date
    reply.save()
    log(reply, Action.REPLIED, actor, note=_("Antwort auf Kommentar %(pk)s") % {"pk": parent.pk})
    transaction.on_commit(lambda: notify_reply_subscribers(reply))
    return reply


def descendants(comment: PublicComment) -> list[PublicComment]:
    """Every reply below ``comment``, in thread order (one query)."""
    thread = list(
        PublicComment.objects.filter(thread_id=comment.thread_id, order__gt=comment.order).order_by(
            "order"
        )
    )
    result = []
    for candidate in thread:
        if candidate.level <= comment.level:
            break
        result.append(candidate)
    return result


def ancestors(comment: PublicComment, by_pk: dict[int, PublicComment] | None = None) -> list:
    by_pk = by_pk or {
        c.pk: c
        for c in PublicComment.objects.filter(thread_id=comment.thread_id, level__lt=comment.level)
    }
    chain = []
    current = comment
    while current.parent_id != current.pk and current.parent_id in by_pk:
        current = by_pk[current.parent_id]
        chain.append(current)
    return chain


# --- e-mail --------------------------------------------------------------------


def _site_root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def absolute(path: str) -> str:
    return _site_root_url().rstrip("/") + path


def _page_of(comment) -> Page | None:
    return Page.objects.filter(pk=int(comment.object_pk)).first()


def notify_reply_subscribers(comment: PublicComment) -> int:
    """E-mail the writers above a newly visible reply who asked to hear about replies.

    Only the chain of comments the reply answers is notified, not everybody on
    the page; each e-mail carries django-comments-xtd's signed mute link.
    """
    if not comment.is_visible or comment.level == 0:
        return 0
    page = _page_of(comment)
    recipients = {}
    for earlier in ancestors(comment):
        email = earlier.user_email
        if (
            earlier.followup
            and earlier.is_visible
            and email
            and email.lower() != (comment.user_email or "").lower()
        ):
            recipients.setdefault(email.lower(), earlier)
    messages = []
    for earlier in recipients.values():
        key = signed.dumps(earlier, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
        context = {
            "name": earlier.user_name,
            "reply": comment,
            "page": page,
            "reply_url": absolute(comment.get_absolute_url()),
            "mute_url": absolute(reverse("comments-xtd-mute", args=[key.decode()])),
        }
        subject = _("Neue Antwort auf Ihren Kommentar: %(title)s") % {
            "title": page.title if page else ""
        }
        body = render_to_string("comments/email/reply_notification.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [earlier.user_email]))
    if messages:
        send_mass_mail(messages, fail_silently=True)
    return len(messages)


def send_statement_of_reasons(comment: PublicComment, actor=None, was_public=False) -> bool:
    """Tell the writer why their comment was rejected (DSA Art. 17).

    The text comes from the chosen rejection reason; replies go to the
    moderation contact address, where the writer can object.
    """
    if not comment.user_email:
        return False
    page = _page_of(comment)
    context = {
        "comment": comment,
        "page": page,
        "page_url": absolute(page.url) if page and page.url else "",
        "reason": comment.rejection_reason,
        "contact_email": settings.COMMENTS_CONTACT_EMAIL,
        "was_public": was_public,
    }
    subject = (
        _("Ihr Kommentar wurde entfernt")
        if was_public
        else _("Ihr Kommentar wurde nicht veröffentlicht")
    )
    body = render_to_string("comments/email/statement_of_reasons.txt", context)
    try:
        EmailMessage(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [comment.user_email],
            reply_to=[settings.COMMENTS_CONTACT_EMAIL],
        ).send()
    except Exception:  # a mail server that is down must not undo the decision
        logger.exception("Statement of reasons for comment %s not sent", comment.pk)
        return False
    log(comment, Action.STATEMENT_SENT, actor, from_status=comment.status,
        reason=comment.rejection_reason.title if comment.rejection_reason else "")  # fmt: skip
    return True


def confirmation_token(comment: PublicComment) -> str:
    return signing.dumps(comment.pk, salt=CONFIRM_SALT)


def send_confirmation_request(comment: PublicComment) -> None:
    page = _page_of(comment)
    url = absolute(reverse("comments:confirm", args=[confirmation_token(comment)]))
    body = render_to_string(
        "comments/email/confirmation_request.txt", {"comment": comment, "page": page, "url": url}
    )
    EmailMessage(
        _("Bitte bestätigen Sie Ihren Kommentar"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [comment.user_email],
    ).send(fail_silently=True)


def moderator_emails() -> list[str]:
    users = (
        get_user_model().objects.filter(is_active=True, groups__name=MODERATORS).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def alert_moderators(subject: str, template: str, context: dict) -> int:
    recipients = moderator_emails()
    if not recipients:
        return 0
    context = {**context, "desk_url": absolute(reverse("comment_desk:queue"))}
    body = render_to_string(template, context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send(fail_silently=True)
    return len(recipients)


def raid_alert(page, lock: RaidLock) -> None:
    log(None, Action.RAID, None, page_id=page.pk, note=str(lock.new_writers))
    alert_moderators(
        _("Ansturm auf „%(title)s“: Vorabprüfung eingeschaltet") % {"title": page.title},
        "comments/email/raid_alert.txt",
        {"page": page, "lock": lock, "page_url": absolute(page.url or "")},
    )


@transaction.atomic
def lift_raid(lock: RaidLock, actor) -> None:
    lock.lifted_at = timezone.now()
    lock.lifted_by = actor
    lock.save()
    log(None, Action.RAID_LIFTED, actor, page_id=lock.page_id)


def queue_sizes() -> dict[str, int]:
    """Comments per queue, in two queries (dashboard panel, digest, desk tabs)."""
    sizes = dict.fromkeys(Status.values, 0)
    for row in PublicComment.objects.order_by().values("status").annotate(n=Count("pk")):
        sizes[row["status"]] = row["n"]
    sizes["reported"] = PublicComment.objects.reported().count()
    return sizes


def waiting_count() -> int:
    """Comments that wait for a first decision or carry an open report, counted once each."""
    return PublicComment.objects.filter(
        Q(status=Status.PENDING) | Q(pk__in=open_report_comment_ids())
    ).count()


def send_report_receipt(report) -> None:
    """Confirm receipt of a report to the reporter (DSA Art. 16(4))."""
    body = render_to_string(
        "comments/email/report_receipt.txt",
        {"report": report, "comment": report.comment, "page": _page_of(report.comment)},
    )
    EmailMessage(
        _("Ihre Meldung ist bei uns eingegangen"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [report.reporter_email],
    ).send(fail_silently=True)


def send_report_decision(report, comment) -> None:
    """Tell a reporter what was decided about the comment they reported (DSA Art. 16(5))."""
    body = render_to_string(
        "comments/email/report_decision.txt",
        {
            "report": report,
            "comment": comment,
            "page": _page_of(comment),
            "removed": not comment.is_visible,
            "contact_email": settings.COMMENTS_CONTACT_EMAIL,
        },
    )
    EmailMessage(
        _("Entscheidung zu Ihrer Meldung"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [report.reporter_email],
        reply_to=[settings.COMMENTS_CONTACT_EMAIL],
    ).send(fail_silently=True)
