"""Checking rows as the person's forms would, against the registry read once."""

from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..duplicates import DuplicateFinder
from ..initials import suggest_initials
from ..models import (
    Cluster,
    County,
    ImportBatch,
    Membership,
    Node,
    Organisation,
    Person,
    Region,
    Subgroup,
)
from ..validators import compact_organisation_number
from .files import FORMS, REQUIRED, choice_code, field_labels

Kind = ImportBatch.Kind

# The registry, read once ------------------------------------------------------------------


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


@dataclass
class Pending:
    """An organisation from an earlier row of the same file, not saved yet."""

    name: str
    organisation_number: str
    row: int
    pk: None = None
    region: Any = None

    def __str__(self) -> str:
        return self.name


@dataclass
class Registry:
    cluster: Cluster
    regions: dict[str, Region] = field(default_factory=dict)
    organisations: dict[str, Any] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    subgroups: dict[str, Subgroup] = field(default_factory=dict)
    initials: set[str] = field(default_factory=set)
    duplicates: DuplicateFinder = field(default_factory=DuplicateFinder)
    form: Any = None  # the one bound form the rows are checked with (see _bound_form)

    @classmethod
    def load(cls, cluster: Cluster, kind: str) -> "Registry":
        registry = cls(cluster=cluster)
        registry.regions = {_key(r.name): r for r in Region.objects.filter(cluster=cluster)}
        organisations = list(
            Organisation.objects.filter(cluster=cluster).select_related("region").order_by("pk")
        )
        for organisation in organisations:
            registry.add_organisation(organisation)
        if kind == Kind.ORGANISATIONS:
            registry.duplicates = DuplicateFinder(organisations)
        if kind == Kind.MEMBERSHIPS:
            registry.nodes = {_key(n.name): n for n in Node.objects.filter(cluster=cluster)}
            registry.subgroups = {_key(s.name): s for s in Subgroup.objects.filter(cluster=cluster)}
        if kind == Kind.PEOPLE:
            registry.initials = {
                i.upper()
                for i in Person.objects.filter(cluster=cluster).values_list("initials", flat=True)
            }
        return registry

    def add_organisation(self, organisation: Any) -> None:
        # Number first, then short name, then name: a later key never hides an earlier one.
        keys = [organisation.organisation_number, getattr(organisation, "short_name", "")]
        for key in [organisation.name, *keys]:
            if key:
                self.organisations.setdefault(_key(key), organisation)

    def organisation(self, value: str) -> Any:
        number = compact_organisation_number(value)  # "971 035 854", "NO 971035854 MVA"
        if len(number) == 9 and number.isascii() and number.isdigit():
            value = number
        return self.organisations.get(_key(value))


# Checking a row ---------------------------------------------------------------------------


class _Resolved(django_forms.Field):
    """A reference the importer has already looked up in the preloaded registry."""

    def __init__(self, *, required: bool, label: Any) -> None:
        super().__init__(required=required, label=label)
        self.value: Any = None

    def clean(self, value: Any) -> Any:
        if self.required and self.value is None:
            raise ValidationError(self.error_messages["required"], code="required")
        return self.value


