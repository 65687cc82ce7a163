"""The moderation desk in the Wagtail admin: queues, decisions, thread context, log and writers.

Mounted under /admin/kommentare/ by ``wagtail_hooks`` (namespace ``comment_desk``).
Every view requires ``comments.moderate_publiccomment`` and answers 403
without it: the Moderation group has that permission and no page rights,
superusers pass. Every decision goes through ``comments.moderation``, so the
desk, the bulk actions and the management commands log alike.

A queue page costs the same number of queries whether it shows ten cards or
fifty: ``build_cards`` fetches the context of all cards on the page (parents,
visible replies, writer histories, pages, open reports) with one query each.
"""

from dataclasses import dataclass, field
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Min, Prefetch, Q
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from comments import moderation, privacy
from comments.models import (
    Action,
    CommentReport,
    ModerationEvent,
    PublicComment,
    RaidLock,
    RejectionReason,
    Status,
)

PERMISSION = "comments.moderate_publiccomment"
PER_PAGE = 50
REPLIES_SHOWN = 3


@dataclass(frozen=True)
class Queue:
    slug: str
    label: str
    status: str | None  # None: the reported queue, which cuts across statuses
    open: bool  # still to be worked through (oldest first) or already decided (newest first)


QUEUES = {
    queue.slug: queue
    for queue in [
        Queue("pending", gettext_lazy("Wartend"), Status.PENDING, True),
        Queue("unsure", gettext_lazy("Unsicher"), Status.UNSURE, True),
        Queue("reported", gettext_lazy("Gemeldet"), None, True),
        Queue("approved", gettext_lazy("Freigegeben"), Status.APPROVED, False),
        Queue("rejected", gettext_lazy("Abgelehnt"), Status.REJECTED, False),
        Queue("spam", gettext_lazy("Spam"), Status.SPAM, False),
    ]
}

# How a writer's earlier comments are summed up on a card, in this order.
HISTORY_LABELS = {
    Status.APPROVED: gettext_lazy("freigegeben"),
    Status.REJECTED: gettext_lazy("abgelehnt"),
    Status.SPAM: gettext_lazy("Spam"),
    Status.PENDING: gettext_lazy("wartend"),
    Status.UNSURE: gettext_lazy("unsicher"),
}


