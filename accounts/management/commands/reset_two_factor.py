"""manage.py reset_two_factor USERNAME: for when the last administrator loses their phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import reset_devices


class Command(BaseCommand):
    """Remove every authenticator app and recovery code of one user.

    The admin's own reset (Benutzer → Zwei-Faktor-Anmeldung zurücksetzen) needs an
    administrator who can still sign in; this is the way back in when nobody can.
    Like the admin's, the reset goes to Wagtail's audit log (by nobody, via the
    command). The user sets up a new app at the next sign-in.
    """

    help = "Entfernt Authenticator-Apps und Wiederherstellungscodes eines Kontos."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"Kein Konto mit dem Benutzernamen {username!r}.") from error
        removed = reset_devices(user, via="manage.py reset_two_factor")
        self.stdout.write(
            f"Zwei-Faktor-Anmeldung von {username} zurückgesetzt ({removed} Geräte entfernt); "
            "bei der nächsten Anmeldung wird eine neue App eingerichtet."
        )
