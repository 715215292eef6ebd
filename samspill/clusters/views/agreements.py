"""The cluster agreement and collaboration agreements, with versions, appendices and signatures."""

from collections.abc import Callable
from functools import cache

from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.common.audit import history_for
from samspill.common.caching import kept
from samspill.common.lists import paginate
from samspill.common.views import form_page, kept_page, list_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..filters import AgreementSignaturesForm, parses_query
from ..forms import ClusterModelForm
from ..freshness import page_key
from ..models import (
    Agreement,
    AgreementAppendix,
    AgreementSignature,
    AgreementVersion,
    Cluster,
)
from ..tables import (
    AGREEMENT_COLUMNS,
    agreement_cells,
)
from .pages import record_form_views, save_as


@cluster_view(VIEW)
def agreement_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    template = "clusters/agreement_list.html"

    def around() -> dict:
        """The agreement in force, who has not signed it, and other clusters' agreements
        with this one: around the list, and kept with it."""
        version = queries.agreement_in_force(cluster=cluster)
        return {
            "version": version,
            "unsigned": queries.unsigned_shown(version=version),
            "with_us": queries.agreements_with_us(cluster=cluster),
        }

    read = cache(around)  # once for both parts, and only if one is not kept
    key = page_key(request, cluster, "around")

    def part(name: str) -> Callable[[], str]:
        # Called by the template, so an export or htmx's list alone read nothing of this.
        return lambda: kept(
            key and f"{key}:{name}",
            lambda: render_to_string(f"{template}#{name}", read(), request),
        )

    return list_page(
        request,
        queryset=queries.agreements_for_list(cluster=cluster),
        template=template,
        context={"in_force": part("in_force"), "others": part("others")},
        columns=AGREEMENT_COLUMNS,
        cells=agreement_cells(),
        filename=Agreement._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


@parses_query(AgreementSignaturesForm)
@cluster_view(VIEW)
def agreement_detail(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    """An agreement's versions with their appendices and numbers of signatures; the signatures
    of one version (the one in force, else the newest, or `?signatures=`) a page at a time."""
    agreement = get_object_or_404(Agreement.objects.select_related("counterpart_cluster"), pk=pk)
    return kept_page(
        request,
        template="clusters/agreement_detail.html",
        context={"agreement": agreement},
        read=lambda: _agreement_detail(request, cluster, agreement),
        cache_key=page_key(request, cluster, "main"),
    )


def _agreement_detail(request: RegistryRequest, cluster: Cluster, agreement: Agreement) -> dict:
    versions = queries.agreement_versions(agreement=agreement)
    in_force = queries.agreement_in_force(cluster=cluster)
    in_force_here = next((v for v in versions if in_force and v.pk == in_force.pk), None)
    asked = AgreementSignaturesForm(request.GET).values()["signatures"]
    listed = next((v for v in versions if v.pk == asked), None) or in_force_here
    if listed is None and versions:
        listed = versions[0]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "versions": versions,
        "in_force": in_force,
        "listed": listed,
        "page": paginate(
            request,
            queries.version_signatures(version=listed),
            count=listed.signature_count,  # type: ignore[attr-defined]  # agreement_versions' count
        )
        if listed
        else None,
        "query": query.urlencode(),
        "unsigned": queries.unsigned_shown(version=in_force_here),
        "history": history_for(agreement, related=[versions]),
    }


agreement_create, agreement_edit = record_form_views(
    Agreement,
    form_class=forms.AgreementForm,
    list_url="clusters:agreement_list",
    new_title=gettext_lazy("Add agreement"),
    saved=gettext_lazy("The agreement is saved."),
)


def _agreement_part_page(
    request: RegistryRequest,
    cluster: Cluster,
    *,
    form_class: type[ClusterModelForm],
    instance: Model,
    agreement: Agreement,
    title: str,
) -> HttpResponse:
    """Versions, appendices and signatures are added on a page of their own agreement."""
    form = form_class(
        request.POST or None, request.FILES or None, instance=instance, cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=save_as(request),
        template="common/form_page.html",
        context={"title": title, "cancel_url": agreement.get_absolute_url()},
        success_message=_("Saved."),
        success_url=lambda _saved: agreement.get_absolute_url(),
    )


@cluster_view(MANAGE, write=True)
def agreement_version_create(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk)
    return _agreement_part_page(
        request,
        cluster,
        form_class=forms.AgreementVersionForm,
        instance=AgreementVersion(cluster=cluster, agreement=agreement),
        agreement=agreement,
        title=_("New version"),
    )


@cluster_view(MANAGE, write=True)
def appendix_create(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    version = get_object_or_404(AgreementVersion.objects.select_related("agreement"), pk=pk)
    return _agreement_part_page(
        request,
        cluster,
        form_class=forms.AgreementAppendixForm,
        instance=version.appendices.model(cluster=cluster, version=version),
        agreement=version.agreement,
        title=_("New appendix to version %(label)s") % {"label": version.label},
    )


@cluster_view(MANAGE, write=True)
def signature_create(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    version = get_object_or_404(AgreementVersion.objects.select_related("agreement"), pk=pk)
    return _agreement_part_page(
        request,
        cluster,
        form_class=forms.AgreementSignatureForm,
        instance=AgreementSignature(
            cluster=cluster, version=version, signed_on=timezone.localdate()
        ),
        agreement=version.agreement,
        title=_("Register a signature of version %(label)s") % {"label": version.label},
    )


@cluster_view(VIEW)
def agreement_document(request: RegistryRequest, cluster: Cluster, pk: int) -> FileResponse:
    """Agreement documents are for the cluster's members, so they are served after a check."""
    return _document(get_object_or_404(AgreementVersion, pk=pk).document)


@cluster_view(VIEW)
def appendix_document(request: RegistryRequest, cluster: Cluster, pk: int) -> FileResponse:
    return _document(get_object_or_404(AgreementAppendix, pk=pk).document)


def _document(field: FieldFile) -> FileResponse:
    if not field.name:  # the same test as `not field`, which mypy cannot read
        raise Http404
    return FileResponse(field.open("rb"), filename=field.name.rsplit("/", 1)[-1])
