"""User groups, their permissions, the site's locales and the press workflow, set up idempotently.

Run ``manage.py setup_roles`` after migrating (``load_demo`` and ``make run`` do).
Page permissions are granted on the section pages, so run it again after
creating a section page by hand. Every run resets the managed groups to exactly
the permissions defined here, so a hand-made change in the admin that gives an
editor the right to publish a release is undone on the next deployment.

Languages. Every run makes sure a Wagtail ``Locale`` exists for every code in
``settings.LANGUAGES`` (``SITE_LANGUAGES``), so adding ``tr`` there and running
``setup_roles`` adds Turkish; a language removed from the settings keeps its
locale and content. Each language but German, the source, gets a translators'
group "Übersetzung: <language> (<code>)" whose members may add and edit pages in
that language's tree and nowhere else: the rights sit on the home page of that
locale. That home page exists only once somebody has translated the German one,
so run ``setup_roles`` again afterwards (``load_demo`` does; the status
overview's "Übersetzung anlegen" does it when it creates a home or section page).
Translators never publish: the section owners (Redaktion, Pressestelle) have
their rights on the section pages of every language, and a translated release
goes through the press workflow like a German one.

Translators do not get wagtail-localize's ``submit_translation`` permission: its
form offers every language and publishes the new page at once when the source
is live, which would let an Arabic translator create English pages. They create
translations from the status overview (``home.translation_admin``), which checks
the rights on the target language's tree. Snippets (press contacts, vocabularies)
have no per-language permissions in Wagtail, so their translations stay with
the groups that own them.

The general group "Übersetzung" stays: admin access and the status overview, no
page rights. It is for people who coordinate translations; give translators
their language's group (alone or in addition).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

PRESS_OFFICE = "Pressestelle"
EDITORS = "Redaktion"
MODERATORS = "Moderation"
TRANSLATORS = "Übersetzung"
MEMBERS = "Mitglieder"
BOARD = "Vorstand"

# Wagtail's initial migration creates these; they would give page rights on the
# whole tree, which our roles must not have.
WAGTAIL_DEFAULT_GROUPS = {"Editors": EDITORS, "Moderators": MODERATORS}

PRESS_WORKFLOW = "Freigabe Pressemitteilung"
REVIEW_TASK = "Fachliche Prüfung"
APPROVAL_TASK = "Freigabe durch die Pressestelle"

PUBLISHING = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
DRAFTING = ("add_page",)
# Translators add and edit pages of their language; publishing stays with the
# section owners and the press workflow.
TRANSLATING = ("add_page", "change_page")
MEDIA = ("add", "change", "choose")
# Promoted search results and the report of searches without results (Berichte →
# Suchen ohne Treffer), for the press office and the editors alike.
SITE_SEARCH = {
    "wagtailsearchpromotions.SearchPromotion": ("add", "change", "delete", "view"),
    "site_search.ZeroResultQuery": ("view", "delete"),
}


@dataclass
class Role:
    name: str
    admin: bool = False
    # page type label -> page permission codenames on every page of that type
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "app_label.model" -> model permission codename prefixes (add, change, delete, view)
    models: dict[str, tuple[str, ...]] = field(default_factory=dict)
    media: bool = False
    # Limits ``pages`` to the pages of this language (a translators' group).
    language_code: str | None = None


ROLES = [
    Role(
        PRESS_OFFICE,
        admin=True,
        pages={"press.PressReleaseIndexPage": PUBLISHING},
        models={
            "press.PressContact": ("add", "change", "delete"),
            "home.Topic": ("add", "change"),
            **SITE_SEARCH,
        },
        media=True,
    ),
    Role(
        EDITORS,
        admin=True,
        pages={
            # Editors may draft releases and submit them; only the press office publishes.
            "press.PressReleaseIndexPage": DRAFTING,
            "home.ProjectIndexPage": PUBLISHING,
            "home.MemberDirectoryPage": PUBLISHING,
            "home.EventIndexPage": PUBLISHING,
            "home.ArticleIndexPage": PUBLISHING,
        },
        models={
            "home.Topic": ("add", "change"),
            "home.Language": ("add", "change"),
            "home.FocusArea": ("add", "change"),
            **SITE_SEARCH,
        },
        media=True,
    ),
    # Moderators work the comment desk and edit its rules and rejection
    # reasons; they have no rights on pages, images or documents.
    Role(
        MODERATORS,
        admin=True,
        models={
            "comments.PublicComment": ("moderate",),
            "comments.CommentRules": ("change",),
            "comments.RejectionReason": ("add", "change", "delete"),
        },
    ),
    # Coordinators of translations: the status overview, no page rights (see above).
    Role(TRANSLATORS, admin=True),
    Role(MEMBERS),
    Role(BOARD),
]


def translator_group_name(language_code: str) -> str:
    """ "Übersetzung: English (en)": named in the language itself, as in the switcher."""
    names = dict(settings.LANGUAGES)
    return f"{TRANSLATORS}: {names.get(language_code, language_code)} ({language_code})"


def translation_languages() -> list[str]:
    """The codes of the languages translated into: every site language but German."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translator_roles() -> list[Role]:
    """One translators' group per target language, with rights on that language's tree only."""
    return [
        Role(
            translator_group_name(code),
            admin=True,
            pages={"home.HomePage": TRANSLATING},
            language_code=code,
        )
        for code in translation_languages()
    ]


