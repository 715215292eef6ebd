"""A list's table: header labels, and rows rendered in Python.

The rows are the part of a list page that grows with its length. Rendered by the template
engine, each `{{ value }}` resolves, localises and escapes through a dozen calls, and a 25-row
table of five cells costs more than the rest of the page together (about 8,000 Python calls);
made here, the same rows cost about 1,000. So each app describes its tables as `Cell`s in its
`tables.py`, next to the columns of the export, and `common/_table.html` draws them: headers
from the labels, the body from `render_rows`. Everything else on a page stays in templates.

Every cell function returns HTML: text goes through `text()` (escaped), links through
`link()`. Nothing a person typed reaches the page unescaped.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime
from html import escape
from typing import Any, NamedTuple

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django_stubs_ext import StrOrPromise

EMPTY = "–"


class Cell(NamedTuple):
    label: StrOrPromise  # the column's header
    html: Callable[[Any], str]  # the cell of one row, as HTML (see `text` and `link`)
    hidden_label: bool = False  # a header for screen readers only, as over an action column


# Stands for the primary key in a reversed URL; matches <int:pk>, never a real row's key.
_PLACEHOLDER = str(2**62 + 271828)


class RowUrl(str):
    """A detail page's URL reversed once, with a placeholder where the primary key goes."""

    def with_pk(self, pk: Any) -> str:
        head, _, tail = self.rpartition(_PLACEHOLDER)
        return f"{head}{int(pk)}{tail}"


def row_url(view_name: str, **kwargs: Any) -> RowUrl:
    """The URL of `view_name` for any primary key, filled in per row by `with_pk`: one
    reverse for the page instead of one per row."""
    return RowUrl(reverse(view_name, kwargs={**kwargs, "pk": _PLACEHOLDER}))


class Table(NamedTuple):
    cells: list[Cell]
    body: SafeString  # the rows, `<tr>…</tr>` each


def table(rows: Iterable[Any], cells: list[Cell]) -> Table:
    """The table of `rows`: what `common/_table.html` draws."""
    return Table(cells, render_rows(rows, cells))


def render_rows(rows: Iterable[Any], cells: list[Cell]) -> SafeString:
    functions = [cell.html for cell in cells]
    return mark_safe(
        "\n".join(
            "<tr>" + "".join([f"<td>{html(row)}</td>" for html in functions]) + "</tr>"
            for row in rows
        )
    )


def text(value: Any, empty: str = EMPTY) -> str:
    """`value` as escaped text; `empty` (a dash) when there is none. Dates in the page's
    language, as the template's `{{ value }}` shows them."""
    if value is None or value == "":
        return empty
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value)
    return escape(str(value))


def linebreaks(value: Any, empty: str = EMPTY) -> str:
    """Text of several lines as escaped text with its line breaks kept (`linebreaksbr`)."""
    return text(value, empty).replace("\r\n", "\n").replace("\n", "<br>")


def link(url: str, label: Any, hidden: Any = "") -> str:
    """A link to `url` reading `label`; `hidden` is added for screen readers (which row an
    "Edit" link edits)."""
    extra = f'<span class="ds-sr-only"> {escape(str(hidden))}</span>' if hidden else ""
    return f'<a class="ds-link" href="{escape(url)}">{escape(str(label))}{extra}</a>'


def muted(value: Any) -> str:
    """A second line in a cell, in grey (a parent organisation under a unit's name)."""
    return f'<br><span class="muted">{escape(str(value))}</span>' if value else ""
