"""The translators' status overview in the admin (*Übersetzungen*) and its one-click actions.

A table of every German page (rows) against every other language (columns);
each cell shows the state from ``home.translation_status`` (missing, outdated,
machine draft, up to date) and what the user may do about it:

*Übersetzung anlegen* (missing)
    Creates the translation in that one language as an unpublished draft and
    opens wagtail-localize's translation editor. Not wagtail-localize's own
    "Translate this page" form: that offers every language to anyone with its
    ``submit_translation`` permission and publishes the copy at once when the
    original is live (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``), so a
    translator of Arabic could put German text online under /en/. Here the user
    needs the right to add pages under the translated parent page. The
    translation source is re-read only if the German content changed, since a
    sync makes the other languages' translations older than their source.
    Creating a home or section page runs ``setup_roles`` (rights, workflow).
*Synchronisieren* (outdated)
    What wagtail-localize's "Sync translated pages" does without "Publish
    immediately": the translation source is re-read from the German page, so
    the editor shows the new and changed strings. In addition the translation
    gets a draft revision built from the new source and the strings translated
    so far (untranslated ones stay German), so the page's history shows the
    sync and the press workflow has something to approve. Nothing is published
    and a live translation's public version is not touched: wagtail-localize's
    own ``create_or_update_translation(publish=False)`` writes the page row,
    which is what readers see, so it is used only for translations that are
    not live.
*Übersetzen / Bearbeiten*
    The translated page's edit view, which wagtail-localize replaces with its
    translation editor.
*Als geprüft markieren* (machine draft)
    A person confirms the machine translator's strings without editing each;
    they become "manual" (see ``home.translation_status``).
*Zur Freigabe einreichen*
    For translations under a workflow (press releases): saves the draft as
    above and starts the workflow, since wagtail-localize's editor only offers
    "Publish", which translators do not have.

Everyone with rights on pages and every translator sees the overview; the
actions appear only where the user has the rights on the translated page (or,
for a new translation, on its parent). The whole table costs a fixed number of
queries, whatever the number of pages and languages.
"""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page, WorkflowPage, WorkflowState
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from home import roles
from home.translation_status import (
    CURRENT,
    MACHINE,
    MISSING,
    NOT_PUBLISHED,
    OUTDATED,
    SOURCE_CHANGED,
    translation_cells,
)

ROWS_PER_PAGE = 50
STATE_LABELS = {
    MISSING: gettext_lazy("fehlt"),
    OUTDATED: gettext_lazy("veraltet"),
    MACHINE: gettext_lazy("maschinell, ungeprüft"),
    CURRENT: gettext_lazy("aktuell"),
}
REASON_LABELS = {
    SOURCE_CHANGED: gettext_lazy("Original seit der letzten Synchronisierung geändert"),
    NOT_PUBLISHED: gettext_lazy("synchronisiert, aber noch nicht veröffentlicht"),
}


# --- who may do what ------------------------------------------------------------------


def can_view_overview(user) -> bool:
    """Users with rights on pages, and translators (the general group or a language's)."""
    if not user.is_active or not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or page_permission_policy.user_has_any_permission(user, {"add", "change", "publish"})
        or roles.is_translator(user)
    )


def _overview_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_view_overview(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _actions_on(user, page_path: str) -> set[str]:
    """The page actions (add, change, publish...) ``user`` has at ``page_path``, without queries.

    Wagtail caches a user's page permissions on the user object; the views
    check again with ``page.permissions_for_user`` before acting.
    """
    if user.is_superuser:
        return {"add", "change", "publish"}
    return {
        permission.permission.codename.rsplit("_", 1)[0]
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
        if page_path.startswith(permission.page.path)
    }


# --- the table -------------------------------------------------------------------------


@dataclass
class Cell:
    locale: Locale
    state: str
    reason: str
    page: Page | None
    label: str
    reason_label: str = ""
    edit_url: str = ""
    can_create: bool = False
    can_edit: bool = False
    can_sync: bool = False
    can_submit: bool = False
    in_moderation: bool = False
    # Strings of the source and how many of them are translated (synced translations).
    strings: int = 0
    translated_strings: int = 0

    @property
    def incomplete(self) -> bool:
        return self.translated_strings < self.strings


@dataclass
class Row:
    page: Page
    type_name: str
    section: Page | None
    cells: list[Cell]


def _target_locales():
    order = [code for code, _name in settings.LANGUAGES]
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).filter(
        language_code__in=order
    )
    return sorted(locales, key=lambda locale: order.index(locale.language_code))


