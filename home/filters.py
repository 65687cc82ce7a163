"""Reader-facing filters of the project index and the member directory (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.models.districts import District
from home.models.projects import ProjectStatus
from home.models.taxonomy import FocusArea, Language, Topic


class LocaleFilterSet(django_filters.FilterSet):
    """A FilterSet whose vocabulary choices come from the page's locale."""

    vocabulary_fields: dict = {}

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in self.vocabulary_fields.items():
            queryset = model.objects.all()
            if locale is not None:
                queryset = queryset.filter(locale=locale)
            self.filters[name].queryset = queryset
            self.form.fields[name].queryset = queryset


class ProjectFilter(LocaleFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ProjectStatus.choices,
        method="filter_status",
        empty_label=_("Alle"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("Alle Themen"),
    )

    vocabulary_fields = {"topic": Topic}

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class MemberFilter(LocaleFilterSet):
    q = django_filters.CharFilter(
        label=_("Suche"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name oder Ort")}),
    )
    district = django_filters.ChoiceFilter(
        label=_("Landkreis / Stadt"),
        choices=District.choices,
        empty_label=_("Alle"),
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Sprache"),
        field_name="languages",
        to_field_name="slug",
        queryset=Language.objects.none(),
        empty_label=_("Alle Sprachen"),
    )
    focus = django_filters.ModelChoiceFilter(
        label=_("Schwerpunkt"),
        field_name="focus_areas",
        to_field_name="slug",
        queryset=FocusArea.objects.none(),
        empty_label=_("Alle Schwerpunkte"),
    )

    vocabulary_fields = {"language": Language, "focus": FocusArea}

    def filter_text(self, queryset, name, value):
        # A plain filter over the directory's own fields; full-text search across
        # the site is the search page's job.
        words = value.split()
        for word in words[:8]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(city__icontains=word) | Q(description__icontains=word)
            )
        return queryset
