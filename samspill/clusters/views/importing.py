"""Importing from files: upload, preview, confirm and follow the progress."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from samspill.common.views import list_page

from .. import forms, imports, tasks
from ..access import MANAGE, RegistryRequest, cluster_view
from ..freshness import page_key
from ..models import (
    Cluster,
    ImportBatch,
)
from ..tables import (
    IMPORT_COLUMNS,
    import_cells,
)


@cluster_view(MANAGE)
def import_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    batches = ImportBatch.objects.select_related("created_by")
    return list_page(
        request,
        queryset=batches,
        template="clusters/import_list.html",
        context={},
        columns=IMPORT_COLUMNS,
        cells=import_cells(cluster),
        filename=ImportBatch._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


@cluster_view(MANAGE, write=True)
def import_upload(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = imports.import_prepare(
                cluster=cluster,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except imports.UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("clusters:import_preview", cluster=cluster.slug, pk=batch.pk)
    return render(request, "clusters/import_upload.html", {"form": form})


@cluster_view(MANAGE, write=True)
def import_preview(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    if request.htmx and not batch.in_progress:
        # The import being followed has finished: reload to show its result.
        return HttpResponseClientRefresh()
    context = {"batch": batch, "columns": imports.field_labels(batch.kind)}
    if request.htmx:
        return render(request, "clusters/import_preview.html#progress", context)
    return render(request, "clusters/import_preview.html", context)


@cluster_view(MANAGE, write=True)
@require_POST
def import_confirm(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.can_confirm:
        tasks.import_queue(
            batch=batch,
            include_duplicates=bool(request.POST.get("include_duplicates")),
            actor=request.user,
        )
    return redirect("clusters:import_preview", cluster=cluster.slug, pk=batch.pk)