def managed_roles() -> list[Role]:
    """Every group setup_roles manages, the translators' groups of today's languages included."""
    return [*ROLES, *translator_roles()]


def translator_languages(user) -> set[str]:
    """The codes of the languages ``user`` translates into, by their translators' groups."""
    names = {translator_group_name(code): code for code in translation_languages()}
    return {names[name] for name in user.groups.values_list("name", flat=True) if name in names}


def is_translator(user) -> bool:
    """Member of the general translators' group or of a language's group."""
    names = {TRANSLATORS, *(translator_group_name(code) for code in translation_languages())}
    return user.groups.filter(name__in=names).exists()


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _reset_group(role: Role) -> Group:
    group, _created = Group.objects.get_or_create(name=role.name)
    permissions = []
    if role.admin:
        permissions.append(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    for label, prefixes in role.models.items():
        model = _model(label)
        content_type = ContentType.objects.get_for_model(model)
        permissions += [
            Permission.objects.get(
                content_type=content_type, codename=f"{prefix}_{model._meta.model_name}"
            )
            for prefix in prefixes
        ]
    group.permissions.set(permissions)

    GroupPagePermission.objects.filter(group=group).delete()
    for label, codenames in role.pages.items():
        pages = _model(label).objects.all()
        if role.language_code is not None:
            pages = pages.filter(locale__language_code=role.language_code)
        for page in pages:
            for codename in codenames:
                GroupPagePermission.objects.create(
                    group=group, page=page, permission=_page_permission(codename)
                )

    GroupCollectionPermission.objects.filter(group=group).delete()
    if role.media:
        root = Collection.get_first_root_node()
        # Wagtail checks image permissions against its own Image model, also for
        # custom image models.
        for model_label in ("wagtailimages.Image", "wagtaildocs.Document"):
            model = _model(model_label)
            content_type = ContentType.objects.get_for_model(model)
            for prefix in MEDIA:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root,
                    permission=Permission.objects.get(
                        content_type=content_type, codename=f"{prefix}_{model._meta.model_name}"
                    ),
                )
    return group


def ensure_locales() -> list[Locale]:
    """A Wagtail locale for every site language (settings.LANGUAGES), in their order."""
    return [
        Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    ]


def _retire_wagtail_default_groups():
    for old_name, new_name in WAGTAIL_DEFAULT_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = Group.objects.get(name=new_name)
        for user in old.user_set.all():
            user.groups.add(new)
        GroupApprovalTask.objects.filter(groups=old).update(active=False)
        old.delete()
    # Wagtail's default "Moderators approval" workflow covers the whole tree.
    for workflow in Workflow.objects.exclude(name=PRESS_WORKFLOW).filter(active=True):
        workflow.deactivate()


def _press_workflow():
    from press.models import PressReleaseIndexPage

    workflow, _created = Workflow.objects.get_or_create(name=PRESS_WORKFLOW)
    workflow.active = True
    workflow.save()
    steps = [
        (REVIEW_TASK, [EDITORS, PRESS_OFFICE]),
        (APPROVAL_TASK, [PRESS_OFFICE]),
    ]
    for order, (task_name, group_names) in enumerate(steps):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
        task.active = True
        task.save()
        task.groups.set(Group.objects.filter(name__in=group_names))
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    # Every language's press section: a translated release is approved like a German one.
    for page in PressReleaseIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_roles() -> list[Group]:
    """Create the site's locales; create or reset every managed group and the press workflow."""
    ensure_locales()
    groups = [_reset_group(role) for role in managed_roles()]
    _retire_wagtail_default_groups()
    _press_workflow()
    return groups


def role_descriptions():
    """Human-readable summary used by the command's output."""
    descriptions = {
        PRESS_OFFICE: _("Pressemitteilungen anlegen, bearbeiten, freigeben und veröffentlichen"),
        EDITORS: _("Projekte, Mitglieder, Termine, Artikel; Pressemitteilungen nur entwerfen"),
        MODERATORS: _("Leserkommentare moderieren, Kommentarregeln und Ablehnungsgründe pflegen"),
        TRANSLATORS: _("Übersetzungsstand einsehen; Sprachrechte über die Sprachgruppen"),
        MEMBERS: _("Mitgliederbereich lesen"),
        BOARD: _("Mitgliederbereich lesen"),
    }
    translated = set(
        _model("home.HomePage").objects.values_list("locale__language_code", flat=True)
    )
    for role in translator_roles():
        descriptions[role.name] = (
            _("Seiten dieser Sprache übersetzen und bearbeiten, nicht veröffentlichen")
            if role.language_code in translated
            else _("noch ohne Rechte: Startseite dieser Sprache fehlt (danach erneut ausführen)")
        )
    return descriptions
