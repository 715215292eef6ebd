"""`manage.py worker`: django-tasks-db's worker, made to outlive database errors.

The stock worker stops at the first database error outside a task (a locked SQLite database,
PostgreSQL restarting); under `--reload` only its thread dies while the process stays up, so
queued emails and imports silently wait for ever. This worker logs the error, waits a little
longer each time, and goes on. It takes the same options as `db_worker`.
"""

import logging
import time

from django.db import DatabaseError, close_old_connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("samspill.worker")

MAX_PAUSE_SECONDS = 60


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        failures = 0
        while self.running:
            try:
                super().run()
                return  # a batch run or --max-tasks ended normally
            except DatabaseError:
                failures += 1
                pause = min(MAX_PAUSE_SECONDS, 2**failures)
                logger.exception("database error in the worker; trying again in %d s", pause)
                close_old_connections()
                time.sleep(pause)


class Command(db_worker.Command):
    help = "Run the task worker (emails, imports); it survives database errors."

    def handle(self, *args, **options) -> None:
        # The stock command builds its Worker by module name; give it this one.
        stock = db_worker.Worker
        db_worker.Worker = ResilientWorker  # type: ignore[misc]
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = stock  # type: ignore[misc]
