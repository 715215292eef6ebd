from functools import partial
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import queries
from .filters import SEARCH_MAX_LENGTH, FindsOrganisation, SearchInput
from .models import (
    Affiliation,
    Agreement,
    AgreementAppendix,
    AgreementSignature,
    AgreementVersion,
    Cluster,
    ClusterRole,
    ImportBatch,
    Membership,
    Node,
    Organisation,
    Person,
    Region,
    Subgroup,
)
from .validators import compact_organisation_number


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _unscoped_formfield(db_field, **kwargs):
    # Form classes are built at import time, outside any cluster scope; __init__ narrows them.
    if db_field.is_relation and hasattr(db_field.related_model.objects, "with_scopes_disabled"):
        kwargs.setdefault("queryset", db_field.related_model.objects.with_scopes_disabled().all())
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


def _name_empty_choice(field: forms.Field) -> None:
    """Say what the empty choice of a select means instead of Django's "---------"."""
    label = _("Choose …") if field.required else _("None")
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = label
    elif isinstance(field, forms.ChoiceField):
        # A ChoiceField has turned its choices into a list of pairs by now.
        choices = cast(list[tuple[Any, Any]], field.choices)
        if choices and choices[0][0] == "" and choices[0][1] != label:
            field.choices = [("", label), *choices[1:]]


def _region_choices(field: forms.ModelChoiceField, cluster: Cluster) -> list[tuple[Any, Any]]:
    choices: list[tuple[Any, Any]] = []
    if field.empty_label is not None:
        choices.append(("", field.empty_label))
    return choices + [(region.pk, str(region)) for region in queries.cluster_regions(cluster)]


class ClusterModelForm(forms.ModelForm):
    """A model form for one cluster: choices of related rows are limited to that cluster."""

    class Meta:
        formfield_callback = _unscoped_formfield

    def __init__(self, *args, cluster: Cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.cluster = cluster
        self.instance.cluster = cluster
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                model = field.queryset.model
                if any(f.name == "cluster" for f in model._meta.fields):
                    field.queryset = model.objects.with_scope(cluster=cluster).all()
                if model is Region:
                    # Offered from the kept list (its queryset still checks the answer).
                    field.choices = partial(_region_choices, field, cluster)
            if isinstance(field.widget, forms.DateInput):
                field.widget = DateInput()
            _name_empty_choice(field)

    def _post_clean(self):
        super()._post_clean()  # type: ignore[misc]
        # A unique constraint over the cluster and one field ("another body has this
        # address") is that field's error: shown next to it, not only in the summary.
        errors = self._errors  # type: ignore[attr-defined]
        for constraint in self.instance._meta.constraints:
            fields: tuple[str, ...] = tuple(getattr(constraint, "fields", ()))
            general = errors.get(NON_FIELD_ERRORS)
            if not general or len(fields) != 2 or fields[0] != "cluster":
                continue
            if fields[1] not in self.fields:
                continue
            message = constraint.get_violation_error_message()
            remaining = [e for e in general.as_data() if message not in e.messages]
            if len(remaining) == len(general.as_data()):
                continue
            if remaining:
                errors[NON_FIELD_ERRORS] = self.error_class(remaining, error_class="nonfield")
            else:
                del errors[NON_FIELD_ERRORS]
            self.add_error(fields[1], message)

    def _get_validation_exclusions(self):
        # Parents set by the view (cluster, agreement, version …) are not form fields, but the
        # unique constraints that involve them must be checked here, at the form, not later.
        preset = {
            f.name
            for f in self.instance._meta.fields
            if f.is_relation and getattr(self.instance, f.attname) is not None
        }
        # A private method of Django's ModelForm, absent from django-stubs.
        return super()._get_validation_exclusions() - preset  # type: ignore[misc]


class ClusterSettingsForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The languages and written standards the cluster uses."),
    )

    class Meta:
        model = Cluster
        fields = ["name", "short_name", "description", "vision", "languages", "logo", "is_public"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "vision": forms.Textarea(attrs={"rows": 3}),
        }


class BaseRegionFormSet(forms.BaseInlineFormSet):
    # Django's own duplicate messages name the field in English and point "below".
    def get_unique_error_message(self, unique_check):
        return _("Two regions cannot have the same name.")

    def get_form_error(self):
        return _("Another region already has this name.")


RegionFormSet = forms.inlineformset_factory(
    Cluster,
    Region,
    formset=BaseRegionFormSet,
    fields=["name", "position"],
    extra=1,
    can_delete=False,
)


