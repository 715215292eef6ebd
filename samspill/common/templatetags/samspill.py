from django import forms, template
from django.urls import reverse
from django.utils.html import format_html

from samspill.common import menu
from samspill.common.widgets import render_widget

register = template.Library()


@register.filter
def ds_widget(field):
    """Render a bound field's widget with Designsystemet classes and accessible error links."""
    attrs = {"class": "ds-input"}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}_error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        attrs["class"] = "ds-input"
    return render_widget(field, attrs={**widget.attrs, **attrs})  # selects without templates


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def query_with(query: str, **params) -> str:
    """The current list's query string with some parameters replaced (page, format)."""
    from django.http import QueryDict

    q = QueryDict(query, mutable=True)
    for key, value in params.items():
        q[key] = value
    return q.urlencode()


@register.simple_tag(takes_context=True)
def menu_current(context, view_name: str) -> str:
    """aria-current for a main-menu link: "page" on the page it links to, "true" on the
    pages of its section (an organisation under Organisations); see `common/menu.py`."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None or menu.item_for(match) != view_name:
        return ""
    return format_html(' aria-current="{}"', "page" if match.view_name == view_name else "true")


@register.simple_tag(takes_context=True)
def cluster_menu(context) -> list[dict]:
    """The items the apps added to the menu (`common/menu.py`) that the user may see in the
    current cluster, each with its `url`, `label` and `current` (aria-current)."""
    cluster, user = context.get("current_cluster"), context.get("user")
    if cluster is None or user is None:
        return []
    items = menu.items()
    # Most items ask the same permission: each is checked once (a check goes through every
    # authentication backend).
    allowed = {
        permission: user.has_perm(permission, cluster)
        for permission in {item.permission for item in items}
    }
    return [
        {
            "url": reverse(item.view_name, kwargs={"cluster": cluster.slug}),
            "label": item.label,
            "current": menu_current(context, item.view_name),
        }
        for item in items
        if allowed[item.permission]
    ]


@register.filter
def markdown(text: str):
    """Markdown a person wrote, as sanitised HTML."""
    from samspill.common.markdown import render_markdown

    return render_markdown(text)
