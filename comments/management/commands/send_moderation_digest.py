"""E-mail the moderators when comments wait: queue sizes, the oldest waiting comment, the desk link.

Run it from cron or a systemd timer (e.g. every morning, or hourly on busy
days). Nothing is sent while no comment waits and nothing is reported, so the
schedule can be generous without flooding anyone's inbox.
"""

from django.core.management.base import BaseCommand
from django.db.models import Min
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comments import moderation
from comments.models import PublicComment, Status


class Command(BaseCommand):
    help = "Schickt der Moderation eine E-Mail, wenn Kommentare warten (neu, unsicher, gemeldet)."

    def handle(self, *args, **options):
        sizes = moderation.queue_sizes()
        waiting = sizes[Status.PENDING] + sizes[Status.UNSURE] + sizes["reported"]
        if not waiting:
            self.stdout.write(_("Keine Kommentare warten; keine E-Mail verschickt."))
            return
        oldest = PublicComment.objects.waiting().aggregate(oldest=Min("submit_date"))["oldest"]
        digest = {
            "pending": sizes[Status.PENDING],
            "unsure": sizes[Status.UNSURE],
            "reported": sizes["reported"],
            "oldest": oldest,
        }
        subject = ngettext(
            "Moderation: %(count)d Kommentar wartet",
            "Moderation: %(count)d Kommentare warten",
            waiting,
        ) % {"count": waiting}
        # alert_moderators() adds desk_url; the template reads the numbers either
        # at the top level or from ``sizes``.
        notified = moderation.alert_moderators(
            subject,
            "comments/email/moderation_digest.txt",
            {
                **digest,
                "sizes": {**digest, "desk_url": moderation.absolute(reverse("comment_desk:queue"))},
            },
        )
        self.stdout.write(
            ngettext(
                "%(count)d Person aus der Moderation benachrichtigt.",
                "%(count)d Personen aus der Moderation benachrichtigt.",
                notified,
            )
            % {"count": notified}
        )
