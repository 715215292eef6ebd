from django import forms, template

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
    return field.as_widget(attrs={**widget.attrs, **attrs})


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


@register.filter
def scale(value: int, maximum: int) -> float:
    """Bubble radius for the balance picture: area proportional to the count."""
    if not value:
        return 0
    return round(6 + 22 * (value / max(maximum, 1)) ** 0.5, 1)
