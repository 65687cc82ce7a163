"""Public comment views: post, confirm, permalink, report.

Posting does not go through django-comments' ``post_comment``: that view
discards a comment when a moderator's ``allow()`` says no and
django-comments-xtd keeps a comment that awaits e-mail confirmation only in
the signed link. Here every comment that passes the form is stored first and
then held or published by ``comments.rules``; nothing a reader wrote is lost.
The form, model, threading and the signed mute links are django-comments-xtd's.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page

from comments import moderation, rules, threads
from comments.forms import PublicCommentForm, ReportForm
from comments.models import (
    Action,
    CommentablePage,
    CommentRules,
    HoldReason,
    PublicComment,
    Status,
)
from security.client_ip import client_ip
from security.converters import parse_id

SENT_SALT = "comments.sent"


def _commentable_page(content_type: str, object_pk: str):
    """The live page a post names, or None when the names do not add up to one."""
    pk = parse_id(object_pk)
    if pk is None:
        return None
    try:
        app_label, model = content_type.split(".", 1)
        ctype = ContentType.objects.get_by_natural_key(app_label, model)
        model_class = ctype.model_class()
    except (ValueError, ContentType.DoesNotExist):
        return None
    if model_class is None or not issubclass(model_class, CommentablePage):
        return None
    return model_class.objects.filter(pk=pk).first()


def _approved_comment(pk: str | None):
    """The approved comment with id ``pk``; None for any other value (0, junk, out of range)."""
    pk = parse_id(pk)
    return PublicComment.objects.filter(pk=pk, status=Status.APPROVED).first() if pk else None


def _is_readable(page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def _refuse(request, page, message, form=None, status=400):
    """A clear error page that still shows what the reader typed, so nothing is lost."""
    text = request.POST.get("comment", "")
    return render(
        request,
        "comments/post_error.html",
        {"target_page": page, "message": message, "text": text, "form": form},
        status=status,
    )


@require_POST
def post_comment(request):
    page = _commentable_page(
        request.POST.get("content_type", ""), request.POST.get("object_pk", "")
    )
    if page is None:
        return _refuse(
            request, None, _("Dieses Formular gehört zu keiner Seite, die Kommentare annimmt.")
        )
    if not _is_readable(page):
        return _refuse(request, None, _("Diese Seite ist nicht veröffentlicht."), status=404)
    comment_rules = CommentRules.for_request(request)
    if not page.comments_open(comment_rules):
        return _refuse(
            request, page, _("Die Kommentare zu dieser Seite sind geschlossen."), status=403
        )

    form = PublicCommentForm(page, data=request.POST)
    form.is_valid()
    security = form.security_errors()
    if "security_hash" in security or (security and "timestamp" not in security):
        return _refuse(
            request, page, _("Das Formular wurde verändert und kann nicht angenommen werden.")
        )
    if "timestamp" in security:
        form = form.refresh_security_data()
        form.is_valid()
        form.add_error(
            None, _("Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal ab.")
        )
    if form.errors:
        return render(
            request,
            "comments/form_page.html",
            {
                "target_page": page,
                "form": form,
                "comment_rules": comment_rules,
                "reply_to": _approved_comment(request.POST.get("reply_to")),
            },
            status=400,
        )

    comment = form.get_comment_object(site_id=settings.SITE_ID)
    if comment.pk:
        # The same person sent the same text twice (a double click): show the first.
        return _after_post(comment)

    if request.user.is_authenticated:
        comment.user = request.user
    if comment_rules.ip_retention_days:
        comment.ip_address = client_ip(request)
    comment.email_confirmed = bool(
        request.user.is_authenticated or not comment_rules.require_email_confirmation
    )
    verdict = rules.evaluate(comment, page, request, comment_rules, form.honeypot_filled)
    comment.set_status(verdict.status)
    comment.hold_reasons = verdict.reasons
    if verdict.status == Status.APPROVED:
        comment.decided_at = comment.submit_date
    with transaction.atomic():
        comment.save()
        moderation.log(
            comment,
            Action.PUBLISHED if comment.is_visible else Action.HELD,
            reason=", ".join(comment.hold_reason_labels())[:255],
        )
    if verdict.new_raid_lock:
        moderation.raid_alert(page, verdict.new_raid_lock)
    if not comment.email_confirmed:
        moderation.send_confirmation_request(comment)
    if comment.is_visible:
        moderation.notify_reply_subscribers(comment)
    return _after_post(comment)


def _after_post(comment):
    if comment.is_visible:
        return redirect(comment.get_absolute_url())
    return redirect("comments:sent", token=signing.dumps(comment.pk, salt=SENT_SALT))


def sent(request, token):
    """ "Thank you, your comment awaits review", with the text so the writer can keep it."""
    try:
        pk = signing.loads(token, salt=SENT_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature as error:
        raise Http404 from error
    comment = get_object_or_404(PublicComment, pk=pk)
    if comment.is_visible:
        return redirect(comment.get_absolute_url())
    page = Page.objects.filter(pk=int(comment.object_pk)).first()
    return render(request, "comments/sent.html", {"comment": comment, "target_page": page})


def confirm(request, token):
    """The link in the confirmation e-mail: the address is real, the comment may go on."""
    try:
        pk = signing.loads(token, salt=moderation.CONFIRM_SALT, max_age=14 * 24 * 3600)
    except signing.BadSignature:
        return render(request, "comments/confirm_failed.html", status=400)
    comment = get_object_or_404(PublicComment, pk=pk)
    if not comment.email_confirmed:
        with transaction.atomic():
            comment.email_confirmed = True
            comment.hold_reasons = [
                r for r in comment.hold_reasons if r.get("code") != HoldReason.UNCONFIRMED
            ]
            if not comment.hold_reasons and comment.status == Status.PENDING:
                comment.set_status(Status.APPROVED)
            comment.save()
            moderation.log(comment, Action.CONFIRMED, from_status=Status.PENDING)
        if comment.is_visible:
            moderation.notify_reply_subscribers(comment)
    page = Page.objects.filter(pk=int(comment.object_pk)).first()
    return render(request, "comments/confirmed.html", {"comment": comment, "target_page": page})


def permalink(request, pk):
    """/kommentare/<pk>/ -> the page of the thread that holds the comment, at its anchor."""
    comment = get_object_or_404(PublicComment, pk=pk)
    page = Page.objects.filter(pk=int(comment.object_pk)).first()
    if page is None or not _is_readable(page):
        raise Http404
    page = page.specific
    thread = threads.build(page)
    per_page = CommentRules.for_request(request).page_size
    number = threads.page_number_of(thread, comment.pk, per_page)
    if number is None or not comment.is_visible:
        return redirect(f"{page.url}#kommentare")
    query = f"?kommentare={number}" if number > 1 else ""
    return redirect(f"{page.url}{query}#{comment.anchor}")


def report(request, pk):
    """Report a comment, no account needed (DSA Art. 16 notice and action)."""
    comment = get_object_or_404(PublicComment, pk=pk, status=Status.APPROVED)
    page = Page.objects.filter(pk=int(comment.object_pk)).first()
    if page is None or not _is_readable(page):
        raise Http404
    if request.method == "POST":
        form = ReportForm(request.POST)
        limited = is_ratelimited(
            request, group="comments:report", key="ip", rate="20/h", increment=True
        )
        if limited:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Sie haben sehr viele Meldungen geschickt. "
                    "Bitte versuchen Sie es später noch einmal."
                ),
            )
            return render(
                request,
                "comments/report.html",
                {"comment": comment, "form": form, "target_page": page},
                status=429,
            )
        if form.is_valid():
            with transaction.atomic():
                filed = form.save(commit=False)
                filed.comment = comment
                filed.save()
                moderation.log(
                    comment,
                    Action.REPORTED,
                    reason=filed.get_reason_display(),
                    note=filed.explanation,
                )
            if filed.reporter_email:
                moderation.send_report_receipt(filed)
            return render(
                request, "comments/report_done.html", {"comment": comment, "target_page": page}
            )
        status = 400
    else:
        form = ReportForm()
        status = 200
    return render(
        request,
        "comments/report.html",
        {"comment": comment, "form": form, "target_page": page},
        status=status,
    )
