"""A file uploaded for import, waiting for confirmation or imported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .clusters import ClusterScoped


class ImportBatch(ClusterScoped):
    """A file uploaded for import: parsed rows wait here until a person confirms."""

    class Kind(models.TextChoices):
        ORGANISATIONS = "organisations", _("Organisations")
        PEOPLE = "people", _("People")
        MEMBERSHIPS = "memberships", _("Memberships")

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting for confirmation")
        CHANGED = "changed", _("Checked again: the registry had changed")
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Stopped by an error")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("file"), max_length=255)
    rows = models.JSONField(default=list)
    unused_columns = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CHECKED
    )
    include_duplicates = models.BooleanField(default=False)
    progress = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    imported_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.filename}"

    @property
    def good_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["errors"] and not row.get("warnings")]

    @property
    def possible_duplicates(self) -> list[dict]:
        return [row for row in self.rows if not row["errors"] and row.get("warnings")]

    @property
    def bad_rows(self) -> list[dict]:
        return [row for row in self.rows if row["errors"]]

    @property
    def can_confirm(self) -> bool:
        return self.status in {self.Status.CHECKED, self.Status.CHANGED}

    @property
    def in_progress(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}

    @property
    def to_import(self) -> int:
        return len(self.good_rows) + (
            len(self.possible_duplicates) if self.include_duplicates else 0
        )
