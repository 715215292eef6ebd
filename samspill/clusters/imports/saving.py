"""The preview (an ImportBatch) and the confirmed import, in chunks that report progress."""

from dataclasses import dataclass

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from samspill.accounts.models import User

from ..models import (
    Affiliation,
    Cluster,
    ImportBatch,
    Organisation,
)
from ..services import person_save, record_save
from .files import read_rows
from .rows import Checked, _outcome, check_rows

Kind = ImportBatch.Kind
CHUNK = 100  # rows saved per transaction, and how often the progress is written

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
