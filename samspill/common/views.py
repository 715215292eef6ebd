"""View plumbing every app shares: list pages with export, and create/edit form pages."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from .caching import CSRF_PLACEHOLDER, kept, with_csrf_token
from .http import HtmxHttpRequest
from .lists import Column, export_response, paginate, wants_export
from .tables import Cell, table


def list_page(
    request: HtmxHttpRequest,
    *,
    queryset: QuerySet[Any],
    template: str,
    context: dict[str, Any],
    columns: list[Column],
    filename: object,
    cells: list[Cell] | None = None,
    cache_key: str | None = None,
) -> HttpResponse:
    """Render a paginated list, or the whole filtered list as CSV/XLSX when ?format= asks.

    The template's partial `results` holds what depends on the rows (with `cells`, the rows
    come drawn as `table`, see `tables.py`) and the page shows it as `{{ results }}`; htmx
    asks for it alone. With `cache_key` it is kept (`caching.py`).
    """
    fmt = wants_export(request)
    if fmt:
        return export_response(rows=queryset, columns=columns, filename=filename, fmt=fmt)

    def results() -> str:
        page = paginate(request, queryset)
        query = request.GET.copy()
        query.pop("page", None)
        part = {**context, "page": page, "query": query.urlencode()}
        if cells is not None:
            part["table"] = table(page.object_list, cells)
        return render_to_string(f"{template}#results", part, request)

    html = kept(cache_key, results)
    if request.htmx and not request.htmx.boosted:
        return HttpResponse(html)
    return render(request, template, {**context, "results": html})


def kept_page(
    request: HtmxHttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    read: Callable[[], dict[str, Any]],
    cache_key: str | None,
    forms: bool = False,
) -> HttpResponse:
    """Render `template`, whose partial `main` shows what `read()` reads from the database;
    with `cache_key`, that part is kept (`caching.py`) and `read()` not called while it is.
    `context` is what the rest of the page needs (the record, for the title). With
    `forms`, the part's forms are kept too, and get the visitor's CSRF token on the way out."""
    token = {"csrf_token": CSRF_PLACEHOLDER} if forms else {}
    main = kept(
        cache_key,
        lambda: render_to_string(f"{template}#main", {**context, **read(), **token}, request),
    )
    if forms:
        main = with_csrf_token(main, request)
    return render(request, template, {**context, "main": main})


def form_page(
    request: HtmxHttpRequest,
    *,
    form: BaseForm,
    save: Callable[[Any], Any],
    template: str,
    context: dict[str, Any],
    success_message: StrOrPromise,
    success_url: Callable[[Any], str] | None = None,
) -> HttpResponse:
    """Validate a bound form and save through a service; on errors, the form's or a rule the
    service raises, show them with the input."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, success_message or _("Saved."))
            return redirect(success_url(saved) if success_url else saved.get_absolute_url())
    return render(request, template, {**context, "form": form})


def add_service_error(form: BaseForm, error: ValidationError) -> None:
    """A service's ValidationError on the form: next to the field it names where the form has
    that field, above the form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
