"""Importing organisations, people and memberships from CSV or XLSX.

A file is read (`common.spreadsheets`), each row checked with the form a person would use (so
the messages are the ones they know), and the rows wait in an ImportBatch until the person
confirms the preview. Confirming checks every row again the same way and imports exactly what
the preview said, or, if the registry changed in between, shows the new preview instead.

Checking costs no query per row: the cluster's regions, organisations, nodes, subgroups and
initials are read once into a `Registry`, and the forms resolve references and uniqueness
from it. Rows accepted earlier in the file count as registered for the rows after them.
"""

from samspill.common.spreadsheets import UnreadableFile

from .files import field_labels, header_names, read_rows
from .rows import check_rows
from .saving import ImportResult, import_confirm, import_prepare

__all__ = [
    "ImportResult",
    "UnreadableFile",
    "check_rows",
    "field_labels",
    "header_names",
    "import_confirm",
    "import_prepare",
    "read_rows",
]
