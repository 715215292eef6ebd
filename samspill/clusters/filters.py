"""The query strings of the registry's pages, parsed by forms.

A list page binds its filter form to `request.GET` and filters by `form.values()`: the typed
value of each valid filter (a Region, an int, a choice), and for each bad one the value it
has when not given, so that the list still shows. The bad value stays in its field, with a
message next to it in the reader's language. The API parses the same filters with its own
schemas (`api.py`), using the bounds and the region lookup from here.

A view records the form that reads its query string with `@parses_query(...)`;
`tests/test_hostile_params.py` sends every field of it hostile values.
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast, get_args

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from samspill.common.collation import norwegian

from .models import Cluster, Membership, Organisation, Region
from .queries import MembershipStatus, OrganisationStatus, cluster_regions

SEARCH_MAX_LENGTH = 200
YEAR_MIN = 1900
YEAR_MAX = 2100
# Primary keys are BigAutoField; a larger number cannot name a row, and would overflow the
# database's integer.
PK_MAX = 2**63 - 1
REGION_NAME_MAX_LENGTH = 100
# At most this many organisations are offered when a text fits several (PersonFilterForm).
SUGGESTIONS_MAX = 20
SUGGESTIONS_ID = "organisation-suggestions"

View = TypeVar("View", bound=Callable[..., Any])


def parses_query(form_class: type[forms.Form]) -> Callable[[View], View]:
    """Record on a view which form parses its query string."""

    def decorator(view: View) -> View:
        cast(Any, view).query_form = form_class
        return view

    return decorator


def match_region(regions: Iterable[Region], value: str) -> Region | None:
    """The region `value` names: by id, or by name without regard to case."""
    value = value.strip()
    regions = list(regions)
    if value.isascii() and value.isdigit() and len(value) <= 19:
        for region in regions:
            if region.pk == int(value):
                return region
    for region in regions:
        if region.name == value:
            return region
    folded = [region for region in regions if region.name.casefold() == value.casefold()]
    return folded[0] if len(folded) == 1 else None


def _shorten(value: object) -> str:
    return Truncator(str(value)).chars(40)


class SearchInput(forms.TextInput):
    input_type = "search"


class KeptValueSelect(forms.Select):
    """A select that shows a value it has no option for (typed into the address) as chosen,
    so that the person sees what was asked, next to the message why it was not used."""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        known = {str(option["value"]) for _group, options, _index in groups for option in options}
        for extra in value:
            # No value at all is the field's default, not a value to show.
            if extra and extra not in known:
                option = self.create_option(name, extra, _shorten(extra), True, len(groups))
                groups.append((None, [option], len(groups)))
        return groups


class SearchField(forms.CharField):
    """Free text, bounded; NUL characters are refused (PostgreSQL cannot store them)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Search"))
        super().__init__(
            max_length=SEARCH_MAX_LENGTH,
            required=False,
            widget=SearchInput(
                attrs={
                    # Filter as one types: only the results are fetched and replaced.
                    "hx-get": "",
                    "hx-trigger": "input changed delay:300ms, search",
                    "hx-target": "#results",
                    "hx-push-url": "true",
                    "hx-include": "closest form",
                }
            ),
            **kwargs,
        )


class RegionField(forms.ChoiceField):
    """One of the cluster's regions, by id or by name (any case): `?region=Vest`."""

    widget = KeptValueSelect
    default_error_messages = {
        "unknown": _("There is no region “%(value)s” in this cluster. Choose one from the list.")
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Region"))
        super().__init__(required=False, **kwargs)
        self.regions: list[Region] = []

    def set_regions(self, regions: Iterable[Region]) -> None:
        self.regions = list(regions)
        self.choices = [("", _("All regions")), *((str(r.pk), r.name) for r in self.regions)]

    def to_python(self, value: Any) -> Region | None:
        text = super().to_python(value).strip()
        if not text:
            return None
        region = None
        if len(text) <= REGION_NAME_MAX_LENGTH:
            region = match_region(self.regions, text)
        if region is None:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": _shorten(text)}
            )
        return region

    def validate(self, value: Any) -> None:
        forms.Field.validate(self, value)  # to_python has checked it is one of the regions

    def canonical(self, value: Region) -> str:
        return str(value.pk)


