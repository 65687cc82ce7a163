"""factory_boy factories for press releases and contacts, shared by tests and load_demo."""

import factory
import wagtail_factories
from django.utils import timezone

from press import models


class PressContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PressContact

    name = factory.Sequence(lambda n: f"Pressekontakt {n}")
    role = "Pressesprecherin"
    phone = "0345 000000"
    email = factory.Sequence(lambda n: f"presse{n}@example.org")


class PressReleaseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.PressReleaseIndexPage

    title = "Presse"
    slug = "presse"


class PressReleasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.PressReleasePage
        # The contacts hook saves its own rows; the page needs no second save.
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Pressemitteilung {n}")
    date = factory.LazyFunction(timezone.localdate)
    place = "Halle (Saale)"
    lead = "Das Landesnetzwerk nimmt Stellung."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Text der Mitteilung.</p>")])

    @factory.post_generation
    def contacts(obj, create, extracted, **kwargs):
        # Pass contacts=[PressContact, ...]; by default one contact is attached.
        if not create:
            return
        contacts = extracted if extracted is not None else [PressContactFactory()]
        for contact in contacts:
            models.PressReleaseContact.objects.create(page=obj, contact=contact)
