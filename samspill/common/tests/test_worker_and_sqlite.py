"""The task worker outlives database errors, and SQLite takes concurrent writers in turn."""

import sqlite3
import threading
import time
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.sqlite3.base import DatabaseWrapper

from samspill.common.management.commands.worker import ResilientWorker


def _worker() -> ResilientWorker:
    return ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def test_worker_goes_on_after_a_database_error():
    calls = []

    def flaky_run(self):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database is locked")

    with (
        mock.patch("django_tasks_db.management.commands.db_worker.Worker.run", flaky_run),
        mock.patch("samspill.common.management.commands.worker.time.sleep") as sleep,
        mock.patch("samspill.common.management.commands.worker.close_old_connections"),
    ):
        _worker().run()
    assert len(calls) == 3
    assert [c.args[0] for c in sleep.call_args_list] == [2, 4]


def _connection(path: str) -> DatabaseWrapper:
    options = settings.SQLITE_FILE_OPTIONS
    wrapper = DatabaseWrapper({**settings.DATABASES["default"], "NAME": path, "OPTIONS": options})
    wrapper.ensure_connection()
    return wrapper


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's locking only",
)
def test_two_writes_at_once_on_sqlite_both_succeed(tmp_path, django_db_blocker):
    """With the project's options (IMMEDIATE transactions, busy timeout), a second writer
    waits for the first instead of failing with "database is locked"."""
    path = str(tmp_path / "db.sqlite3")
    sqlite3.connect(path).execute("create table t (n integer)").connection.close()
    errors: list[Exception] = []
    started = threading.Barrier(2, timeout=30)

    def write(n: int) -> None:
        wrapper = _connection(path)
        try:
            started.wait()
            with wrapper.cursor() as cursor:
                wrapper.set_autocommit(False)
                cursor.execute("insert into t values (%s)", [n])
                time.sleep(0.3)  # hold the write lock while the other thread tries
                wrapper.commit()
        except Exception as error:
            errors.append(error)
        finally:
            wrapper.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in (1, 2)]
    with django_db_blocker.unblock():  # a database of its own, outside the test database
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    rows = sqlite3.connect(path).execute("select n from t order by n").fetchall()
    assert rows == [(1,), (2,)]
