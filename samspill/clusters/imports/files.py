"""The columns an import reads, and reading a file into rows of named values."""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from samspill.common.spreadsheets import UnreadableFile, read_table

from .. import forms
from ..models import (
    ImportBatch,
)
from ..tables import MEMBERSHIP_COLUMNS, MEMBERSHIP_NOTES, ORGANISATION_COLUMNS, PERSON_COLUMNS

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


def choice_code(choices, value: str) -> str:
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
