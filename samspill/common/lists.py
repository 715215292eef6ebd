"""Pagination and CSV/XLSX export, shared by every list page."""

import csv
from collections.abc import Callable, Iterable
from io import BytesIO
from typing import Any, NamedTuple

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from openpyxl import Workbook

PAGE_SIZE = 25



class Column(NamedTuple):
    """One column of a list's export; `field` names what the importer reads it into."""

    label: Any
    get: Callable[[Any], object]
    field: str = ""


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def wants_export(request) -> str | None:
    fmt = request.GET.get("format")
    return fmt if fmt in {"csv", "xlsx"} else None


def _cell(value) -> object:
    if value is None:
        return ""
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value
    return str(value)


def export_response(*, rows: Iterable, columns: list[Column], filename: object, fmt: str):
    """Every row of the (filtered, unpaginated) list as CSV or XLSX.

    `filename` is the list's name in the reader's language ("organisasjonar-2026-11-22.csv").
    """
    header = [str(column.label) for column in columns]
    name = slugify(str(filename), allow_unicode=True)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{name}-{stamp}.csv")
        response.write("\ufeff")  # Excel opens UTF-8 with æøå correctly only with a BOM.
        writer = csv.writer(response, delimiter=";")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(column.get(row)) for column in columns])
        return response
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(filename)[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(column.get(row)) for column in columns])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{name}-{stamp}.xlsx")
    return response
