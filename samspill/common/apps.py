from django.apps import AppConfig
from django.db.backends.signals import connection_created

from .collation import register_sqlite_collation


class CommonConfig(AppConfig):
    name = "samspill.common"
    label = "common"

    def ready(self) -> None:
        # SQLite gets the Norwegian collation PostgreSQL has built in (see collation.py).
        connection_created.connect(
            register_sqlite_collation, dispatch_uid="samspill.common.collation"
        )
