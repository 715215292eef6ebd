"""Template helpers for pages that show many rows: work done once per page, not per row.

{% load rows %}
{% row_url "clusters:person_detail" cluster=current_cluster.slug as person_url %}
{% for person in page.object_list %}
  <a href="{{ person_url|with_pk:person.pk }}">…</a> {{ person|choice_label:"kind" }}
{% endfor %}
"""

from typing import Any

from django import template

from samspill.common.choices import choice_label as _choice_label
from samspill.common.tables import RowUrl
from samspill.common.tables import row_url as _row_url

register = template.Library()


@register.simple_tag
def row_url(view_name: str, **kwargs: Any) -> RowUrl:
    """The URL of `view_name` for any primary key: `{{ url|with_pk:row.pk }}` fills it in.

    One reverse for the page instead of one per row (`{% url … pk=row.pk %}`).
    """
    return _row_url(view_name, **kwargs)


@register.filter
def with_pk(url: RowUrl, pk: Any) -> str:
    return url.with_pk(pk)


@register.filter
def choice_label(instance: Any, field_name: str) -> Any:
    """`{{ row|choice_label:"kind" }}`: what `{{ row.get_kind_display }}` shows, without
    rebuilding the field's choices for every row (see `samspill/common/choices.py`)."""
    return _choice_label(instance, field_name)
