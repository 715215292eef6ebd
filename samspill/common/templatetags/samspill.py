from django import forms, template
from django.utils.html import format_html

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


# The main menu's item for each page: a registry view belongs to the list its name starts
# with (organisation_edit to the organisations); the rest of the registry (balance, nodes,
# subgroups, imports, settings, access) to the registry's dashboard.
_MENU_SECTIONS = (
    ("organisation", "clusters:organisation_list"),
    ("person", "clusters:person_list"),
    ("affiliation", "clusters:person_list"),
    ("membership", "clusters:membership_list"),
    ("agreement", "clusters:agreement_list"),
    ("appendix", "clusters:agreement_list"),
    ("signature", "clusters:agreement_list"),
)


def menu_item(match) -> str | None:
    """The view name of the main-menu item the resolved page belongs to."""
    if match is None:
        return None
    if match.namespace == "clusters":
        for prefix, item in _MENU_SECTIONS:
            if match.url_name.startswith(prefix):
                return item
        return "clusters:dashboard"
    return match.view_name


@register.simple_tag(takes_context=True)
def menu_current(context, view_name: str) -> str:
    """aria-current for a main-menu link: "page" on the page it links to, "true" on the
    pages of its section (an organisation under Organisations)."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None or menu_item(match) != view_name:
        return ""
    return format_html(' aria-current="{}"', "page" if match.view_name == view_name else "true")


@register.filter
def organisation_number(value: str) -> str:
    """A Norwegian organisation number as it is printed: 917 641 404."""
    digits = str(value or "")
    if len(digits) != 9 or not digits.isdigit():
        return digits
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