def choice_field(label: Any, empty_label: Any, choices: Any, **kwargs: Any) -> forms.Field:
    kwargs.setdefault("empty_value", None)
    return forms.TypedChoiceField(
        label=label,
        choices=[("", empty_label), *choices] if empty_label is not None else choices,
        required=False,
        widget=KeptValueSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the choices.")},
        **kwargs,
    )


def _statuses(status_type: Any, labels: dict[str, Any]) -> list[tuple[str, Any]]:
    assert set(get_args(status_type)) == set(labels)
    return list(labels.items())


class FilterForm(forms.Form):
    """The filters of one list, bound to the query string."""

    def __init__(self, data: QueryDict, *, cluster: Cluster) -> None:
        super().__init__(data)
        self.cluster = cluster

    def full_clean(self) -> None:
        super().full_clean()
        # A value given another way (a region by name) is shown as its option.
        data = cast(QueryDict, self.data).copy()
        for name, value in self.cleaned_data.items():
            canonical = getattr(self.fields[name], "canonical", None)
            if canonical is not None and value is not None:
                data[name] = canonical(value)
        self.data = data

    def values(self) -> dict[str, Any]:
        """Keyword arguments for the list's query: each bad filter as if it were not given."""
        self.is_valid()
        return {
            name: self.cleaned_data[name] if name in self.cleaned_data else field.clean("")
            for name, field in self.fields.items()
        }

    def ignored(self) -> list[Any]:
        """The labels of the filters not used because of an error."""
        return [self.fields[name].label for name in self.errors if name in self.fields]


class OrganisationFilterForm(FilterForm):
    search = SearchField()
    kind = choice_field(
        _("Kind"), _("All kinds"), Organisation.Kind.choices, coerce=Organisation.Kind
    )
    region = RegionField()
    status = choice_field(
        _("Membership"),
        _("All"),
        _statuses(
            OrganisationStatus,
            {
                "member": _("Members now"),
                "former": _("Former members"),
                "unsigned": _("Members that have not signed the agreement in force"),
            },
        ),
    )

    def __init__(self, data: QueryDict, *, cluster: Cluster) -> None:
        super().__init__(data, cluster=cluster)
        cast(RegionField, self.fields["region"]).set_regions(cluster_regions(cluster))


class FindsOrganisation:
    """What a field that names an organisation by text does with the text: an id, as links
    give it (a text of digits only is an id), or the organisation's name, short name or a
    part of either, as a person types it.

    The page never lists every organisation (a cluster may have thousands): a text that
    fits several is explained, and up to SUGGESTIONS_MAX of their names are offered in a
    datalist (`suggestions`, rendered by the template with the id `suggestions_id`, which
    the widget's `list` then names).
    """

    organisation_errors = {
        "unknown_id": _("There is no organisation with the id “%(value)s” in this cluster."),
        "unknown": _("No organisation in this cluster has “%(value)s” in its name."),
        "several": _(
            "“%(value)s” is in the name of several organisations. Write more of the name, "
            "or choose one of the suggestions."
        ),
    }
    suggestions_id = SUGGESTIONS_ID
    widget: Any  # the field's widget: a search input

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions: list[str] = []

    def _error(self, code: str, text: str) -> ValidationError:
        return ValidationError(
            self.organisation_errors[code], code=code, params={"value": _shorten(text)}
        )

    def find(self, organisations: QuerySet[Organisation], text: str) -> Organisation:
        """The one organisation of `organisations` that `text` names, or a ValidationError
        that says why not (and offers suggestions when several fit)."""
        if text.isascii() and text.isdigit():  # an id, as links give it
            found = organisations.filter(pk=int(text)).first() if int(text) <= PK_MAX else None
            if found is None:
                raise self._error("unknown_id", text)
            return found
        exact = list(organisations.filter(Q(name__iexact=text) | Q(short_name__iexact=text))[:2])
        if len(exact) == 1:
            return exact[0]
        matches = list(
            organisations.filter(Q(name__icontains=text) | Q(short_name__icontains=text))
            .order_by(norwegian("name"))
            .only("id", "name", "cluster_id")[: SUGGESTIONS_MAX + 1]
        )
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise self._error("unknown", text)
        self.suggestions = [organisation.name for organisation in matches[:SUGGESTIONS_MAX]]
        self.widget.attrs["list"] = self.suggestions_id
        raise self._error("several", text)


