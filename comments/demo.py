"""Demo reader comments for ``manage.py load_demo``, read from ``site/demo/comments.json``.

The comments are produced the way the site would have produced them: a reader's
comment arrives with the hold reasons the default rules record (comments
without an account are pre-moderated, so nearly all of them start out held),
and every decision goes through ``comments.moderation`` with the demo
"moderation" login as actor. The desk therefore starts with full queues, a
moderation log and a writer history. All timestamps are backdated to minutes
after the page's first publication and always lie in the past.

Loading again deletes the comments on the demo pages (with their reports and
log entries) and creates them anew, so the counts stay the same. Rejections
send no statement of reasons: the addresses are invented.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from comments import moderation
from comments.models import (
    MAX_THREAD_LEVEL,
    Action,
    CommentReport,
    CommentRules,
    HoldReason,
    ModerationEvent,
    PublicComment,
    RejectionReason,
    Status,
)
from comments.rules import content_reasons

DEMO_FILE = Path(settings.BASE_DIR) / "site" / "demo" / "comments.json"
MODERATOR = "moderation"
# How long the demo desk takes to decide when the JSON gives no time (minutes).
DECISION_DELAY = 12
# Order of the steps that fall on the same minute.
PHASES = ("create", "approve_first", "decide", "report", "edit")


@dataclass(order=True)
class Step:
    when: datetime.datetime
    phase: int
    seq: int
    action: str = field(compare=False)
    page: Page = field(compare=False)
    spec: dict = field(compare=False)


def load_comments(stdout=None) -> str:
    """Create the demo comments and return a one-line summary of the queues."""
    with open(DEMO_FILE, encoding="utf-8") as file:
        data = json.load(file)
    loader = CommentLoader(
        actor=get_user_model().objects.filter(username=MODERATOR, is_active=True).first(),
        rules=demo_rules(data["rules"]),
    )
    pages = [thread_page(thread) for thread in data["threads"]]
    for page in pages:
        delete_comments(page)
        keep_open(page)
    steps = []
    for page, thread in zip(pages, data["threads"], strict=True):
        steps += plan(page, thread["comments"], loader.started)
    for step in sorted(steps):
        loader.run(step)

    summary = describe(moderation.queue_sizes())
    if stdout is not None:
        stdout.write(f"Kommentare: {summary}")
    return summary


def thread_page(thread: dict) -> Page:
    model = apps.get_model(thread["model"])
    # The German original: translations share the slug.
    page = model.objects.filter(slug=thread["slug"], locale__language_code="de").first()
    if page is None:
        raise CommandError(f"Demo-Kommentare: Seite {thread['slug']!r} fehlt.")
    return page


def delete_comments(page: Page) -> None:
    """Remove the page's comments and their log entries (reports go with the comments)."""
    comments = PublicComment.objects.for_page(page).order_by()
    ModerationEvent.objects.filter(page_id=page.pk).delete()
    ModerationEvent.objects.filter(comment__in=comments).delete()
    comments.delete()


def keep_open(page: Page) -> None:
    """Never close comments on a demo comment page ("0 = never" in the page settings).

    The demo's publication dates are fixed, so every release is older than the
    default 30 days sooner or later and its form would close. Picking a recent
    release would only postpone that, so the per-page setting is used instead.
    It is written to the page row and to the latest (live) revision in place:
    the page keeps its backdated publication and history, an editor who
    publishes it later keeps the setting, and the next ``load_demo`` run reads
    it back from the row into its new revision.
    """
    page.specific_class.objects.filter(pk=page.pk).update(comments_close_after_days=0)
    revision = page.latest_revision
    if revision is not None and revision.content.get("comments_close_after_days") != 0:
        content = {**revision.content, "comments_close_after_days": 0}
        Revision.objects.filter(pk=revision.pk).update(content=content)


def demo_rules(spec: dict) -> CommentRules:
    """The site's comment rules; empty term lists get the demo terms the hold reasons refer to."""
    site = Site.objects.filter(is_default_site=True).first()
    rules = CommentRules.for_site(site)
    if not rules.blocked_terms.strip() and not rules.suspect_terms.strip():
        rules.blocked_terms = "\n".join(spec["blocked_terms"])
        rules.suspect_terms = "\n".join(spec["suspect_terms"])
        rules.save()
    return rules


