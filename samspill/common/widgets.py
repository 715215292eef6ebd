"""Rendering a bound field's widget, with selects and text inputs written in Python.

Django renders a widget through its templates, a select through one per option
(`select_option.html`, which includes `attrs.html`): a filter's select of a dozen kinds
costs a millisecond, a select of a few hundred organisations tens of them, and every text
input half a millisecond. `render_widget` writes plain selects, inputs, checkboxes and
textareas (those that use Django's own templates, not templates of their own) directly,
producing the markup Django's templates make (`tests/test_widgets.py` compares them byte for
byte), and leaves every other widget to Django. (Samspill does not override Django's widget
templates; one that did would have to be rendered by Django again.)
"""

from typing import Any

from django import forms
from django.forms import widgets
from django.forms.boundfield import BoundField, BoundWidget
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

_SELECT = forms.Select.template_name
_OPTION = forms.Select.option_template_name
# Django's templates for <input> widgets that only include django/forms/widgets/input.html.
_INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "text email url number password search date datetime time tel hidden color checkbox".split()
    )
}
_TEXTAREA = forms.Textarea.template_name


def render_widget(field: BoundField, attrs: dict[str, Any]) -> SafeString:
    """`field.as_widget(attrs=attrs)`, faster for a plain select or input."""
    widget = field.field.widget
    if _is_plain_select(widget):
        write = select_html
    elif isinstance(widget, widgets.Input) and widget.template_name in _INPUTS:
        write = input_html
    elif isinstance(widget, forms.Textarea) and widget.template_name == _TEXTAREA:
        write = textarea_html
    else:
        return field.as_widget(attrs=attrs)
    if field.field.localize:
        return field.as_widget(attrs=attrs)
    # What BoundField.as_widget does before it renders (only_initial aside, unused here).
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    return write(widget.get_context(field.html_name, field.value(), attrs)["widget"])


_OPTION_INPUTS = {
    forms.CheckboxSelectMultiple.option_template_name,
    forms.RadioSelect.option_template_name,
}


def render_choice(choice: BoundWidget) -> SafeString:
    """`choice.tag()` of one checkbox or radio button of a multiple choice, faster."""
    if choice.data.get("template_name") in _OPTION_INPUTS:
        return input_html(choice.data)
    return choice.tag()


def _is_plain_select(widget: forms.Widget) -> bool:
    return (
        isinstance(widget, forms.Select)
        and not widget.allow_multiple_selected
        and widget.template_name == _SELECT
        and widget.option_template_name == _OPTION
    )


def _attrs(attrs: dict[str, Any]) -> str:
    """As django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def input_html(widget: dict[str, Any]) -> SafeString:
    """An input from its widget context, as django/forms/widgets/input.html renders it."""
    value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
    return mark_safe(  # noqa: S308 (every value escaped)
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def textarea_html(widget: dict[str, Any]) -> SafeString:
    """A textarea from its widget context, as django/forms/widgets/textarea.html renders it."""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return mark_safe(  # noqa: S308 (every value escaped)
        f'<textarea name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


def select_html(widget: dict[str, Any]) -> SafeString:
    """A select from its widget context, as django/forms/widgets/select.html renders it."""
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"  # the template's last line
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)
