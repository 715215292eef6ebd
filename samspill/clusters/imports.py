"""Importing organisations, people and memberships from CSV or XLSX.

A file is read (`common.spreadsheets`), each row checked with the form a person would use (so
the messages are the ones they know), and the rows wait in an ImportBatch until the person
confirms the preview. Confirming checks every row again the same way and imports exactly what
the preview said, or, if the registry changed in between, shows the new preview instead.

Checking costs no query per row: the cluster's regions, organisations, nodes, subgroups and
initials are read once into a `Registry`, and the forms resolve references and uniqueness
from it. Rows accepted earlier in the file count as registered for the rows after them.
"""

from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from auditlog.context import set_actor
from django import forms as django_forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import construct_instance
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.accounts.models import User
from samspill.common.spreadsheets import UnreadableFile, read_table

from . import forms
from .duplicates import DuplicateFinder
from .initials import suggest_initials
from .models import (
    Affiliation,
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
from .services import person_save, record_save
from .tables import MEMBERSHIP_COLUMNS, MEMBERSHIP_NOTES, ORGANISATION_COLUMNS, PERSON_COLUMNS
from .validators import compact_organisation_number

__all__ = ["UnreadableFile", "import_confirm", "import_prepare", "header_names"]

Kind = ImportBatch.Kind
COLUMNS: dict[str, list] = {
    Kind.ORGANISATIONS: ORGANISATION_COLUMNS,
    Kind.PEOPLE: PERSON_COLUMNS,
    Kind.MEMBERSHIPS: [*MEMBERSHIP_COLUMNS, MEMBERSHIP_NOTES],
}
# Headers people write by hand, besides the export's own labels in every language.
ALIASES: dict[str, dict[str, str]] = {
    Kind.ORGANISATIONS: {
        "short_name": "short_name",
        "kortnavn": "short_name",
        "kortnamn": "short_name",
        "organisation_number": "organisation_number",
        "orgnr": "organisation_number",
        "org.nr.": "organisation_number",
        "org.nr": "organisation_number",
        "organisasjonsnummer": "organisation_number",
        "type": "kind",
        "art": "kind",
        "fylke": "county",
        "nettside": "website",
        "nettstad": "website",
        "parent": "parent",
        "overordnet": "parent",
        "overordna": "parent",
        "navn": "name",
        "namn": "name",
    },
    Kind.PEOPLE: {
        "navn": "name",
        "namn": "name",
        "e-post": "email",
        "epost": "email",
        "telefon": "phone",
        "tittel": "title",
        "initialer": "initials",
        "initialar": "initials",
        "kode": "initials",
        "organisation": "organisations",
        "organisasjon": "organisations",
    },
    Kind.MEMBERSHIPS: {
        "organisasjon": "organisation",
        "organisasjonsnummer": "organisation",
        "orgnr": "organisation",
        "type": "kind",
        "joined": "joined_on",
        "joined_on": "joined_on",
        "innmeldt": "joined_on",
        "innmeld": "joined_on",
        "fra": "joined_on",
        "frå": "joined_on",
        "left": "left_on",
        "left_on": "left_on",
        "utmeldt": "left_on",
        "utmeld": "left_on",
        "til": "left_on",
        "knutepunkt": "node",
        "undergruppe": "subgroup",
        "merknad": "notes",
        "notes": "notes",
    },
}
REQUIRED: dict[str, set[str]] = {
    Kind.ORGANISATIONS: {"name", "kind"},
    Kind.PEOPLE: {"name"},
    Kind.MEMBERSHIPS: {"organisation", "joined_on"},
}
FORMS: dict[str, type[forms.ClusterModelForm]] = {
    Kind.ORGANISATIONS: forms.OrganisationForm,
    Kind.PEOPLE: forms.PersonForm,
    Kind.MEMBERSHIPS: forms.MembershipForm,
}
CHUNK = 100


@cache
def header_names(kind: str) -> dict[str, str]:
    """Every header the importer reads for `kind`, casefolded, mapped to the field it fills."""
    names: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for column in COLUMNS[kind]:
                if column.field:
                    names[str(column.label).casefold()] = column.field
                    names[column.field] = column.field
    return {**ALIASES[kind], **names}


def field_labels(kind: str) -> dict[str, str]:
    """The importer's fields named by their column label in the reader's language."""
    return {c.field: str(c.label) for c in COLUMNS[kind] if c.field}


@cache
def _choice_codes(choices: tuple) -> dict[str, str]:
    codes: dict[str, str] = {}
    for code, label in choices:
        codes[code.casefold()] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                codes[str(label).casefold()] = code
    return codes


def _choice(choices, value: str) -> str:
    """A choice by its code or by its label in any of the site's languages."""
    return _choice_codes(tuple(choices)).get(value.strip().casefold(), value)


# Reading the file -------------------------------------------------------------------------


@dataclass
class Table:
    rows: list[tuple[int, dict[str, str]]]
    unused_columns: list[str]


def read_rows(upload, kind: str) -> Table:
    table = read_table(upload)
    known = header_names(kind)
    fields: list[str] = []
    unused: list[str] = []
    for header in table[0]:
        name = known.get(header.strip().casefold(), "")
        if name in fields:
            name = ""  # a second column for the same field is not read
        fields.append(name)
        if not name and header.strip():
            unused.append(header.strip())
    if not any(fields):
        labels = ", ".join(f"“{label}”" for label in field_labels(kind).values())
        raise UnreadableFile(
            _("The first row must name the columns: %(labels)s.") % {"labels": labels}
        )
    rows = []
    for number, cells in enumerate(table[1:], 2):
        data = {name: cell for name, cell in zip(fields, cells, strict=False) if name}
        rows.append((number, data))
        unused_cells = len(cells) - len(fields)
        if unused_cells > 0 and any(cells[len(fields) :]):
            unused.append(_("cells without a header in row %(row)d") % {"row": number})
    return Table(rows=rows, unused_columns=unused)


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
        values["kind"] = _choice(choices.choices, values["kind"])
    if kind == Kind.MEMBERSHIPS and not values.get("kind"):
        values["kind"] = Membership.Kind.PARTICIPANT
    if values.get("county"):
        values["county"] = _choice(County.choices, values["county"])
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


# Preview and confirmation -----------------------------------------------------------------


@transaction.atomic
def import_prepare(*, cluster: Cluster, kind: str, upload, actor: User) -> ImportBatch:
    """Read and check a file; the rows wait in an ImportBatch for the person to confirm."""
    table = read_rows(upload, kind)
    with scope(cluster=cluster):
        checked = check_rows(kind, cluster, table.rows)
        with set_actor(actor):
            return ImportBatch.objects.create(
                cluster=cluster,
                kind=kind,
                filename=upload.name[:255],
                rows=[c.row for c in checked],
                unused_columns=table.unused_columns,
                created_by=actor,
            )


@dataclass
class ImportResult:
    imported: int
    skipped: int
    changed: bool = False


def import_queue(*, batch: ImportBatch, include_duplicates: bool, actor: User) -> None:
    """Hand the confirmed import to the task worker; the preview page follows its progress."""
    from .tasks import import_run

    batch.status = ImportBatch.Status.QUEUED
    batch.include_duplicates = include_duplicates
    with set_actor(actor):
        batch.save(update_fields=["status", "include_duplicates"])
    transaction.on_commit(lambda: import_run.enqueue(batch_id=batch.pk, actor_id=actor.pk))


def import_confirm(*, batch: ImportBatch, actor: User) -> ImportResult:
    """Import exactly what the preview showed, in chunks that report progress.

    If a check now gives another answer than the preview did (someone changed the registry
    meanwhile), nothing is imported and the batch holds the new preview instead.
    """
    with scope(cluster=batch.cluster):
        checked = check_rows(
            batch.kind, batch.cluster, [(r["number"], r["data"]) for r in batch.rows]
        )
        if [_outcome(c.row) for c in checked] != [_outcome(r) for r in batch.rows]:
            batch.rows = [c.row for c in checked]
            batch.status = ImportBatch.Status.CHANGED
            batch.save(update_fields=["rows", "status"])
            return ImportResult(imported=0, skipped=len(checked), changed=True)
        # Saved in the order they were checked, so that a parent is saved before its units.
        chosen = [
            c
            for c in sorted(checked, key=lambda c: c.order)
            if c.importable and (batch.include_duplicates or not c.row["warnings"])
        ]
        batch.status = ImportBatch.Status.RUNNING
        batch.progress = 0
        batch.save(update_fields=["status", "progress"])
        try:
            _save_in_chunks(batch, chosen, actor)
        finally:
            batch.rows = [c.row for c in checked]
            batch.imported_count = sum(1 for c in checked if c.row.get("imported"))
            batch.save(update_fields=["rows", "imported_count"])
        batch.status = ImportBatch.Status.DONE
        batch.confirmed_at = timezone.now()
        batch.save(update_fields=["status", "confirmed_at"])
    return ImportResult(imported=batch.imported_count, skipped=len(checked) - batch.imported_count)


def _save_in_chunks(batch: ImportBatch, chosen: list[Checked], actor: User) -> None:
    saved: dict[int, Organisation] = {}
    for start in range(0, len(chosen), CHUNK):
        with transaction.atomic(), set_actor(actor):
            for item in chosen[start : start + CHUNK]:
                _save(batch, item, saved, actor)
                item.row["imported"] = True
            batch.progress = min(start + CHUNK, len(chosen))
            batch.save(update_fields=["progress"])


def _save(batch: ImportBatch, item: Checked, saved: dict[int, Organisation], actor: User) -> None:
    instance = item.instance
    if batch.kind == Kind.ORGANISATIONS:
        if item.pending_parent is not None:
            instance.parent = saved[item.pending_parent]
        saved[item.row["number"]] = record_save(record=instance, actor=actor)
    elif batch.kind == Kind.PEOPLE:
        person = person_save(person=instance, actor=actor)
        for organisation in item.organisations:
            record_save(
                record=Affiliation(cluster=batch.cluster, person=person, organisation=organisation),
                actor=actor,
            )
    else:
        record_save(record=instance, actor=actor)
