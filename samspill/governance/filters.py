"""The query parameters of governance's lists, each parsed by a form (see clusters/filters.py):
a bad value is a message at the filter, never an error page."""

from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from samspill.clusters.filters import (
    PK_MAX,
    YEAR_MAX,
    YEAR_MIN,
    FilterForm,
    SearchField,
    choice_field,
)
from samspill.clusters.models import Cluster, Person

from .models import Body, Case


class DecisionFilterForm(FilterForm):
    search = SearchField()
    body = choice_field(_("Body"), _("All bodies"), [])
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )
    kind = choice_field(_("Kind"), _("All kinds"), Case.Kind.choices, coerce=Case.Kind)

    def __init__(self, data: QueryDict, *, cluster: Cluster) -> None:
        super().__init__(data, cluster=cluster)
        bodies = Body.objects.filter(cluster=cluster).order_by("name").values_list("slug", "name")
        cast(Any, self.fields["body"]).choices = [("", _("All bodies")), *bodies]
        message = _("Write a year between %(min)s and %(max)s, such as 2025.") % {
            "min": YEAR_MIN,
            "max": YEAR_MAX,
        }
        for code in ("invalid", "min_value", "max_value"):
            self.fields["year"].error_messages[code] = message


class VersionForm(forms.Form):
    """`?version=` of the versions of a meeting's minutes: which one to read in full."""

    version = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def values(self) -> dict[str, Any]:
        return {"version": self.cleaned_data["version"] if self.is_valid() else None}


class FollowUpFilterForm(FilterForm):
    body = choice_field(_("Body"), _("All bodies"), [])
    person = forms.IntegerField(
        label=_("Responsible"),
        required=False,
        min_value=1,
        max_value=PK_MAX,
        widget=forms.HiddenInput,
    )
    status = choice_field(
        _("Status"),
        None,
        [("open", _("Open")), ("done", _("Done")), ("all", _("All"))],
        empty_value="open",
    )

    def __init__(self, data: QueryDict, *, cluster: Cluster) -> None:
        super().__init__(data, cluster=cluster)
        bodies = Body.objects.filter(cluster=cluster).order_by("name").values_list("slug", "name")
        cast(Any, self.fields["body"]).choices = [("", _("All bodies")), *bodies]
        self.fields["person"].error_messages["invalid"] = _("Choose a person from a link.")

    def clean_person(self) -> Person | None:
        pk = self.cleaned_data["person"]
        if pk is None:
            return None
        person = Person.objects.filter(cluster=self.cluster, pk=pk).first()
        if person is None:
            raise forms.ValidationError(_("There is no such person in this cluster."))
        return person


class ChosenSlotForm(forms.Form):
    """The time of a date poll the secretariat chooses (`slot`, its id)."""

    slot = forms.IntegerField(required=False, min_value=1, max_value=PK_MAX)

    def values(self) -> dict[str, Any]:
        return {"slot": self.cleaned_data["slot"] if self.is_valid() else None}
