"""Public comment URLs, mounted at /kommentare/ (config/urls.py)."""

from django.urls import path

from comments import views
from security import converters  # noqa: F401 - registers <id:...> (1 to 2**63 - 1)

app_name = "comments"

urlpatterns = [
    path("senden/", views.post_comment, name="post"),
    path("gesendet/<str:token>/", views.sent, name="sent"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    # Only ids a database column can hold: a longer number answers 404, not an overflow.
    path("<id:pk>/", views.permalink, name="permalink"),
    path("<id:pk>/melden/", views.report, name="report"),
]
