from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django_comments_xtd import views as xtd_views
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail_footnotes import urls as footnotes_urls

from config.api import api_router
from files import views as files_views
from home import views as home_views
from home.sitemaps import TranslatedSitemap
from search import views as search_views
from security import converters  # noqa: F401 - registers <id:...> (1 to 2**63 - 1)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Images and documents follow the pages that use them (files/): every file
    # address passes the access check, in development too (no static() serving).
    re_path(
        rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", files_views.serve_media, name="media"
    ),
    # Wagtail's own pattern, with ids that fit the database's integer column.
    re_path(r"^documents/(\d{1,18})/(.*)$", files_views.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("footnotes/", include(footnotes_urls)),
    path("api/v2/", api_router.urls),
    # Every language's pages, each with its translations as alternates.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    # Language-neutral: the unsubscribe link of django-comments-xtd. Only it is
    # mounted; xtd's other views (posting, flagging, its API) would bypass the
    # moderation rules.
    path("kommentare/abbestellen/<str:key>/", xtd_views.mute, name="comments-xtd-mute"),
]

# What readers see is served per language: German, the source, without a
# prefix (addresses already given to the press stay valid), every other
# language under its code (/en/, /ar/...). LocaleMiddleware activates it.
urlpatterns += i18n_patterns(
    path("suche/", search_views.search, name="search"),
    path("suche/vorschlaege/", search_views.autocomplete, name="search_autocomplete"),
    path("kommentare/", include("comments.urls")),
    path(
        "anmelden/",
        auth_views.LoginView.as_view(template_name="registration/login.html"),
        name="login",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    # Where the language switcher leads when the page has no translation yet.
    path("nicht-uebersetzt/<id:page_id>/", home_views.untranslated, name="untranslated"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
