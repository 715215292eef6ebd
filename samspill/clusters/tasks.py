"""Background work of the registry, run by the task worker (`manage.py worker`)."""

import logging

from django.contrib.auth import get_user_model
from django_tasks import task

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
        raise
    logger.info("import %s: %d rows imported, %d not", batch_id, result.imported, result.skipped)
    return result.imported