def _progress(source_pages, locales) -> dict[tuple[str, int], tuple[int, int]]:
    """{(translation key, locale pk): (strings, translated strings)} in two queries.

    Counted like wagtail-localize's ``Translation.get_progress()``: a string
    segment of the current source with a translation without errors.
    """
    keys = {page.translation_key for page in source_pages}
    segments = list(
        StringSegment.objects.filter(
            source__object_id__in=keys, source__locale_id__in={p.locale_id for p in source_pages}
        ).values_list("source__object_id", "string_id", "context_id")
    )
    done = set(
        StringTranslation.objects.filter(
            context__object_id__in=keys, locale__in=locales, has_error=False
        ).values_list("translation_of_id", "context_id", "locale_id")
    )
    progress = {}
    for locale in locales:
        for key, string_id, context_id in segments:
            total, translated = progress.get((key, locale.pk), (0, 0))
            progress[(key, locale.pk)] = (
                total + 1,
                translated + ((string_id, context_id, locale.pk) in done),
            )
    return progress


def _workflow_paths() -> list[str]:
    return list(
        WorkflowPage.objects.filter(workflow__active=True).values_list("page__path", flat=True)
    )


def build_rows(user, source_pages, locales, cells=None) -> list[Row]:
    """The overview's rows for ``source_pages`` × ``locales``, in a fixed number of queries.

    ``cells`` may hold ``translation_cells()`` for these pages (and more) already.
    """
    source_pages = list(source_pages)
    if cells is None:
        cells = translation_cells(source_pages, locales)
    translated = Page.objects.in_bulk(
        [cell.page_id for cell in cells.values() if cell.page_id is not None]
    )
    enabled = set(
        Translation.objects.filter(
            source__object_id__in={page.translation_key for page in source_pages},
            enabled=True,
        ).values_list("source__object_id", "target_locale_id")
    )
    in_moderation = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in translated],
        )
        .values_list("object_id", flat=True)
    )
    workflow_paths = _workflow_paths()
    progress = _progress(source_pages, locales)

    # Where a missing translation would go: the parent's page in that language.
    steplen = Page.steplen
    parents = {
        page.path: page
        for page in Page.objects.filter(
            path__in={page.path[:-steplen] for page in source_pages if page.depth > 2}
        )
    }
    parent_translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in={page.translation_key for page in parents.values()},
            locale__in=locales,
        )
    }
    sections = {
        page.path: page
        for page in Page.objects.filter(
            depth=3, locale_id__in={page.locale_id for page in source_pages}
        )
    }

    rows = []
    for page in source_pages:
        parent = parents.get(page.path[:-steplen])
        row_cells = []
        for locale in locales:
            cell = cells[(page.pk, locale.pk)]
            target = translated.get(cell.page_id)
            item = Cell(
                locale=locale,
                state=cell.state,
                reason=cell.reason,
                page=target,
                label=STATE_LABELS[cell.state],
                reason_label=REASON_LABELS.get(cell.reason, ""),
            )
            if target is None:
                target_parent = parent and parent_translations.get(
                    (parent.translation_key, locale.pk)
                )
                item.can_create = (
                    target_parent is not None and "add" in _actions_on(user, target_parent.path)
                ) or user.is_superuser
            else:
                actions = _actions_on(user, target.path)
                item.can_edit = "change" in actions
                item.edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
                item.can_sync = item.can_edit and (page.translation_key, locale.pk) in enabled
                if (page.translation_key, locale.pk) in enabled:
                    item.strings, item.translated_strings = progress.get(
                        (page.translation_key, locale.pk), (0, 0)
                    )
                if item.incomplete and item.state in (CURRENT, MACHINE):
                    # Up to date with the source, but some strings still show German.
                    item.label = _("%(state)s, unvollständig") % {"state": item.label}
                item.in_moderation = str(target.pk) in in_moderation
                under_workflow = any(target.path.startswith(p) for p in workflow_paths)
                item.can_submit = (
                    item.can_sync
                    and under_workflow
                    and "publish" not in actions
                    and not item.in_moderation
                )
            row_cells.append(item)
        rows.append(
            Row(
                page=page,
                type_name=_type_name(page),
                section=sections.get(page.path[: steplen * 3]),
                cells=row_cells,
            )
        )
    return rows


def _type_name(page) -> str:
    return _content_type_name(page.content_type_id)


def _content_type_name(content_type_id: int) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name) if model else "?"


def _query_string(params: dict, **changes) -> str:
    merged = {**params, **changes}
    return "?" + urlencode({key: value for key, value in merged.items() if value})


