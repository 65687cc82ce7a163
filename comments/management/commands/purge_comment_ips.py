"""Delete IP addresses of comments older than the retention period (DSGVO; run daily)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Site

from comments.models import CommentRules, PublicComment


class Command(BaseCommand):
    help = "Löscht IP-Adressen von Kommentaren, die älter als die Aufbewahrungsfrist sind."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        days = CommentRules.for_site(site).ip_retention_days if site else 7
        cutoff = timezone.now() - timedelta(days=days)
        purged = (
            PublicComment.objects.filter(submit_date__lt=cutoff)
            .exclude(ip_address=None)
            .update(ip_address=None)
        )
        self.stdout.write(f"IP-Adressen gelöscht: {purged} (älter als {days} Tage)")
