from functools import lru_cache

from django import forms, template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from samspill.common import menu
from samspill.common.widgets import render_choice, render_widget

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
def choice_input(choice):
    """`{{ choice.tag }}` of a checkbox among several (`{% for choice in field %}`)."""
    return render_choice(choice)


@register.simple_tag
def ds_field(field) -> SafeString:
    """A form field in Designsystemet's markup: label (with "required"), help text, widget
    and errors, tied together for screen readers. Written here rather than as a template:
    a form page draws a dozen of them, and the template language spends five times the
    calls on each."""
    if field.is_hidden:
        return field.as_widget()
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return _ds_choices(field)
    widget = ds_widget(field)
    if isinstance(field.field.widget, forms.CheckboxInput):
        inner = format_html(
            '<div class="checkbox-row">{} <label class="ds-label" for="{}">{}</label></div>',
            widget,
            field.id_for_label,
            field.label,
        )
    else:
        inner = format_html(
            '<label class="ds-label" for="{}">{}{}</label>\n{}{}',
            field.id_for_label,
            field.label,
            _required(field),
            _help_text(field),
            widget,
        )
    return format_html('<div class="ds-field">\n{}\n{}</div>', inner, _errors(field))


def _ds_choices(field) -> SafeString:
    """Radio buttons or checkboxes: a fieldset whose legend asks the question, one labelled
    input per choice."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    rows = []
    for choice in field:
        attrs = {**choice.data["attrs"], "class": "ds-input"}
        if field.errors:
            attrs["aria-invalid"] = "true"
        choice.data["attrs"] = attrs
        rows.append(
            format_html(
                '<div class="checkbox-row">{} <label class="ds-label" data-weight="regular" '
                'for="{}">{}</label></div>',
                render_choice(choice),
                choice.id_for_label,
                choice.choice_label,
            )
        )
    return format_html(
        '<fieldset class="ds-fieldset" id="{}"{}>\n<legend class="ds-label">{}{}</legend>\n'
        "{}{}\n{}</fieldset>",
        field.auto_id,
        format_html(' aria-describedby="{}"', " ".join(described)) if described else "",
        field.label,
        _required(field),
        _help_text(field),
        mark_safe("\n".join(rows)),  # each row is escaped by format_html above
        _errors(field),
    )


def _required(field) -> SafeString:
    if not field.field.required:
        return SafeString()
    return format_html(
        ' <span class="muted" data-weight="regular">({})</span>', gettext("required")
    )


def _help_text(field) -> SafeString:
    if not field.help_text:
        return SafeString()
    return format_html(
        '<p class="ds-paragraph muted" data-size="sm" id="{}_help">{}</p>',
        field.auto_id,
        field.help_text,
    )


def _errors(field) -> SafeString:
    if not field.errors:
        return SafeString()
    return format_html(
        '<p class="ds-validation-message" data-field="validation" id="{}_error">{}</p>',
        field.auto_id,
        " ".join(str(error) for error in field.errors),
    )


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
def cluster_menu(context) -> SafeString:
    """The `<li>` links of the items the apps added to the menu (`common/menu.py`) that the
    user may see in the current cluster, the current one marked (aria-current)."""
    cluster, user = context.get("current_cluster"), context.get("user")
    if cluster is None or user is None:
        return SafeString()
    items = menu.items()
    # Most items ask the same permission: each is checked once (a check goes through every
    # authentication backend).
    allowed = tuple(
        sorted(
            permission
            for permission in {item.permission for item in items}
            if user.has_perm(permission, cluster)
        )
    )
    match = getattr(context.get("request"), "resolver_match", None)
    current = menu.item_for(match) if match is not None else None
    # The URLconf and prefix in the key too: a test or a mounted site may change them.
    where = (get_urlconf(), get_script_prefix(), get_language())
    return _menu_html(cluster.slug, where, allowed, current, match.view_name if match else None)


@lru_cache(maxsize=1024)
def _menu_html(
    slug: str,
    where: tuple,
    allowed: tuple[str, ...],
    current_item: str | None,
    current_page: str | None,
) -> SafeString:
    """The menu's links, made once per cluster, language, permissions and page: the same
    every time, and a fifth of what a page of the registry costs when written anew."""
    links = []
    for item in menu.items():
        if item.permission not in allowed:
            continue
        mark = ""
        if item.view_name == current_item:
            mark = (
                ' aria-current="page"' if current_page == item.view_name else ' aria-current="true"'
            )
        url = reverse(item.view_name, kwargs={"cluster": slug})
        links.append(
            format_html('<li><a href="{}"{}>{}</a></li>', url, mark_safe(mark), item.label)
        )
    return mark_safe("\n".join(links))


@register.filter
def markdown(text: str):
    """Markdown a person wrote, as sanitised HTML."""
    from samspill.common.markdown import render_markdown

    return render_markdown(text)