@_overview_required
def overview(request):
    """Page × language with the state of each translation; filters; actions per cell."""
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    all_locales = _target_locales()
    params = {
        "sprache": request.GET.get("sprache", ""),
        "zustand": request.GET.get("zustand", ""),
        "typ": request.GET.get("typ", ""),
        "bereich": request.GET.get("bereich", ""),
    }
    locales = [locale for locale in all_locales if locale.language_code == params["sprache"]]
    locales = locales or all_locales
    if not locales:
        params["sprache"] = ""

    pages = Page.objects.filter(locale=default_locale, depth__gt=1, alias_of__isnull=True)
    sections = list(
        Page.objects.filter(locale=default_locale, depth=3, alias_of__isnull=True).order_by("path")
    )
    type_ids = sorted(set(pages.values_list("content_type_id", flat=True)))
    types = sorted(((str(pk), _content_type_name(pk)) for pk in type_ids), key=lambda t: t[1])
    if params["typ"].isdigit():
        pages = pages.filter(content_type_id=int(params["typ"]))
    section = next((s for s in sections if str(s.pk) == params["bereich"]), None)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    pages = list(pages.order_by("path"))

    states = translation_cells(pages, locales) if locales else {}
    counts = [
        (
            locale,
            [
                (state, label, sum(states[(p.pk, locale.pk)].state == state for p in pages))
                for state, label in STATE_LABELS.items()
            ],
        )
        for locale in locales
    ]
    if params["zustand"] in STATE_LABELS:
        pages = [
            page
            for page in pages
            if any(states[(page.pk, locale.pk)].state == params["zustand"] for locale in locales)
        ]

    page_obj = Paginator(pages, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    rows = build_rows(request.user, page_obj.object_list, locales, cells=states)
    return_path = reverse("translation_admin:overview") + _query_string(
        params, p=page_obj.number if page_obj.number > 1 else ""
    )
    return render(
        request,
        "home/translation_admin/overview.html",
        {
            "rows": rows,
            "locales": locales,
            "all_locales": all_locales,
            "counts": counts,
            "state_labels": STATE_LABELS,
            "sections": sections,
            "types": types,
            "params": params,
            "page_obj": page_obj,
            "return_path": return_path,
            "filtered": any(params.values()),
            "previous_url": _query_string(params, p=page_obj.previous_page_number())
            if page_obj.has_previous()
            else "",
            "next_url": _query_string(params, p=page_obj.next_page_number())
            if page_obj.has_next()
            else "",
        },
    )


# --- actions ---------------------------------------------------------------------------


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("translation_admin:overview")


def _source_and_locale(page_id: int, language_code: str):
    page = get_object_or_404(Page, pk=page_id).specific
    locale = get_object_or_404(Locale, language_code=language_code)
    if locale.pk == page.locale_id:
        raise PermissionDenied
    return page, locale


def _translation_of(page, locale) -> Page | None:
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale=locale, alias_of__isnull=True
        )
        .specific()
        .first()
    )


def save_translation_draft(translation: Translation, user=None):
    """Save the translation's page as a draft built from the source and today's strings.

    Returns the new revision. A live translation keeps its public version: the
    draft goes into a revision only (see the module docstring).
    """
    source, locale = translation.source, translation.target_locale
    target = source.get_translated_instance(locale)
    if not target.live:
        target, _created = source.create_or_update_translation(
            locale, user=user, publish=False, fallback=True
        )
        return target.get_latest_revision()
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    revision = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return revision


@require_POST
@_overview_required
@transaction.atomic
def create(request, page_id, language_code):
    """*Übersetzung anlegen*: a draft translation into one language, then the editor."""
    page, locale = _source_and_locale(page_id, language_code)
    if _translation_of(page, locale) is not None:
        messages.info(request, _("Diese Übersetzung gibt es schon."))
        return _back(request)
    parent = page.get_parent()
    target_parent = parent.get_translation_or_none(locale) if parent else None
    if target_parent is None and not request.user.is_superuser:
        messages.error(
            request,
            _("Zuerst die übergeordnete Seite „%(title)s“ übersetzen.")
            % {"title": parent.get_admin_display_title() if parent else ""},
        )
        return _back(request)
    if not request.user.is_superuser and not (
        target_parent.permissions_for_user(request.user).can_add_subpage()
    ):
        raise PermissionDenied

    # Re-read the original only if it changed: every sync makes the other
    # languages' translations older than their source (home.translation_status).
    source, _created = TranslationSource.update_or_create_from_instance(page)
    Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    target, _created = source.create_or_update_translation(
        locale,
        user=request.user,
        publish=False,
        fallback=True,
        copy_parent_pages=request.user.is_superuser,
    )
    if _grants_rights(page):
        roles.setup_roles()
    messages.success(
        request,
        _("„%(title)s“ als Entwurf auf %(language)s angelegt.")
        % {"title": page.get_admin_display_title(), "language": locale.get_display_name()},
    )
    return redirect("wagtailadmin_pages:edit", target.pk)


