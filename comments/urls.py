"""Public comment URLs, mounted at /kommentare/ (config/urls.py)."""

from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("senden/", views.post_comment, name="post"),
    path("gesendet/<str:token>/", views.sent, name="sent"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/melden/", views.report, name="report"),
]
