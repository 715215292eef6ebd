"""Labels of choice fields, looked up once per field and language.

`instance.get_kind_display()` rebuilds the field's whole choice dictionary on every call, and
hashing each lazy label translates it: with a few dozen choices that is most of the time a
list or an export of many rows takes. `choice_label(instance, "kind")` gives the same text
from a dictionary made once per model field and language; templates use the `choice_label`
filter (`{{ organisation|choice_label:"kind" }}`, `{% load rows %}`), exports the `choice`
column getter in `lists.py`.
"""

from typing import Any

from django.db import models
from django.utils.translation import get_language

_labels: dict[tuple[type[models.Model], str, str | None], dict[Any, str]] = {}


def choice_labels(model: type[models.Model], field_name: str) -> dict[Any, str]:
    """{value: label} of a choice field in the active language."""
    key = (model, field_name, get_language())
    labels = _labels.get(key)
    if labels is None:
        field = model._meta.get_field(field_name)
        labels = {value: str(label) for value, label in getattr(field, "flatchoices", [])}
        _labels[key] = labels  # a handful of fields × languages: it stays small
    return labels


def choice_label(instance: models.Model, field_name: str) -> Any:
    """What `instance.get_<field_name>_display()` returns: the value's label, or the value
    itself when it is not one of the choices (empty, or no longer offered)."""
    value = getattr(instance, field_name)
    try:
        return choice_labels(type(instance), field_name).get(value, value)
    except TypeError:  # an unhashable value (a list) cannot be one of the choices
        return value