def moderator_required(view):
    """403 without the moderation permission (Wagtail has already checked admin access)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return render(request, "comments/desk/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


# --- forms ---------------------------------------------------------------------------


class RejectForm(forms.Form):
    reason = forms.ModelChoiceField(
        label=gettext_lazy("Ablehnungsgrund"), queryset=RejectionReason.objects.all()
    )
    note = forms.CharField(label=gettext_lazy("Interne Notiz"), required=False)
    branch = forms.BooleanField(label=gettext_lazy("mit allen Antworten ablehnen"), required=False)
    send_statement = forms.BooleanField(
        label=gettext_lazy("Begründung per E-Mail senden"), required=False
    )


class EditForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text des Kommentars"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    note = forms.CharField(
        label=gettext_lazy("Interne Notiz zur Änderung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Der vorherige Text bleibt im Protokoll erhalten."),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Antwort"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Wird sofort veröffentlicht, als Antwort des Vereins gekennzeichnet."
        ),
    )


class BulkForm(forms.Form):
    ACTIONS = [
        ("approve", gettext_lazy("Freigeben")),
        ("reject", gettext_lazy("Ablehnen")),
        ("spam", gettext_lazy("Spam")),
        ("unsure", gettext_lazy("Unsicher")),
    ]
    action = forms.ChoiceField(label=gettext_lazy("Aktion"), choices=ACTIONS)
    reason = forms.ModelChoiceField(
        label=gettext_lazy("Ablehnungsgrund"),
        queryset=RejectionReason.objects.all(),
        required=False,
    )
    note = forms.CharField(label=gettext_lazy("Interne Notiz"), required=False)
    send_statement = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not data.get("reason"):
            self.add_error("reason", _("Zum Ablehnen bitte einen Grund wählen."))
        return data


# --- cards: one comment with everything a moderator needs to decide -----------------


@dataclass
class Card:
    comment: PublicComment
    page: Page | None = None
    page_url: str = ""
    page_edit_url: str = ""
    parent: PublicComment | None = None
    replies: list[PublicComment] = field(default_factory=list)
    reply_count: int = 0
    history: list[str] = field(default_factory=list)
    first_seen: object = None
    open_reports: list[CommentReport] = field(default_factory=list)
    return_url: str = ""


def card_queryset():
    """Comments with what the card reads from related rows, joined or prefetched."""
    return PublicComment.objects.select_related("edited_by", "rejection_reason").prefetch_related(
        Prefetch(
            "reports",
            queryset=CommentReport.objects.filter(resolved_at__isnull=True).order_by("created_at"),
            to_attr="open_reports",
        )
    )


def build_cards(comments: list[PublicComment], request, return_path: str) -> list[Card]:
    """The cards for ``comments`` (fetched with ``card_queryset``), with a fixed number of queries.

    ``return_path`` is where each card's forms lead back to; the anchor points at
    the following card, so after a decision the keyboard carries on there.
    """
    if not comments:
        return []
    pks = [c.pk for c in comments]

    parent_ids = {c.parent_id for c in comments if c.parent_id and c.parent_id != c.pk}
    parents = PublicComment.objects.in_bulk(parent_ids) if parent_ids else {}

    replies: dict[int, list[PublicComment]] = {}
    for reply in (
        PublicComment.objects.filter(parent_id__in=pks, status=Status.APPROVED)
        .exclude(pk=F("parent_id"))
        .only("pk", "parent_id", "user_name", "comment", "submit_date", "is_official")
        .order_by("submit_date", "pk")
    ):
        replies.setdefault(reply.parent_id, []).append(reply)

    emails = {c.user_email.lower() for c in comments if c.user_email}
    counts: dict[str, dict[str, int]] = {}
    first_seen: dict[str, object] = {}
    if emails:
        rows = (
            PublicComment.objects.annotate(email_key=Lower("user_email"))
            .filter(email_key__in=emails)
            .order_by()
            .values("email_key", "status")
            .annotate(n=Count("pk"), first=Min("submit_date"))
        )
        for row in rows:
            key = row["email_key"]
            counts.setdefault(key, {})[row["status"]] = row["n"]
            if key not in first_seen or row["first"] < first_seen[key]:
                first_seen[key] = row["first"]

    page_ids = {int(c.object_pk) for c in comments if c.object_pk.isdigit()}
    pages = Page.objects.in_bulk(page_ids)
    editable = set(
        page_permission_policy.instances_user_has_permission_for(request.user, "change")
        .filter(pk__in=page_ids)
        .values_list("pk", flat=True)
    )

    cards = []
    for index, comment in enumerate(comments):
        page = pages.get(int(comment.object_pk)) if comment.object_pk.isdigit() else None
        card = Card(comment=comment, page=page, open_reports=getattr(comment, "open_reports", []))
        if page is not None:
            card.page_url = (page.get_url(request) or "") if page.live else ""
            if page.pk in editable:
                card.page_edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        card.parent = parents.get(comment.parent_id) if comment.parent_id != comment.pk else None
        visible_replies = replies.get(comment.pk, [])
        card.reply_count = len(visible_replies)
        card.replies = visible_replies[:REPLIES_SHOWN]
        if comment.user_email:
            key = comment.user_email.lower()
            earlier = dict(counts.get(key, {}))
            earlier[comment.status] = earlier.get(comment.status, 1) - 1  # not this comment
            card.history = [
                f"{earlier[status]} {label}"
                for status, label in HISTORY_LABELS.items()
                if earlier.get(status)
            ]
            card.first_seen = first_seen.get(key)
        following = comments[index + 1] if index + 1 < len(comments) else None
        following = following or (comments[index - 1] if index else None)
        card.return_url = return_path + (f"#karte-{following.pk}" if following else "")
        cards.append(card)
    return cards


def _writer(comment: PublicComment) -> str:
    return comment.user_name or _("unbekannt")


def _back(request, default: str = ""):
    """Back to where the form was sent from (queue, page and card), or to ``default``."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default or reverse("comment_desk:queue"))


