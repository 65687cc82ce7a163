from wagtail import hooks

from files import views

# Documents follow their pages: Wagtail's serve view asks this hook first.
hooks.register("before_serve_document", views.check_document)