class OrganisationField(FindsOrganisation, forms.CharField):
    """An organisation of the cluster to filter by (see FindsOrganisation); the value is its id."""

    widget = SearchInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Organisation"))
        super().__init__(max_length=SEARCH_MAX_LENGTH, required=False, **kwargs)
        self.cluster: Cluster | None = None

    def clean(self, value: Any) -> int | None:
        text = super().clean(value)  # bounded, no NUL, stripped
        if not text:
            return None
        return self.find(Organisation.objects.filter(cluster=self.cluster), text).pk


class PersonFilterForm(FilterForm):
    search = SearchField()
    organisation = OrganisationField()

    def __init__(self, data: QueryDict, *, cluster: Cluster) -> None:
        super().__init__(data, cluster=cluster)
        cast(OrganisationField, self.fields["organisation"]).cluster = cluster

    @property
    def organisation_suggestions(self) -> list[str]:
        """Names of the organisations a text given for `organisation` fits, to choose from."""
        self.is_valid()
        return cast(OrganisationField, self.fields["organisation"]).suggestions


class MembershipFilterForm(FilterForm):
    search = SearchField()
    kind = choice_field(_("Kind"), _("All kinds"), Membership.Kind.choices, coerce=Membership.Kind)
    region = RegionField()
    status = choice_field(
        _("Status"),
        None,
        _statuses(
            MembershipStatus,
            {"active": _("Active"), "ended": _("Ended"), "all": _("All, with history")},
        ),
        empty_value="active",
    )
    year = forms.IntegerField(
        label=_("Joined or left in year"),
        required=False,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )

    def __init__(self, data: QueryDict, *, cluster: Cluster) -> None:
        super().__init__(data, cluster=cluster)
        cast(RegionField, self.fields["region"]).set_regions(cluster_regions(cluster))
        message = _("Write a year between %(min)s and %(max)s, such as 2025.") % {
            "min": YEAR_MIN,
            "max": YEAR_MAX,
        }
        year = self.fields["year"]
        for code in ("invalid", "min_value", "max_value"):
            year.error_messages[code] = message


# The small helpers pages call while one types, and links that fill in a form.


class _HelperForm(forms.Form):
    def values(self) -> dict[str, Any]:
        """The valid parameters; a bad one counts as not given."""
        self.is_valid()
        return {
            name: self.cleaned_data[name] if name in self.cleaned_data else field.clean(None)
            for name, field in self.fields.items()
        }


def _pk_field() -> forms.IntegerField:
    return forms.IntegerField(required=False, min_value=1, max_value=PK_MAX)


class DuplicateCheckForm(_HelperForm):
    """`organisation_duplicates`: the name and number typed so far, and the record edited."""

    name = forms.CharField(required=False, max_length=200)
    organisation_number = forms.CharField(required=False, max_length=20)
    exclude = _pk_field()


class InitialsForm(_HelperForm):
    """`person_initials`: the name typed so far, and the person edited."""

    name = forms.CharField(required=False, max_length=200)
    exclude = _pk_field()


class AgreementSignaturesForm(_HelperForm):
    """`agreement_detail`: the version whose signatures the page lists (`?signatures=12`)."""

    signatures = _pk_field()


class MembershipInitialForm(_HelperForm):
    """`membership_create`: the organisation or subgroup page the link came from."""

    organisation = _pk_field()
    subgroup = _pk_field()