def plan(page: Page, entries: list[dict], now: datetime.datetime) -> list[Step]:
    """Every creation, decision, report and edit of one page, with its time."""
    by_key = {entry["key"]: entry for entry in entries}
    children: dict[str, list[int]] = {}
    levels: dict[str, int] = {}
    for entry in entries:
        parent = entry["parent"]
        if parent is None:
            levels[entry["key"]] = 0
            continue
        if parent not in levels or by_key[parent]["minutes"] >= entry["minutes"]:
            raise CommandError(f"Demo-Kommentar {entry['key']}: Antwort vor {parent}.")
        levels[entry["key"]] = levels[parent] + 1
        if levels[entry["key"]] > MAX_THREAD_LEVEL:
            raise CommandError(f"Demo-Kommentar {entry['key']}: zu tief verschachtelt.")
        children.setdefault(parent, []).append(entry["minutes"])

    timed = []
    visible: dict[str, tuple[int, float]] = {}  # key -> minutes it was public (from, until)
    for entry in entries:
        key, submitted = entry["key"], entry["minutes"]
        first_reply = min(children.get(key, [submitted + DECISION_DELAY + 1]))
        decided = entry.get("decided", min(submitted + DECISION_DELAY, first_reply - 1))
        timed.append((submitted, "create", entry))
        if entry.get("official"):
            visible[key] = (submitted, float("inf"))
            continue
        if "approved_first" in entry:
            timed.append((entry["approved_first"], "approve_first", entry))
            visible[key] = (entry["approved_first"], decided)
        elif entry["state"] == Status.APPROVED:
            visible[key] = (decided, float("inf"))
        if entry["state"] != Status.PENDING:
            timed.append((decided, "decide", entry))
    for entry in entries:
        # Readers can only answer a comment while it is on the page.
        parent = entry["parent"]
        start, end = visible.get(parent, (0, 0))
        if parent is not None and not start < entry["minutes"] < end:
            raise CommandError(f"Demo-Kommentar {entry['key']}: {parent} war nicht sichtbar.")
        for report in entry.get("reports", []):
            timed.append((report["minutes"], "report", {**report, "key": entry["key"]}))
        if "edit" in entry:
            timed.append((entry["edit"]["minutes"], "edit", {**entry["edit"], "key": entry["key"]}))

    # Backdate to the publication, but keep everything in the past, also when the
    # page was (re)published just now.
    last = max(minutes for minutes, _action, _spec in timed)
    base = min(page.first_published_at or now, now - datetime.timedelta(minutes=last + 5))
    steps = []
    for seq, (minutes, action, spec) in enumerate(timed):
        if action != "create" and minutes <= by_key[spec["key"]]["minutes"]:
            raise CommandError(f"Demo-Kommentar {spec['key']}: {action} vor dem Absenden.")
        when = base + datetime.timedelta(minutes=minutes)
        steps.append(Step(when, PHASES.index(action), seq, action, page, spec))
    return steps


