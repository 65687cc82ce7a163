"""Starter rejection reasons with statement texts; moderators edit them as snippets."""

from django.db import migrations

REASONS = [
    (
        "Beleidigung oder Bedrohung",
        "rules",
        "Ihr Kommentar enthält Beleidigungen oder Drohungen gegen Personen. Unsere "
        "Diskussionsregeln erlauben Kritik in der Sache, aber keine Herabsetzung von Menschen.",
    ),
    (
        "Hetze oder Diskriminierung",
        "rules",
        "Ihr Kommentar wertet Menschen wegen ihrer Herkunft, Religion, Hautfarbe, ihres "
        "Geschlechts oder einer anderen Gruppenzugehörigkeit pauschal ab. Das lassen unsere "
        "Diskussionsregeln nicht zu.",
    ),
    (
        "Möglicherweise strafbarer Inhalt",
        "law",
        "Ihr Kommentar enthält nach unserer Prüfung Inhalte, die gegen deutsches Recht "
        "verstoßen können (zum Beispiel §§ 130, 185 oder 241 StGB). Wir veröffentlichen ihn "
        "deshalb nicht.",
    ),
    (
        "Angriff auf namentlich genannte Personen",
        "rules",
        "Ihr Kommentar greift namentlich genannte Personen persönlich an. Bitte richten Sie "
        "Kritik an unsere Arbeit und unsere Positionen, nicht an einzelne Menschen.",
    ),
    (
        "Kein Bezug zum Thema / Wahlwerbung",
        "rules",
        "Ihr Kommentar hat keinen Bezug zur Pressemitteilung oder wirbt für eine Partei oder "
        "Kampagne. Unsere Kommentarspalte dient der Diskussion des jeweiligen Themas.",
    ),
    (
        "Werbung oder Spam",
        "rules",
        "Ihr Kommentar wurde als Werbung oder automatisch erzeugter Beitrag eingestuft.",
    ),
    (
        "Persönliche Daten Dritter",
        "rules",
        "Ihr Kommentar enthält persönliche Daten anderer Menschen (etwa Adressen oder "
        "Telefonnummern). Zum Schutz dieser Personen veröffentlichen wir ihn nicht.",
    ),
]


def create(apps, schema_editor):
    RejectionReason = apps.get_model("comments", "RejectionReason")
    for order, (title, ground, statement) in enumerate(REASONS):
        RejectionReason.objects.get_or_create(
            title=title, defaults={"ground": ground, "statement": statement, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
