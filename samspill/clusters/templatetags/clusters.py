"""The registry's template filters and tags: `{% load clusters %}`."""

from django import template
from django.forms import BaseFormSet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samspill.common.widgets import render_widget

from ..queries import BalanceRow
from ..validators import format_organisation_number

register = template.Library()


@register.filter
def organisation_number(value: str) -> str:
    """A Norwegian organisation number as it is printed: 917 641 404."""
    return format_organisation_number(value)


# The balance picture's cells (`clusters/_balance.html`) are written here rather than by a
# template loop: a dashboard at 1,000 organisations draws some 50 cells twice (the drawing
# and its table), and the template language spends about 300 function calls on each cell
# (a few variables and an {% if %}), four fifths of the page. Every coordinate and text comes
# computed from `queries.balance_picture`; only the title, which holds a region's name, needs
# escaping (the rest are digits made there).


@register.simple_tag
def balance_marks(row: BalanceRow) -> SafeString:
    """The circles of one row of the drawing: a bubble with the count, or a dashed red ring
    with “!” for a gap."""
    parts = []
    for cell in row.cells:
        if cell.count:
            parts.append(
                f'<circle class="bubble" cx="{cell.x}" cy="{row.middle}" r="{cell.radius}">'
                f"<title>{escape(cell.title)}</title></circle>"
                f'<text x="{cell.x}" y="{row.text_y}" text-anchor="middle" class="count">'
                f"{cell.count_text}</text>"
            )
        elif cell.is_gap:
            parts.append(
                f'<circle class="gap" cx="{cell.x}" cy="{row.middle}" r="22">'
                f"<title>{escape(cell.title)}</title></circle>"
                f'<text x="{cell.x}" y="{row.mark_y}" text-anchor="middle" class="gap-mark">'
                "!</text>"
            )
    return mark_safe("\n".join(parts))  # noqa: S308 (the one text escaped, the rest digits)


@register.simple_tag
def balance_cells(row: BalanceRow, gap: str) -> SafeString:
    """The table's cells of one row: the count, and `gap` (“(gap)”) where there is one."""
    gap_mark = f" <strong>({escape(gap)})</strong>"
    return mark_safe(  # noqa: S308 (the label escaped, the counts digits)
        "".join(
            f"<td>{cell.count_text}{gap_mark if cell.is_gap else ''}</td>" for cell in row.cells
        )
    )


@register.simple_tag
def region_rows(regions: BaseFormSet) -> SafeString:
    """The rows of the cluster settings' regions: a name and an order for each, with their
    errors. Written here for the reason the balance cells are: the template language spends
    some 1,500 calls on each row."""
    name_label, order_label = escape(_("Name")), escape(_("Order"))
    rows = []
    for form in regions:
        name, position = form["name"], form["position"]
        name_id, position_id = escape(name.id_for_label), escape(position.id_for_label)
        invalid = errors = ""
        if name.errors:
            invalid = f' aria-invalid="true" aria-describedby="{name_id}_error"'
            errors = (
                f'<p class="ds-validation-message" id="{name_id}_error">'
                f"{escape(' '.join(name.errors))}</p>"
            )
        errors += "".join(
            f'<p class="ds-validation-message">{escape(error)}</p>'
            for error in form.non_field_errors()
        )
        value = "" if position.value() is None else escape(position.value())
        rows.append(
            f"<tr><td>{render_widget(form['id'], {})}"
            f'<label class="ds-sr-only" for="{name_id}">{name_label}</label>'
            f'<input class="ds-input" type="text" name="{escape(name.html_name)}" id="{name_id}"'
            f' value="{escape(name.value() or "")}"{invalid}>{errors}</td>'
            f'<td><label class="ds-sr-only" for="{position_id}">{order_label}</label>'
            f'<input class="ds-input" type="number" min="0" name="{escape(position.html_name)}"'
            f' id="{position_id}" value="{value}"></td></tr>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (every value escaped above)
