"""Importing organisations, people and memberships from CSV or XLSX.

A file is parsed and every row validated with the same form a person would use, so the
messages are the ones they know. Nothing is written until the preview is confirmed; then the
good rows are saved and the bad ones stay reported.
"""

import csv
import io
from dataclasses import dataclass

from auditlog.context import set_actor
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_scopes import scope
from openpyxl import load_workbook

from . import forms
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
from .queries import likely_duplicates
from .services import person_save, record_save
from .validators import normalise_organisation_number

MAX_ROWS = 5000


class UnreadableFile(Exception):
    pass


# Column headers people use, in English and Norwegian, mapped to form fields.
HEADERS = {
    "name": "name",
    "navn": "name",
    "namn": "name",
    "short_name": "short_name",
    "short name": "short_name",
    "kortnavn": "short_name",
    "kortnamn": "short_name",
    "organisation_number": "organisation_number",
    "organisation number": "organisation_number",
    "orgnr": "organisation_number",
    "org.nr.": "organisation_number",
    "organisasjonsnummer": "organisation_number",
    "kind": "kind",
    "type": "kind",
    "art": "kind",
    "county": "county",
    "fylke": "county",
    "region": "region",
    "website": "website",
    "nettside": "website",
    "nettstad": "website",
    "parent": "parent",
    "parent organisation": "parent",
    "overordnet": "parent",
    "email": "email",
    "e-post": "email",
    "epost": "email",
    "phone": "phone",
    "telefon": "phone",
    "title": "title",
    "tittel": "title",
    "initials": "initials",
    "initialer": "initials",
    "kode": "initials",
    "initialar": "initials",
    "overordna": "parent",
    "innmeld": "joined_on",
    "utmeld": "left_on",
    "organisation": "organisation",
    "organisasjon": "organisation",
    "joined": "joined_on",
    "joined_on": "joined_on",
    "innmeldt": "joined_on",
    "fra": "joined_on",
    "left": "left_on",
    "left_on": "left_on",
    "utmeldt": "left_on",
    "til": "left_on",
    "node": "node",
    "knutepunkt": "node",
    "subgroup": "subgroup",
    "undergruppe": "subgroup",
    "notes": "notes",
    "merknad": "notes",
}

REQUIRED: dict[str, set[str]] = {
    ImportBatch.Kind.ORGANISATIONS: {"name", "kind"},
    ImportBatch.Kind.PEOPLE: {"name"},
    ImportBatch.Kind.MEMBERSHIPS: {"organisation", "joined_on"},
}


