"""The rules that hold a new comment for moderation, and German-aware term matching.

Each rule returns the reasons it fired; the comment records all of them so the
moderator sees why it waits. Rules never drop a comment: the worst outcome is
"held" (or "spam" for a filled honeypot, which still lands in the spam queue).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

import snowballstemmer
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from comments.models import CommentRules, HoldReason, PublicComment, RaidLock, Status

_stemmer = snowballstemmer.stemmer("german")

# Digits and signs people put in for letters to get past a word filter.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s", "!": "i", "€": "e"})  # fmt: skip
_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"}
# Single letters separated by dots, dashes, spaces or stars: "I.d.i.o.t", "h-u-r-e".
_SPACED = re.compile(r"\b(?:\w[\s.\-_*+]){2,}\w\b")
_TRAILING_BANG = re.compile(r"!+(?![a-z0-9])")
_REPEATS = re.compile(r"(.)\1{2,}")
_WORD = re.compile(r"[a-z]+")
URL_PATTERN = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case, fold umlauts and ß to their two-letter spellings, strip other accents."""
    text = text.casefold()
    text = "".join(_FOLD.get(char, char) for char in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalise(text: str) -> str:
    """What the term lists are matched against: folded, de-obfuscated text."""
    text = _SPACED.sub(lambda m: re.sub(r"[\s.\-_*+]", "", m.group()), text)
    # "!" ends sentences far more often than it stands for an i ("D!ck").
    text = _TRAILING_BANG.sub(" ", fold(text)).translate(_LEET)
    # "Iiiidiot" -> "iidiot": three or more repeats collapse to two (keeps "Boot").
    return _REPEATS.sub(r"\1\1", text)


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    # The pure-Python stemmer is slow, and every term stems every word again.
    return _stemmer.stemWord(word)


@dataclass(frozen=True)
class Term:
    """One entry of a term list, normalised once."""

    original: str
    stem: str
    whole_word: bool

    def matches(self, words: list[str]) -> bool:
        for word in words:
            if self.whole_word:
                if word == self.stem or _stem(word) == self.stem:
                    return True
            # A stem inside a word catches inflections ("Idioten") and compounds
            # ("Scheißidiot", "Idiotenpartei"); short stems only as whole words,
            # or "ass" would flag "Klasse".
            elif (len(self.stem) >= 4 and self.stem in word) or _stem(word) == self.stem:
                return True
        return False


@lru_cache(maxsize=32)
def parse_terms(raw: str) -> tuple[Term, ...]:
    terms = []
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        whole_word = line.startswith("=")
        word = normalise(line.lstrip("=").strip())
        if word:
            terms.append(Term(line.lstrip("=").strip(), _stem(word), whole_word))
    return tuple(terms)


def find_terms(text: str, raw_terms: str) -> list[str]:
    """The entries of a term list (one per line) that occur in ``text``."""
    terms = parse_terms(raw_terms)
    if not terms:
        return []
    words = _WORD.findall(normalise(text))
    return [term.original for term in terms if term.matches(words)]


@dataclass
class Verdict:
    """What the rules decided for a new comment."""

    status: str
    reasons: list[dict]
    new_raid_lock: RaidLock | None = None  # set when this comment tipped the page into a raid


def _reason(code: HoldReason, detail: str = "") -> dict:
    return {"code": str(code), "detail": detail}


def evaluate(comment: PublicComment, page, request, rules: CommentRules, honeypot: bool) -> Verdict:
    """Run every rule on an unsaved comment and say whether it may appear at once."""
    reasons: list[dict] = []
    if honeypot:
        return Verdict(Status.SPAM, [_reason(HoldReason.HONEYPOT)])

    is_member_of_staff = bool(comment.user_id and request.user.is_staff)
    if rules.premoderate_anonymous and not comment.user_id:
        reasons.append(_reason(HoldReason.PREMODERATION))
    if getattr(page, "comments_premoderate", False):
        reasons.append(_reason(HoldReason.PAGE_PREMODERATION))
    raid_locked = RaidLock.objects.filter(page_id=page.pk, lifted_at__isnull=True).exists()
    if raid_locked:
        reasons.append(_reason(HoldReason.RAID))

    reasons += content_reasons(comment, rules, trusted=is_member_of_staff)

    if _over_rate_limit(request, comment.user_email, rules):
        reasons.append(_reason(HoldReason.RATE_LIMIT))

    if not comment.email_confirmed:
        reasons.append(_reason(HoldReason.UNCONFIRMED))

    new_lock = None
    if not raid_locked and not PublicComment.objects.by_writer(comment.user_email).exists():
        lock, created = _detect_raid(page, rules)
        if lock:
            reasons.append(_reason(HoldReason.RAID))
        if created:
            new_lock = lock

    return Verdict(Status.PENDING if reasons else Status.APPROVED, reasons, new_lock)


def content_reasons(comment: PublicComment, rules: CommentRules, trusted=False) -> list[dict]:
    """The rules about the comment and its writer's record: terms, links, first time, duplicates.

    Used for every post and by the demo loader, which replays comments
    without a request.
    """
    reasons = []
    blocked = find_terms(comment.comment, rules.blocked_terms)
    if blocked:
        reasons.append(_reason(HoldReason.BLOCKED_TERM, ", ".join(blocked)))
    suspect = find_terms(comment.comment, rules.suspect_terms)
    if suspect:
        reasons.append(_reason(HoldReason.SUSPECT_TERM, ", ".join(suspect)))

    links = len(URL_PATTERN.findall(comment.comment))
    if links > rules.max_links:
        reasons.append(_reason(HoldReason.LINKS, str(links)))

    earlier = PublicComment.objects.by_writer(comment.user_email)
    if (
        rules.hold_first_time
        and not trusted
        and not earlier.filter(status=Status.APPROVED).exists()
    ):
        reasons.append(_reason(HoldReason.FIRST_TIME))

    since = (comment.submit_date or timezone.now()) - timedelta(hours=rules.duplicate_window_hours)
    if PublicComment.objects.filter(comment=comment.comment, submit_date__gte=since).exists():
        reasons.append(_reason(HoldReason.DUPLICATE))
    return reasons


def _over_rate_limit(request, email: str, rules: CommentRules) -> bool:
    """django-ratelimit counters per IP address and per e-mail address (cache, not database)."""
    rate = f"{rules.rate_limit_count}/{rules.rate_limit_minutes}m"
    by_ip = is_ratelimited(request, group="comments:ip", key="ip", rate=rate, increment=True)
    by_email = is_ratelimited(
        request,
        group="comments:email",
        key=lambda _group, _request: fold(email.strip()),
        rate=rate,
        increment=True,
    )
    return by_ip or by_email


def _detect_raid(page, rules: CommentRules) -> tuple[RaidLock | None, bool]:
    """A burst of first-time writers on one page: switch it to pre-moderation.

    Counts distinct e-mail addresses whose first comment anywhere landed on this
    page within the window; the comment being posted is the +1. Returns the
    page's open lock and whether this request opened it (and so alerts the
    moderators): of several requests of one burst that arrive together, the
    database lets exactly one open it (one open lock per page is a constraint).
    """
    if not rules.raid_new_writers:
        return None, False
    since = timezone.now() - timedelta(minutes=rules.raid_window_minutes)
    recent = (
        PublicComment.objects.for_page(page)
        .filter(submit_date__gte=since)
        .values_list("user_email", flat=True)
    )
    recent_writers = {fold(email) for email in recent}
    older = {
        fold(email)
        for email in PublicComment.objects.filter(submit_date__lt=since)
        .filter(user_email__in=list(recent))
        .values_list("user_email", flat=True)
    }
    new_writers = len(recent_writers - older) + 1
    if new_writers < rules.raid_new_writers:
        return None, False
    try:
        with transaction.atomic():
            return RaidLock.objects.create(page_id=page.pk, new_writers=new_writers), True
    except IntegrityError:
        # Another request of the same burst opened it a moment ago.
        return RaidLock.objects.filter(page_id=page.pk, lifted_at__isnull=True).first(), False