class OrganisationChoiceField(FindsOrganisation, forms.ModelChoiceField):
    """An organisation of the cluster, written in a search field as its name, short name, a
    part of either or its id (see FindsOrganisation), instead of chosen from a select of every
    organisation, which at a thousand organisations was most of the page's weight.

    Still a ModelChoiceField: ClusterModelForm limits its queryset to the cluster, the value
    is an Organisation, and the importer replaces it with the organisations it has resolved.
    `current` is the organisation the record has now; the field shows its name, and that
    name, sent back unchanged, keeps it even if another organisation has the same name.
    """

    widget = SearchInput
    suggestions_id = "parent-suggestions"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current: Organisation | None = None
        self.widget.attrs.setdefault("autocomplete", "off")

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Organisation):
            return value.name
        if self.current is not None and str(value) == str(self.current.pk):
            return self.current.name  # the record's own value, as the form first shows it
        return value  # what the person typed

    def to_python(self, value: Any) -> Organisation | None:
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        if len(text) > SEARCH_MAX_LENGTH or "\x00" in text:
            raise self._error("unknown", text.replace("\x00", ""))
        if self.current is not None and text == self.current.name:
            return self.current
        return self.find(cast(QuerySet[Organisation], self.queryset), text)


class OrganisationForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Organisation
        fields = [
            "name",
            "short_name",
            "organisation_number",
            "kind",
            "parent",
            "county",
            "region",
            "website",
        ]
        field_classes = {"parent": OrganisationChoiceField}

    # Wider than the nine stored digits so "964 967 636" reaches the check-digit validator.
    organisation_number = forms.CharField(
        label=capfirst(Organisation._meta.get_field("organisation_number").verbose_name),
        help_text=Organisation._meta.get_field("organisation_number").help_text,
        max_length=20,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        if isinstance(parent, OrganisationChoiceField):  # the importer puts its own field here
            parent.current = self.instance.parent if self.instance.parent_id else None
            parent.help_text = _(
                "For example the university a faculty belongs to. Write its name, short name "
                "or a part of either."
            )

    def clean_organisation_number(self):
        # People write "971 035 854" or "NO 971035854 MVA"; the model validator then checks
        # the nine digits.
        return compact_organisation_number(self.cleaned_data["organisation_number"])


class PersonForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Person
        fields = ["name", "title", "email", "phone", "initials"]

    def __init__(self, *args, taken_initials: set[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The importer passes the cluster's initials, read once for the whole file.
        self.taken_initials = taken_initials
        self.fields["initials"].required = False
        self.fields["initials"].help_text = _(
            "Leave empty to have initials suggested from the name."
        )
        # While the name is typed, the help text under the initials shows the suggestion.
        self.fields["name"].widget.attrs.update(
            {
                "hx-get": reverse("clusters:person_initials", args=[self.cluster.slug])
                + (f"?exclude={self.instance.pk}" if self.instance.pk else ""),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#id_initials_help",
                "hx-swap": "innerHTML",
            }
        )

    def clean_initials(self):
        initials = self.cleaned_data["initials"].strip().upper()
        if initials and initials in self._taken_initials():
            raise forms.ValidationError(
                _("%(initials)s is already used by someone else in this cluster.")
                % {"initials": initials},
                code="taken",
            )
        return initials

    def _taken_initials(self) -> set[str]:
        if self.taken_initials is not None:
            return self.taken_initials
        return queries.taken_initials(cluster=self.cluster, exclude_pk=self.instance.pk)


class AffiliationForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Affiliation
        fields = ["organisation", "position", "starts_on", "ends_on"]


class MembershipForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Membership
        fields = [
            "organisation",
            "kind",
            "subgroup",
            "joined_on",
            "left_on",
            "region",
            "node",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        if isinstance(region, forms.ModelChoiceField):
            region.empty_label = _("The organisation's region")

    # Its rules (a subgroup only for a subgroup party, no end before the start) are the
    # model's constraints, reported next to their fields by `Membership.clean`.


class MembershipEndForm(forms.Form):
    left_on = forms.DateField(label=_("Left"), widget=DateInput())


class NodeForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Node
        fields = [
            "name",
            "region",
            "host_organisation",
            "coordinator",
            "status",
            "starts_on",
            "ends_on",
        ]


class SubgroupForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Subgroup
        fields = ["name", "region", "description"]


class AgreementForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Agreement
        fields = ["kind", "title", "counterpart_cluster", "counterpart_name", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counterpart = cast(forms.ModelChoiceField, self.fields["counterpart_cluster"])
        counterpart.queryset = Cluster.objects.exclude(pk=self.cluster.pk)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        collaboration = data.get("kind") == Agreement.Kind.COLLABORATION
        if collaboration and not (data.get("counterpart_cluster") or data.get("counterpart_name")):
            self.add_error(
                "counterpart_name",
                _("Name the other party, or choose the other cluster."),
            )
        return data


class AgreementVersionForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = AgreementVersion
        fields = ["label", "effective_from", "decided_in", "document"]


class AgreementAppendixForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = AgreementAppendix
        fields = ["number", "title", "document"]


class AgreementSignatureForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = AgreementSignature
        fields = ["organisation", "signed_on"]


class RoleInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Used when the person has no account yet."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=ClusterRole.Role.choices, initial=ClusterRole.Role.MEMBER
    )


class RoleChangeForm(forms.Form):
    """The new role of someone who already has one (a row of the access list)."""

    role = forms.ChoiceField(label=_("Role"), choices=ClusterRole.Role.choices)


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file contains"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(
        label=_("File"), help_text=_("CSV (comma or semicolon separated) or Excel (.xlsx).")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