def _reasons():
    return list(RejectionReason.objects.all())


# --- queue ---------------------------------------------------------------------------


def _queue_queryset(queue: Queue, base=None):
    base = PublicComment.objects.all() if base is None else base
    if queue.status is None:
        return base.reported()
    return base.filter(status=queue.status)


def _query_string(params: dict, **changes) -> str:
    merged = {**params, **changes}
    return "?" + urlencode({key: value for key, value in merged.items() if value not in ("", None)})


@moderator_required
def queue(request):
    """One queue of comments as cards, with tabs, filters, bulk bar and raid locks."""
    current = QUEUES.get(request.GET.get("queue", ""), QUEUES["pending"])
    seite_id = request.GET.get("seite_id", "")
    seite_id = seite_id if seite_id.isdigit() else ""
    search = request.GET.get("q", "").strip()
    params = {"queue": current.slug, "seite_id": seite_id, "q": search}

    comments = _queue_queryset(current, card_queryset())
    if seite_id:
        comments = comments.filter(object_pk=seite_id)
    if search:
        comments = comments.filter(
            Q(user_name__icontains=search)
            | Q(comment__icontains=search)
            | Q(user_email__icontains=search)
        )
    if current.open:
        comments = comments.order_by("submit_date", "pk")
    else:
        comments = comments.order_by(F("decided_at").desc(nulls_last=True), "-submit_date", "-pk")
    page_obj = Paginator(comments, PER_PAGE).get_page(request.GET.get("p"))
    return_path = reverse("comment_desk:queue") + _query_string(params, p=page_obj.number)
    cards = build_cards(list(page_obj.object_list), request, return_path)

    sizes = moderation.queue_sizes()
    tabs = [
        {
            "slug": queue.slug,
            "label": queue.label,
            "count": sizes[queue.slug],
            "url": _query_string(params, queue=queue.slug),
            "active": queue is current,
        }
        for queue in QUEUES.values()
    ]
    page_choices = Page.objects.filter(
        pk__in=[
            int(pk)
            for pk in _queue_queryset(current)
            .order_by()
            .values_list("object_pk", flat=True)
            .distinct()
            if pk.isdigit()
        ]
    ).order_by("title")
    return render(
        request,
        "comments/desk/queue.html",
        {
            "queue": current,
            "tabs": tabs,
            "cards": cards,
            "page_obj": page_obj,
            "params": params,
            "seite_id": seite_id,
            "search": search,
            "page_choices": page_choices,
            "reasons": _reasons(),
            "raid_locks": RaidLock.objects.filter(lifted_at__isnull=True).select_related("page"),
            "previous_url": _query_string(params, p=page_obj.previous_page_number())
            if page_obj.has_previous()
            else "",
            "next_url": _query_string(params, p=page_obj.next_page_number())
            if page_obj.has_next()
            else "",
            "return_path": return_path,
            "bulk_form_id": "desk-bulk",
        },
    )


# --- single decisions ----------------------------------------------------------------


def _decision(view):
    """POST only, moderators only, the comment looked up by pk."""

    @moderator_required
    @require_POST
    @wraps(view)
    def wrapper(request, pk):
        return view(request, get_object_or_404(PublicComment, pk=pk))

    return wrapper


@_decision
def approve(request, comment):
    moderation.approve(comment, request.user)
    messages.success(request, _("Kommentar von %(name)s freigegeben.") % {"name": _writer(comment)})
    return _back(request)


