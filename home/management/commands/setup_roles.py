"""Create or reset the user groups, their permissions and the press workflow."""

from django.core.management.base import BaseCommand

from home.roles import role_descriptions, setup_roles


class Command(BaseCommand):
    help = "Create or reset the user groups, their permissions and the press workflow."

    def handle(self, *args, **options):
        setup_roles()
        for name, description in role_descriptions().items():
            self.stdout.write(f"  {name}: {description}")
        self.stdout.write(self.style.SUCCESS("Rollen und Freigabe-Workflow eingerichtet."))
