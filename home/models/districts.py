"""The districts (Landkreise) and district-free cities of Saxony-Anhalt."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.TextChoices):
    """The 11 districts and 3 district-free cities; a fixed list, not editable content."""

    ALTMARKKREIS_SALZWEDEL = "altmarkkreis-salzwedel", _("Altmarkkreis Salzwedel")
    ANHALT_BITTERFELD = "anhalt-bitterfeld", _("Anhalt-Bitterfeld")
    BOERDE = "boerde", _("Börde")
    BURGENLANDKREIS = "burgenlandkreis", _("Burgenlandkreis")
    HARZ = "harz", _("Harz")
    JERICHOWER_LAND = "jerichower-land", _("Jerichower Land")
    MANSFELD_SUEDHARZ = "mansfeld-suedharz", _("Mansfeld-Südharz")
    SAALEKREIS = "saalekreis", _("Saalekreis")
    SALZLANDKREIS = "salzlandkreis", _("Salzlandkreis")
    STENDAL = "stendal", _("Stendal")
    WITTENBERG = "wittenberg", _("Wittenberg")
    DESSAU_ROSSLAU = "dessau-rosslau", _("Dessau-Roßlau (kreisfreie Stadt)")
    HALLE = "halle", _("Halle (Saale) (kreisfreie Stadt)")
    MAGDEBURG = "magdeburg", _("Magdeburg (kreisfreie Stadt)")