@_decision
def reject(request, comment):
    form = RejectForm(request.POST)
    if not form.is_valid():
        text = _("Kommentar von %(name)s nicht abgelehnt: bitte einen Grund wählen.")
        messages.error(request, text % {"name": _writer(comment)})
        return _back(request)
    data = form.cleaned_data
    rejected = moderation.reject(
        comment,
        request.user,
        reason=data["reason"],
        note=data["note"],
        branch=data["branch"],
        send_statement=data["send_statement"],
    )
    text = _("Kommentar von %(name)s abgelehnt (%(reason)s).") % {
        "name": _writer(comment),
        "reason": data["reason"].title,
    }
    if len(rejected) > 1:
        text += " " + ngettext(
            "Dazu %(count)d Antwort.", "Dazu %(count)d Antworten.", len(rejected) - 1
        ) % {"count": len(rejected) - 1}
    if data["send_statement"] and any(c.user_email and not c.is_official for c in rejected):
        text += " " + _("Die Begründung geht per E-Mail hinaus.")
    messages.success(request, text)
    return _back(request)


@_decision
def spam(request, comment):
    moderation.mark_spam(comment, request.user, note=request.POST.get("note", "").strip())
    messages.success(
        request, _("Kommentar von %(name)s als Spam markiert.") % {"name": _writer(comment)}
    )
    return _back(request)


@_decision
def unsure(request, comment):
    moderation.mark_unsure(comment, request.user, note=request.POST.get("note", "").strip())
    messages.success(
        request,
        _("Kommentar von %(name)s zur zweiten Meinung gelegt.") % {"name": _writer(comment)},
    )
    return _back(request)


@_decision
def reopen(request, comment):
    moderation.reopen(comment, request.user, note=request.POST.get("note", "").strip())
    messages.success(
        request,
        _("Kommentar von %(name)s zurück in die Warteschlange gestellt.")
        % {"name": _writer(comment)},
    )
    return _back(request)


@moderator_required
def edit(request, pk):
    """Change a comment's text; the public page marks it as edited by the moderation."""
    comment = get_object_or_404(PublicComment, pk=pk)
    detail_url = reverse("comment_desk:detail", args=[comment.pk])
    if request.method == "POST":
        form = EditForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["text"] == comment.comment:
                messages.info(request, _("Der Text ist unverändert."))
            else:
                moderation.edit(
                    comment, request.user, form.cleaned_data["text"], note=form.cleaned_data["note"]
                )
                messages.success(
                    request, _("Kommentar von %(name)s bearbeitet.") % {"name": _writer(comment)}
                )
            return _back(request, detail_url)
    else:
        form = EditForm(initial={"text": comment.comment})
    return render(
        request,
        "comments/desk/edit.html",
        {"comment": comment, "form": form, "next": _safe_next(request, detail_url)},
    )


