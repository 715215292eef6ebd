"""View plumbing every app shares: list pages with export, and create/edit form pages."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .lists import Column, export_response, paginate, wants_export


def list_page(
    request, *, queryset, template: str, context: dict, columns: list[Column], filename: object
):
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
    request,
    *,
    form,
    save: Callable[[Any], Any],
    template: str,
    context: dict,
    success_message: str,
    success_url: Callable[[object], str] | None = None,
):
    """Validate a bound form and save through a service; on errors, show them with the input."""
    if request.method == "POST" and form.is_valid():
        saved = save(form)
        messages.success(request, success_message or _("Saved."))
        return redirect(success_url(saved) if success_url else saved.get_absolute_url())
    return render(request, template, {**context, "form": form})
