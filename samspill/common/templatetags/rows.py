"""Template helpers for pages that show many rows: work done once per page, not per row.

{% load rows %}
{% row_url "clusters:person_detail" cluster=current_cluster.slug as person_url %}
{% for person in page.object_list %}
  <a href="{{ person_url|with_pk:person.pk }}">…</a> {{ person|choice_label:"kind" }}
{% endfor %}
"""

from typing import Any

from django import template
from django.urls import reverse

from samspill.common.choices import choice_label as _choice_label

register = template.Library()

# Stands for the primary key in a reversed URL; matches <int:pk>, never a real row's key.
_PLACEHOLDER = str(2**62 + 271828)


class RowUrl(str):
    """A detail page's URL reversed once, with a placeholder where the primary key goes."""

    def with_pk(self, pk: Any) -> str:
        head, _, tail = self.rpartition(_PLACEHOLDER)
        return f"{head}{int(pk)}{tail}"


@register.simple_tag
def row_url(view_name: str, **kwargs: Any) -> RowUrl:
    """The URL of `view_name` for any primary key: `{{ url|with_pk:row.pk }}` fills it in.

    One reverse for the page instead of one per row (`{% url … pk=row.pk %}`).
    """
    return RowUrl(reverse(view_name, kwargs={**kwargs, "pk": _PLACEHOLDER}))


@register.filter
def with_pk(url: RowUrl, pk: Any) -> str:
    return url.with_pk(pk)


@register.filter
def choice_label(instance: Any, field_name: str) -> Any:
    """`{{ row|choice_label:"kind" }}`: what `{{ row.get_kind_display }}` shows, without
    rebuilding the field's choices for every row (see `samspill/common/choices.py`)."""
    return _choice_label(instance, field_name)