@moderator_required
def reply(request, pk):
    """Reply in the association's name; published at once."""
    parent = get_object_or_404(PublicComment, pk=pk)
    detail_url = reverse("comment_desk:detail", args=[parent.pk])
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if form.is_valid():
            answer = moderation.reply_as_association(
                parent, request.user, form.cleaned_data["text"]
            )
            messages.success(
                request,
                _("Antwort auf den Kommentar von %(name)s als %(official)s veröffentlicht.")
                % {"name": _writer(parent), "official": answer.user_name},
            )
            return _back(request, detail_url)
    else:
        form = ReplyForm()
    return render(
        request,
        "comments/desk/reply.html",
        {
            "comment": parent,
            "form": form,
            "next": _safe_next(request, detail_url),
            "official_name": settings.COMMENTS_OFFICIAL_NAME,
        },
    )


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@moderator_required
@require_POST
def bulk(request):
    """One decision for every ticked card: approve, reject (never a whole branch), spam, unsure."""
    ids = [int(value) for value in request.POST.getlist("ids") if value.isdigit()]
    if not ids:
        messages.error(request, _("Bitte zuerst Kommentare auswählen."))
        return _back(request)
    form = BulkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(" ".join(errors) for errors in form.errors.values()))
        return _back(request)
    data = form.cleaned_data
    comments = list(PublicComment.objects.filter(pk__in=ids).order_by("submit_date", "pk"))
    action = data["action"]
    with transaction.atomic():
        for comment in comments:
            if action == "approve":
                moderation.approve(comment, request.user)
            elif action == "reject":
                moderation.reject(
                    comment,
                    request.user,
                    reason=data["reason"],
                    note=data["note"],
                    branch=False,
                    send_statement=data["send_statement"],
                )
            elif action == "spam":
                moderation.mark_spam(comment, request.user, note=data["note"])
            else:
                moderation.mark_unsure(comment, request.user, note=data["note"])
    count = len(comments)
    templates = {
        "approve": ngettext(
            "%(count)d Kommentar freigegeben", "%(count)d Kommentare freigegeben", count
        ),
        "reject": ngettext(
            "%(count)d Kommentar abgelehnt", "%(count)d Kommentare abgelehnt", count
        ),
        "spam": ngettext(
            "%(count)d Kommentar als Spam markiert", "%(count)d Kommentare als Spam markiert", count
        ),
        "unsure": ngettext(
            "%(count)d Kommentar zur zweiten Meinung gelegt",
            "%(count)d Kommentare zur zweiten Meinung gelegt",
            count,
        ),
    }
    names = ", ".join(_writer(c) for c in comments[:5]) + (" …" if count > 5 else "")
    messages.success(
        request, (templates[action] % {"count": count}) + (f" ({names})." if count else ".")
    )
    return _back(request)


@moderator_required
@require_POST
def lift_raid(request, pk):
    lock = get_object_or_404(RaidLock.objects.select_related("page"), pk=pk, lifted_at__isnull=True)
    moderation.lift_raid(lock, request.user)
    messages.success(
        request,
        _("Vorabprüfung für „%(title)s“ aufgehoben.")
        % {"title": lock.page.get_admin_display_title()},
    )
    return _back(request)


# --- detail, log, writers ------------------------------------------------------------


@moderator_required
def detail(request, pk):
    """One comment in full: fields, thread context, reports and every decision about it."""
    comment = get_object_or_404(card_queryset(), pk=pk)
    card = build_cards([comment], request, request.path)[0]
    thread = list(PublicComment.objects.filter(thread_id=comment.thread_id).order_by("order"))
    by_pk = {c.pk: c for c in thread}
    chain = list(reversed(moderation.ancestors(comment, by_pk)))
    below = []
    for candidate in thread:
        if candidate.order > comment.order:
            if candidate.level <= comment.level:
                break
            below.append(candidate)
    return render(
        request,
        "comments/desk/detail.html",
        {
            "card": card,
            "comment": comment,
            "ancestors": chain,
            "descendants": below,
            "reports": comment.reports.select_related("resolved_by").order_by("created_at"),
            "events": comment.events.select_related("actor").order_by("-created_at", "-pk"),
            "reasons": _reasons(),
            "queue_url": reverse("comment_desk:queue"),
        },
    )


@moderator_required
def log(request):
    """Every moderation event, newest first, filterable by action and by who acted."""
    events = ModerationEvent.objects.select_related("actor", "page", "comment").order_by(
        "-created_at", "-pk"
    )
    action = request.GET.get("aktion", "")
    if action in Action.values:
        events = events.filter(action=action)
    else:
        action = ""
    actor = request.GET.get("wer", "")
    if actor == "system":
        events = events.filter(actor__isnull=True)
    elif actor.isdigit():
        events = events.filter(actor_id=int(actor))
    else:
        actor = ""
    page_obj = Paginator(events, PER_PAGE).get_page(request.GET.get("p"))
    params = {"aktion": action, "wer": actor}
    actors = (
        get_user_model()
        .objects.filter(
            pk__in=ModerationEvent.objects.filter(actor__isnull=False).values("actor_id")
        )
        .order_by("username")
    )
    return render(
        request,
        "comments/desk/log.html",
        {
            "page_obj": page_obj,
            "actions": Action.choices,
            "actors": actors,
            "action": action,
            "actor": actor,
            "previous_url": _query_string(params, p=page_obj.previous_page_number())
            if page_obj.has_previous()
            else "",
            "next_url": _query_string(params, p=page_obj.next_page_number())
            if page_obj.has_next()
            else "",
        },
    )


