"""Pagination and CSV/XLSX export, shared by every list page."""

import csv
import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from io import BytesIO
from typing import Any, NamedTuple

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .choices import choice_label

PAGE_SIZE = 25

# A cell starting with one of these is read as a formula by Excel and LibreOffice (OWASP,
# "CSV injection"): tab and carriage return too, because spreadsheets strip them first.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd.mm.yyyy"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60


class Column(NamedTuple):
    """One column of a list's export; `field` names what the importer reads it into."""

    label: Any
    get: Callable[[Any], object]
    field: str = ""


def choice(field_name: str) -> Callable[[Any], object]:
    """A column getter for a choice field's label: `Column(_("Kind"), choice("kind"))`.

    The same text as `row.get_kind_display()`, from labels looked up once per field and
    language instead of once per row (see `choices.py`).
    """
    return lambda row: choice_label(row, field_name)


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None):
    """The page `?page=` asks for (the last for a number past it, the first for a bad one).

    `count`, when the number of rows is known already (an annotation of the page's parent),
    saves the query that would count them.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))


def wants_export(request) -> str | None:
    fmt = request.GET.get("format")
    return fmt if fmt in {"csv", "xlsx"} else None


def neutralise(value: str) -> str:
    """`value` made safe for a CSV cell: a `'` in front if a spreadsheet would take it for a
    formula.

    Contract with the importer: it calls `unneutralise` on every CSV cell it reads, and
    `unneutralise(neutralise(v)) == v` for every string, so an exported value imports again
    exactly. A value that already starts with quotes before such a character (`'=x`) gets
    one more (`''=x`), so the quote `unneutralise` removes is always the one added here.
    Numbers are written as they are. XLSX cells are not neutralised this way: they keep
    their text exactly and are stored as text (never as a formula). `unneutralise` on an
    XLSX cell changes nothing unless its text itself starts with `'` before a formula
    character, which only a person typing it could have made.
    """
    if value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(cell: str) -> str:
    """The value `neutralise` made `cell` from: removes the one `'` it added (see there)."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def _value(value: object) -> object:
    """A column's value as a spreadsheet value: numbers and dates stay themselves, empty is
    None, datetimes are local time without zone (Excel has none), everything else text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal | datetime.date):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    return str(value)


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return value


def _width(value: object) -> int:
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _xlsx(rows: Iterable, columns: list[Column], header: list[str], title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(header)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    widths = [len(label) for label in header]
    row_number = 1
    for row in rows:
        row_number += 1
        for index, column in enumerate(columns):
            value = _value(column.get(row))
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # XML cannot hold them
            if value is None or value == "":
                continue
            cell = sheet.cell(row=row_number, column=index + 1, value=value)
            if isinstance(value, str):
                # openpyxl makes "=…" a formula; store every value as the text it is, and
                # mark formula-like ones so Excel keeps them text when a person edits them.
                cell.data_type = "s"
                if value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
            elif isinstance(value, datetime.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
            widths[index] = max(widths[index], _width(value))
    for index, width in enumerate(widths):
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{row_number}"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(*, rows: Iterable, columns: list[Column], filename: object, fmt: str):
    """Every row of the (filtered, unpaginated) list as CSV or XLSX.

    `filename` is the list's name in the reader's language ("organisasjonar-2026-11-22.csv").
    CSV: semicolon-separated UTF-8 with a BOM, formula-like text neutralised (`neutralise`).
    XLSX: bold frozen header with a filter, fitted column widths, numbers as numbers, dates
    as dates (07.10.2022), all text stored as text, never as a formula.
    """
    header = [str(column.label) for column in columns]
    name = slugify(str(filename), allow_unicode=True)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{name}-{stamp}.csv")
        response.write("\ufeff")  # Excel opens UTF-8 with æøå correctly only with a BOM.
        writer = csv.writer(response, delimiter=";")
        writer.writerow([neutralise(label) for label in header])
        for row in rows:
            writer.writerow([_csv_cell(_value(column.get(row))) for column in columns])
        return response
    response = HttpResponse(
        _xlsx(rows, columns, header, str(filename)[:31]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{name}-{stamp}.xlsx")
    return response
