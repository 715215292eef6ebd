"""View plumbing every app shares: list pages with export, and create/edit form pages."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from .http import HtmxHttpRequest
from .lists import Column, export_response, paginate, wants_export


def list_page(
    request: HtmxHttpRequest,
    *,
    queryset: QuerySet[Any],
    template: str,
    context: dict[str, Any],
    columns: list[Column],
    filename: object,
) -> HttpResponse:
    """Render a paginated list, or the whole filtered list as CSV/XLSX when ?format= asks."""
    fmt = wants_export(request)
    if fmt:
        return export_response(rows=queryset, columns=columns, filename=filename, fmt=fmt)
    page = paginate(request, queryset)
    query = request.GET.copy()
    query.pop("page", None)
    context = {**context, "page": page, "query": query.urlencode()}
    if request.htmx and not request.htmx.boosted:
        return render(request, f"{template}#results", context)
    return render(request, template, context)


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
    """Validate a bound form and save through a service; on errors, show them with the input."""
    if request.method == "POST" and form.is_valid():
        saved = save(form)
        messages.success(request, success_message or _("Saved."))
        return redirect(success_url(saved) if success_url else saved.get_absolute_url())
    return render(request, template, {**context, "form": form})