@dataclass
class CommentLoader:
    actor: object
    rules: CommentRules
    started: datetime.datetime = field(default_factory=timezone.now)
    comments: dict[tuple[int, str], int] = field(default_factory=dict)  # (page, key) -> pk

    def run(self, step: Step) -> None:
        last_event = ModerationEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
        pk = getattr(self, step.action)(step)
        # The moderation functions stamp "now"; move their traces to the step's time.
        ModerationEvent.objects.filter(pk__gt=last_event or 0).update(created_at=step.when)
        CommentReport.objects.filter(comment_id=pk, resolved_at__gte=self.started).update(
            resolved_at=step.when
        )

    def fresh(self, step: Step, key: str | None = None) -> PublicComment:
        # Always reload: adding a reply renumbers the thread in the database, and
        # saving a stale copy would write the old order back.
        return PublicComment.objects.get(pk=self.comments[step.page.pk, key or step.spec["key"]])

    def create(self, step: Step) -> int:
        spec = step.spec
        parent = self.fresh(step, spec["parent"]) if spec["parent"] else None
        if spec.get("official"):
            comment = moderation.reply_as_association(parent, self.actor, spec["text"])
            PublicComment.objects.filter(pk=comment.pk).update(
                submit_date=step.when, decided_at=step.when
            )
        else:
            comment = PublicComment(
                content_type=ContentType.objects.get_for_model(step.page.specific_class),
                object_pk=str(step.page.pk),
                site_id=settings.SITE_ID,
                user_name=spec["name"],
                user_email=spec["email"],
                comment=spec["text"],
                submit_date=step.when,
                parent_id=parent.pk if parent else 0,
                email_confirmed=True,
            )
            comment.hold_reasons = self.hold_reasons(comment, spec.get("hold", []))
            comment.set_status(Status.PENDING if comment.hold_reasons else Status.APPROVED)
            if comment.is_visible:
                comment.decided_at = step.when
            comment.save()
            moderation.log(
                comment,
                Action.PUBLISHED if comment.is_visible else Action.HELD,
                reason=", ".join(comment.hold_reason_labels())[:255],
            )
        self.comments[step.page.pk, spec["key"]] = comment.pk
        return comment.pk

    def hold_reasons(self, comment: PublicComment, extra: list[dict]) -> list[dict]:
        """What ``comments.rules.evaluate`` would have recorded for an anonymous reader."""
        reasons = []
        if self.rules.premoderate_anonymous:
            reasons.append({"code": str(HoldReason.PREMODERATION), "detail": ""})
        reasons += content_reasons(comment, self.rules)
        reasons += [
            {"code": str(HoldReason(item["code"])), "detail": item.get("detail", "")}
            for item in extra
        ]
        return reasons

    def approve_first(self, step: Step) -> int:
        comment = self.fresh(step)
        moderation.approve(comment, self.actor)
        return self.decided(comment, step)

    def decide(self, step: Step) -> int:
        spec, comment = step.spec, self.fresh(step)
        note = spec.get("note", "")
        state = spec["state"]
        if state == Status.APPROVED:
            if comment.status != Status.APPROVED:
                moderation.approve(comment, self.actor)
        elif state == Status.REJECTED:
            reason = RejectionReason.objects.filter(title=spec["reason"]).first()
            moderation.reject(comment, self.actor, reason=reason, note=note, send_statement=False)
        elif state == Status.SPAM:
            moderation.mark_spam(comment, self.actor, note=note)
        elif state == Status.UNSURE:
            moderation.mark_unsure(comment, self.actor, note=note)
            return comment.pk
        else:
            raise CommandError(f"Demo-Kommentar {spec['key']}: unbekannter Status {state!r}.")
        return self.decided(comment, step)

    def decided(self, comment: PublicComment, step: Step) -> int:
        PublicComment.objects.filter(pk=comment.pk).update(decided_at=step.when)
        return comment.pk

    def report(self, step: Step) -> int:
        spec, comment = step.spec, self.fresh(step)
        filed = CommentReport.objects.create(
            comment=comment,
            reason=spec["reason"],
            explanation=spec["explanation"],
            reporter_name=spec["name"],
            reporter_email=spec["email"],
            good_faith=True,
            created_at=step.when,
        )
        moderation.log(
            comment, Action.REPORTED, reason=filed.get_reason_display(), note=filed.explanation
        )
        return comment.pk

    def edit(self, step: Step) -> int:
        comment = self.fresh(step)
        moderation.edit(comment, self.actor, step.spec["text"], note=step.spec["note"])
        PublicComment.objects.filter(pk=comment.pk).update(edited_at=step.when)
        return comment.pk


def describe(sizes: dict[str, int]) -> str:
    total = sum(sizes[status] for status in Status.values)
    parts = [
        f"{sizes[Status.APPROVED]} freigegeben",
        f"{sizes[Status.PENDING]} wartend",
        f"{sizes[Status.UNSURE]} unsicher",
        f"{sizes[Status.REJECTED]} abgelehnt",
        f"{sizes[Status.SPAM]} Spam",
        f"{sizes['reported']} gemeldet",
    ]
    return f"{total} ({', '.join(parts)})"