class _PreloadedMixin:
    """Validates like the person's form, minus the per-row queries: references come resolved
    and uniqueness is checked against the preloaded registry by the importer."""

    instance: Any
    _meta: Any

    def _get_validation_exclusions(self):
        relations = {f.name for f in self.instance._meta.fields if f.is_relation}
        return super()._get_validation_exclusions() | relations  # type: ignore[misc]

    def _post_clean(self):
        try:
            self.instance = construct_instance(
                cast(django_forms.BaseForm, self),  # mixed into a ModelForm only
                self.instance,
                self._meta.fields,
                self._meta.exclude,
            )
            self.instance.full_clean(
                exclude=self._get_validation_exclusions(),
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            self._update_errors(error)  # type: ignore[attr-defined]


@cache
def _import_form(kind: str) -> type:
    """The person's form for `kind`, with its choices of related rows replaced by references
    the importer resolves (a queryset per field per row is what made imports slow)."""
    base = FORMS[kind]
    form_class = type(f"Import{base.__name__}", (_PreloadedMixin, base), {})
    form_class.base_fields = {  # type: ignore[attr-defined]
        name: _Resolved(required=field.required, label=field.label)
        if isinstance(field, django_forms.ModelChoiceField)
        else field
        for name, field in form_class.base_fields.items()  # type: ignore[attr-defined]
    }
    return form_class


REFERENCES = {
    "region": ("regions", Region),
    "node": ("nodes", Node),
    "subgroup": ("subgroups", Subgroup),
}


@dataclass
class Checked:
    """A row as the preview shows it, and what importing it would save."""

    row: dict
    instance: Any = None
    organisations: list = field(default_factory=list)
    pending_parent: int | None = None  # the file row of a parent saved in the same import
    order: int = 0

    @property
    def importable(self) -> bool:
        return not self.row["errors"]


def _check(kind: str, registry: Registry, number: int, data: dict[str, str]) -> Checked:
    errors: list[str] = []
    labels = field_labels(kind)
    missing = sorted(REQUIRED[kind] - {k for k, v in data.items() if v})
    errors += [
        _("The column “%(column)s” is empty.") % {"column": labels.get(name, name)}
        for name in missing
    ]
    resolved: dict[str, Any] = {}
    for name, (attribute, model) in REFERENCES.items():
        if data.get(name):
            resolved[name] = getattr(registry, attribute).get(_key(data[name]))
            if resolved[name] is None:
                errors.append(_not_registered(model, data[name]))
    pending_parent = None
    for name in ("organisation", "parent"):
        if data.get(name):
            resolved[name] = registry.organisation(data[name])
            if resolved[name] is None:
                errors.append(_not_registered(Organisation, data[name]))
            elif isinstance(resolved[name], Pending):
                # The parent is an earlier row of this file: linked once that row is saved.
                pending_parent, resolved[name] = resolved[name].row, None
    organisations = []
    if kind == Kind.PEOPLE:
        for name in filter(None, (n.strip() for n in data.get("organisations", "").split(";"))):
            found = registry.organisation(name)
            if found is None or isinstance(found, Pending):
                errors.append(_not_registered(Organisation, name))
            organisations.append(found)
    values = {k: v for k, v in data.items() if k not in resolved}
    if kind in (Kind.ORGANISATIONS, Kind.MEMBERSHIPS) and values.get("kind"):
        choices = Organisation.Kind if kind == Kind.ORGANISATIONS else Membership.Kind
        values["kind"] = choice_code(choices.choices, values["kind"])
    if kind == Kind.MEMBERSHIPS and not values.get("kind"):
        values["kind"] = Membership.Kind.PARTICIPANT
    if values.get("county"):
        values["county"] = choice_code(County.choices, values["county"])
    checked = Checked(row={"number": number, "data": data, "errors": errors, "warnings": []})
    if errors:
        return checked
    form = _bound_form(kind, registry, values, resolved)
    if not form.is_valid():
        for name, messages in form.errors.items():
            label = capfirst(form.fields[name].label) if name in form.fields else ""
            errors += [f"{label}: {m}" if label else m for m in messages]
        return checked
    checked.instance = form.instance
    checked.organisations = organisations
    checked.pending_parent = pending_parent
    _check_against_registry(kind, registry, checked)
    return checked


def _not_registered(model, value: str) -> str:
    return _("%(what)s: “%(value)s” is not in the registry.") % {
        "what": capfirst(model._meta.verbose_name),
        "value": value,
    }


MODELS: dict[str, Any] = {
    Kind.ORGANISATIONS: Organisation,
    Kind.PEOPLE: Person,
    Kind.MEMBERSHIPS: Membership,
}


def _bound_form(kind: str, registry: Registry, values: dict, resolved: dict):
    """The person's form bound to this row. One form serves the whole file: building a form
    per row (Django copies every field for each form) cost more than all the checking."""
    instance = MODELS[kind](cluster=registry.cluster)
    form = registry.form
    if form is None:
        extra = {"taken_initials": registry.initials} if kind == Kind.PEOPLE else {}
        form = _import_form(kind)(values, instance=instance, cluster=registry.cluster, **extra)
        registry.form = form
    else:
        form.data, form.instance = values, instance
        form._errors = None  # what Django checks to know the form must be cleaned again
        form._bound_fields_cache = {}
    for name, form_field in form.fields.items():
        if isinstance(form_field, _Resolved):
            form_field.value = resolved.get(name)
    return form


def _check_against_registry(kind: str, registry: Registry, checked: Checked) -> None:
    """What the database would check at saving, answered from the registry and earlier rows."""
    instance, row = checked.instance, checked.row
    if kind == Kind.ORGANISATIONS:
        for other in registry.duplicates.find(
            name=instance.name, organisation_number=instance.organisation_number
        ):
            if isinstance(other, Pending):
                warning = _("May be the same as “%(name)s” in row %(row)d.") % {
                    "name": other.name,
                    "row": other.row,
                }
            else:
                warning = _("May already be registered as “%(name)s”.") % {"name": other.name}
            row["warnings"].append(warning)
        if not row["warnings"]:
            pending = Pending(
                name=instance.name,
                organisation_number=instance.organisation_number,
                row=row["number"],
            )
            registry.duplicates.add(pending)
            registry.add_organisation(pending)
    elif kind == Kind.PEOPLE:
        if not instance.initials:
            instance.initials = suggest_initials(instance.name, registry.initials)
            row["notes"] = [_("Initials: %(initials)s.") % {"initials": instance.initials}]
        registry.initials.add(instance.initials.upper())
    elif kind == Kind.MEMBERSHIPS:
        # The organisation's region is read from the organisation; only a difference is stored.
        if instance.region_id and instance.region_id == instance.organisation.region_id:
            instance.region = None


def check_rows(kind: str, cluster: Cluster, rows: list[tuple[int, dict]]) -> list[Checked]:
    """Every row checked, in file order; a parent row is checked before the rows under it."""
    registry = Registry.load(cluster, kind)
    order = _parents_first(rows) if kind == Kind.ORGANISATIONS else range(len(rows))
    checked: dict[int, Checked] = {}
    for position, index in enumerate(order):
        number, data = rows[index]
        checked[index] = _check(kind, registry, number, data)
        checked[index].order = position
    return [checked[index] for index in range(len(rows))]


def _parents_first(rows: list[tuple[int, dict]]) -> list[int]:
    """Row indexes ordered so that a row naming another row of the file as parent comes after
    it (an export is sorted by name, so a faculty often comes before its university)."""
    by_name: dict[str, int] = {}
    for index, (_number, data) in enumerate(rows):
        for name in ("name", "short_name", "organisation_number"):
            if data.get(name):
                by_name.setdefault(_key(data[name]), index)

    def depth(index: int) -> int:
        seen = {index}
        while (parent := by_name.get(_key(rows[index][1].get("parent", "")))) is not None:
            if parent in seen:
                break  # a loop in the file: the check reports the parent as missing
            seen.add(parent)
            index = parent
        return len(seen)

    return sorted(range(len(rows)), key=lambda index: (depth(index), index))


def _outcome(row: dict) -> tuple:
    return (tuple(row["errors"]), tuple(row["warnings"]), tuple(row.get("notes", [])))
