import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

EMPTY = "–"


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def history_for(
    obj: Model, *, related: Iterable[QuerySet | Sequence[Model]] = (), limit: int = 50
) -> list[LogEntry]:
    """The audit trail of one object and the rows that belong to it, newest first.

    `related` holds dependent rows (an organisation's memberships, say), whose changes are
    part of the object's story: a queryset, whose keys are read with a query, or the rows a
    page has read already (a list of one model), which costs none. Each entry gets `changes`:
    what changed, said the way the pages say it (field labels, choice labels, dates, the
    names of linked records).
    """
    condition = Q(content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk))
    for rows in related:
        if isinstance(rows, QuerySet):
            model, ids = rows.model, [str(pk) for pk in rows.values_list("pk", flat=True)]
        elif rows:
            model, ids = type(rows[0]), [str(row.pk) for row in rows]
        else:
            continue
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=content_type, object_pk__in=ids)
    entries = list(
        LogEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:limit]
    )
    _describe_changes(entries)
    return entries


def _describe_changes(entries: list[LogEntry]) -> None:
    # Not django-auditlog's `LogEntry.changes_display_dict`: that reads each linked record
    # with a query of its own (one per changed foreign key of every entry), so a page's query
    # count would grow with its history. Here the linked records are named with one query
    # per model, and the page's count stays flat. The rest follows from that: the labels,
    # choices, dates and yes/no are said the way the pages say them, "–" for empty.
    raw = []
    linked: dict[Any, set[str]] = defaultdict(set)  # related model → primary keys to name
    for entry in entries:
        model = entry.content_type.model_class()
        fields = []
        if entry.action == LogEntry.Action.UPDATE and model is not None:
            for name, values in (entry.changes_dict or {}).items():
                field = _field(model, name)
                fields.append((name, field, values))
                if field is not None and field.many_to_one:
                    linked[field.related_model].update(v for v in values if _present(v))
        raw.append((entry, fields))
    names = {
        model: {str(o.pk): str(o) for o in model._base_manager.filter(pk__in=pks)}
        for model, pks in linked.items()
    }
    for entry, fields in raw:
        entry.changes = [
            Change(
                label=capfirst(str(field.verbose_name)) if field is not None else name,
                old=_display(field, values[0], names),
                new=_display(field, values[1], names),
            )
            for name, field, values in fields
        ]


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _present(value) -> bool:
    return value not in (None, "", "None")


def _display(field, value, names) -> str:
    if not _present(value):
        return EMPTY
    if field is None:
        return str(value)
    if field.many_to_one:
        return names.get(field.related_model, {}).get(str(value), str(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    internal = field.get_internal_type()
    if internal == "BooleanField":
        return _("yes") if value in (True, "True") else _("no")
    if internal == "DateField":
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return str(value)
    return str(value)