def _grants_rights(page) -> bool:
    """Whether setup_roles hangs rights or the workflow on pages of this type."""
    labels = {label for role in roles.managed_roles() for label in role.pages}
    labels.add("press.PressReleaseIndexPage")
    return page.specific_class._meta.label in labels


def _target_for_action(request, page_id, language_code):
    """The translated page the action is about, if the user may edit it."""
    page, locale = _source_and_locale(page_id, language_code)
    target = _translation_of(page, locale)
    if target is None:
        messages.error(request, _("Diese Übersetzung gibt es nicht."))
    elif not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page, target


def _synced_translation(request, page, target) -> Translation | None:
    """wagtail-localize's record of the translation, if it is still synchronised."""
    translation = Translation.objects.filter(
        source__object_id=page.translation_key,
        source__locale_id=page.locale_id,
        target_locale_id=target.locale_id,
        enabled=True,
    ).first()
    if translation is None:
        messages.error(
            request,
            _(
                "„%(title)s“ wird auf %(language)s nicht synchronisiert "
                "(ohne wagtail-localize angelegt oder im Editor von Hand übernommen)."
            )
            % {
                "title": target.get_admin_display_title(),
                "language": target.locale.get_display_name(),
            },
        )
    return translation


@require_POST
@_overview_required
@transaction.atomic
def sync(request, page_id, language_code):
    """*Synchronisieren*: re-read the German page, save the translation as a draft; no publish."""
    page, target = _target_for_action(request, page_id, language_code)
    translation = target and _synced_translation(request, page, target)
    if translation is None:
        return _back(request)
    translation.source.update_from_db()
    translation.source.update_target_view_restrictions(translation.target_locale)
    save_translation_draft(translation, request.user)
    messages.success(
        request,
        _(
            "„%(title)s“ (%(language)s) synchronisiert. Neue und geänderte Texte im "
            "Übersetzungseditor übersetzen, dann veröffentlichen oder zur Freigabe einreichen."
        )
        % {
            "title": target.get_admin_display_title(),
            "language": translation.target_locale.get_display_name(),
        },
    )
    return _back(request)


@require_POST
@_overview_required
@transaction.atomic
def mark_reviewed(request, page_id, language_code):
    """*Als geprüft markieren*: the machine translator's strings were read by a person."""
    _page, target = _target_for_action(request, page_id, language_code)
    if target is None:
        return _back(request)
    count = StringTranslation.objects.filter(
        context__object_id=target.translation_key,
        locale=target.locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=request.user,
        updated_at=timezone.now(),
    )
    messages.success(
        request,
        _("%(count)d maschinell übersetzte Texte von „%(title)s“ als geprüft markiert.")
        % {"count": count, "title": target.get_admin_display_title()},
    )
    return _back(request)


@require_POST
@_overview_required
@transaction.atomic
def submit(request, page_id, language_code):
    """*Zur Freigabe einreichen*: the translation as a draft into its workflow (press releases)."""
    page, target = _target_for_action(request, page_id, language_code)
    translation = target and _synced_translation(request, page, target)
    if translation is None:
        return _back(request)
    workflow = target.get_workflow()
    if workflow is None or target.workflow_in_progress:
        messages.error(request, _("Für diese Seite gibt es keine Freigabe oder sie läuft schon."))
        return _back(request)
    save_translation_draft(translation, request.user)
    workflow.start(target, request.user)
    messages.success(
        request,
        _("„%(title)s“ (%(language)s) zur Freigabe eingereicht: %(workflow)s.")
        % {
            "title": target.get_admin_display_title(),
            "language": translation.target_locale.get_display_name(),
            "workflow": workflow.name,
        },
    )
    return _back(request)


app_name = "translation_admin"
urlpatterns = [
    path("", overview, name="overview"),
    path("<int:page_id>/<str:language_code>/anlegen/", create, name="create"),
    path("<int:page_id>/<str:language_code>/synchronisieren/", sync, name="sync"),
    path("<int:page_id>/<str:language_code>/geprueft/", mark_reviewed, name="reviewed"),
    path("<int:page_id>/<str:language_code>/einreichen/", submit, name="submit"),
]