@moderator_required
def writer(request):
    """Everything one e-mail address wrote or reported, with export and erasure."""
    email = request.GET.get("email", "").strip()
    context = {"email": email}
    if email:
        comments = list(
            PublicComment.objects.by_writer(email)
            .select_related("rejection_reason", "edited_by")
            .prefetch_related(
                Prefetch(
                    "events",
                    queryset=ModerationEvent.objects.select_related("actor").order_by(
                        "-created_at", "-pk"
                    ),
                )
            )
            .order_by("-submit_date", "-pk")
        )
        pages = Page.objects.in_bulk({int(c.object_pk) for c in comments if c.object_pk.isdigit()})
        for comment in comments:
            comment.desk_page = (
                pages.get(int(comment.object_pk)) if comment.object_pk.isdigit() else None
            )
        summary = {}
        for comment in comments:
            summary[comment.status] = summary.get(comment.status, 0) + 1
        context.update(
            {
                "comments": comments,
                "summary": [
                    f"{summary[s]} {label}" for s, label in HISTORY_LABELS.items() if summary.get(s)
                ],
                "names": sorted({c.user_name for c in comments}),
                "reports": CommentReport.objects.filter(
                    reporter_email__iexact=email
                ).select_related("comment"),
            }
        )
    return render(request, "comments/desk/writer.html", context)


@moderator_required
@require_POST
def writer_export(request):
    """The writer's data as a JSON download (GDPR Art. 15)."""
    email = request.POST.get("email", "").strip()
    if not email:
        messages.error(request, _("Bitte eine E-Mail-Adresse angeben."))
        return redirect("comment_desk:writer")
    data = privacy.export_writer(email)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="kommentare-{slugify(email)}-{stamp}.json"'
    )
    return response


@moderator_required
def writer_erase(request):
    """Erase a writer's data (GDPR Art. 17): a confirmation page, then the POST that does it."""
    email = (request.POST.get("email") or request.GET.get("email", "")).strip()
    writer_url = reverse("comment_desk:writer") + "?" + urlencode({"email": email})
    if not email:
        return redirect("comment_desk:writer")
    if request.method == "POST" and request.POST.get("confirm") == "1":
        count = privacy.erase_writer(email, request.user)
        messages.success(
            request,
            ngettext(
                "Daten von %(email)s gelöscht: %(count)d Kommentar anonymisiert.",
                "Daten von %(email)s gelöscht: %(count)d Kommentare anonymisiert.",
                count,
            )
            % {"email": email, "count": count},
        )
        return redirect(writer_url)
    return render(
        request,
        "comments/desk/writer_erase.html",
        {
            "email": email,
            "comment_count": PublicComment.objects.by_writer(email).count(),
            "report_count": CommentReport.objects.filter(reporter_email__iexact=email).count(),
            "writer_url": writer_url,
        },
    )


app_name = "comment_desk"
urlpatterns = [
    path("", queue, name="queue"),
    path("sammelaktion/", bulk, name="bulk"),
    path("protokoll/", log, name="log"),
    path("schreibende/", writer, name="writer"),
    path("schreibende/export/", writer_export, name="writer_export"),
    path("schreibende/loeschen/", writer_erase, name="writer_erase"),
    path("ansturm/<int:pk>/aufheben/", lift_raid, name="lift_raid"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/freigeben/", approve, name="approve"),
    path("<int:pk>/ablehnen/", reject, name="reject"),
    path("<int:pk>/spam/", spam, name="spam"),
    path("<int:pk>/unsicher/", unsure, name="unsure"),
    path("<int:pk>/zurueck/", reopen, name="reopen"),
    path("<int:pk>/bearbeiten/", edit, name="edit"),
    path("<int:pk>/antworten/", reply, name="reply"),
]