def read_table(upload) -> list[dict[str, str]]:
    """Rows of a CSV or XLSX file as dicts keyed by the form field each header names."""
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            sheet = load_workbook(upload, read_only=True, data_only=True).active
            table = [
                ["" if v is None else _stringify(v) for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        else:
            text = upload.read().decode("utf-8-sig")
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
            table = list(csv.reader(io.StringIO(text), dialect))
    except (UnicodeDecodeError, csv.Error, OSError, KeyError, ValueError) as error:
        raise UnreadableFile(
            _("The file could not be read: %(error)s") % {"error": error}
        ) from error
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        raise UnreadableFile(_("The file is empty."))
    if len(table) > MAX_ROWS + 1:
        raise UnreadableFile(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    header = [HEADERS.get(cell.strip().lower(), "") for cell in table[0]]
    if not any(header):
        raise UnreadableFile(_("The first row must name the columns, for example “name”."))
    return [
        {field: cell.strip() for field, cell in zip(header, row, strict=False) if field}
        for row in table[1:]
    ]


def _stringify(value) -> str:
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lookup(model, cluster, value: str, *fields: str):
    """Find a row of `model` in the cluster by any of `fields`, case-insensitively."""
    if not value:
        return None
    qs = model.objects.with_scope(cluster=cluster).all()
    for field in fields:
        match = qs.filter(**{f"{field}__iexact": value}).first()
        if match:
            return match
    return None


def _maybe_number(value: str) -> str:
    digits = normalise_organisation_number(value)
    return digits if digits == value.replace(" ", "") else value


def _choice(choices, value: str) -> str:
    """Accept a choice by its code or by its label in any of the site's languages."""
    lowered = value.strip().lower()
    for code, label in choices:
        names = {code.lower()}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.add(str(label).lower())
        if lowered in names:
            return code
    return value


def _form_for(kind: str, cluster: Cluster, data: dict):
    """Bind the form a person would use to this row, translating names into keys."""
    data = dict(data)
    problems = []
    references = {
        "region": (Region, ("name",)),
        "parent": (Organisation, ("name", "short_name", "organisation_number")),
        "organisation": (Organisation, ("organisation_number", "name", "short_name")),
        "node": (Node, ("name",)),
        "subgroup": (Subgroup, ("name",)),
    }
    for field, (model, keys) in references.items():
        if data.get(field):
            value = data[field]
            if field in {"organisation", "parent"}:
                value = _maybe_number(value)
            found = _lookup(model, cluster, value, *keys)
            if found is None:
                problems.append(
                    _("%(field)s: “%(value)s” is not in the registry.")
                    % {"field": capfirst(model._meta.verbose_name), "value": data[field]}
                )
            data[field] = found.pk if found else ""
    if kind == ImportBatch.Kind.ORGANISATIONS:
        if data.get("kind"):
            data["kind"] = _choice(Organisation.Kind.choices, data["kind"])
        if data.get("county"):
            data["county"] = _choice(County.choices, data["county"])
        form: forms.ClusterModelForm = forms.OrganisationForm(
            data, instance=Organisation(cluster=cluster), cluster=cluster
        )
    elif kind == ImportBatch.Kind.PEOPLE:
        form = forms.PersonForm(data, instance=Person(cluster=cluster), cluster=cluster)
    else:
        if data.get("kind"):
            data["kind"] = _choice(Membership.Kind.choices, data["kind"])
        else:
            data["kind"] = Membership.Kind.PARTICIPANT
        form = forms.MembershipForm(data, instance=Membership(cluster=cluster), cluster=cluster)
    return form, problems


def _check_row(kind: str, cluster: Cluster, number: int, data: dict):
    """The row as the preview shows it, and the bound form that would save it."""
    form, problems = _form_for(kind, cluster, data)
    missing = REQUIRED[kind] - {k for k, v in data.items() if v}
    errors = [_("The column “%(field)s” is empty.") % {"field": f} for f in sorted(missing)]
    errors += problems
    if not errors and not form.is_valid():
        for field, field_errors in form.errors.items():
            label = capfirst(form.fields[field].label) if field in form.fields else ""
            errors += [f"{label}: {e}" if label else e for e in field_errors]
    if not errors and kind == ImportBatch.Kind.ORGANISATIONS:
        errors += [
            _("May already be registered as “%(name)s”.") % {"name": other.name}
            for other in likely_duplicates(
                cluster=cluster,
                name=form.cleaned_data["name"],
                organisation_number=form.cleaned_data["organisation_number"],
            )
        ]
    return {"number": number, "data": data, "errors": errors}, form


@transaction.atomic
def import_prepare(*, cluster: Cluster, kind: str, upload, actor) -> ImportBatch:
    """Parse and check a file; the rows wait in an ImportBatch for the person to confirm."""
    rows = read_table(upload)
    with scope(cluster=cluster):
        checked = [_check_row(kind, cluster, n, data)[0] for n, data in enumerate(rows, 2)]
        with set_actor(actor):
            return ImportBatch.objects.create(
                cluster=cluster,
                kind=kind,
                filename=upload.name[:255],
                rows=checked,
                created_by=actor,
            )


@dataclass
class ImportResult:
    imported: int
    skipped: int


@transaction.atomic
def import_confirm(*, batch: ImportBatch, actor) -> ImportResult:
    """Save the good rows (checked again: the registry may have changed since the preview)."""
    with scope(cluster=batch.cluster), set_actor(actor):
        rows, imported = _save_good_rows(batch, actor)
        batch.rows = rows
        batch.imported_count = imported
        batch.confirmed_at = timezone.now()
        batch.save(update_fields=["rows", "imported_count", "confirmed_at"])
    return ImportResult(imported=imported, skipped=len(rows) - imported)


def _save_good_rows(batch: ImportBatch, actor) -> tuple[list[dict], int]:
    imported = 0
    rows = []
    for row in batch.rows:
        if not row["errors"]:
            row, form = _check_row(batch.kind, batch.cluster, row["number"], row["data"])
            if not row["errors"]:
                _save_row(batch, form, actor)
                row["imported"] = True
                imported += 1
        rows.append(row)
    return rows, imported


def _save_row(batch: ImportBatch, form, actor) -> None:
    if batch.kind != ImportBatch.Kind.PEOPLE:
        record_save(record=form.instance, actor=actor)
        return
    person = person_save(person=form.instance, actor=actor)
    organisation_id = form.data.get("organisation")
    if organisation_id:
        record_save(
            record=Affiliation(
                cluster=batch.cluster,
                person=person,
                organisation_id=organisation_id,
                position=form.data.get("title", ""),
            ),
            actor=actor,
        )
