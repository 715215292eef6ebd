"""The registry's template filters and tags: `{% load clusters %}`."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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
