"""Background work of the registry, run by the task worker (`manage.py worker`)."""

import logging

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task

from samspill.accounts.models import User

from .freshness import cluster_changed
from .imports import import_confirm
from .models import ImportBatch

logger = logging.getLogger(__name__)


@task()
def import_run(*, batch_id: int, actor_id: int) -> int:
    """Import a confirmed batch; the preview page shows its progress and then its result."""
    batch = ImportBatch.objects.with_scopes_disabled().select_related("cluster").get(pk=batch_id)
    actor = get_user_model().objects.get(pk=actor_id)
    try:
        result = import_confirm(batch=batch, actor=actor)
    except Exception:
        logger.exception("import %s stopped", batch_id)
        ImportBatch.objects.with_scopes_disabled().filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED
        )
        cluster_changed(batch.cluster_id)  # an update() sends no signal
        raise
    logger.info("import %s: %d rows imported, %d not", batch_id, result.imported, result.skipped)
    return result.imported


def import_queue(*, batch: ImportBatch, include_duplicates: bool, actor: User) -> None:
    """Hand a confirmed import to the task worker; the preview page follows its progress."""
    batch.status = ImportBatch.Status.QUEUED
    batch.include_duplicates = include_duplicates
    with set_actor(actor):
        batch.save(update_fields=["status", "include_duplicates"])
    transaction.on_commit(lambda: import_run.enqueue(batch_id=batch.pk, actor_id=actor.pk))
