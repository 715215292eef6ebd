"""The cluster agreement and collaboration agreements, with versions, appendices and signatures."""

from django.db.models import Model, Prefetch
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.common.audit import history_for
from samspill.common.views import form_page, list_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..forms import ClusterModelForm
from ..models import (
    Agreement,
    AgreementAppendix,
    AgreementSignature,
    AgreementVersion,
    Cluster,
)
from ..tables import (
    AGREEMENT_COLUMNS,
)
from .pages import record_form_views, save_as


@cluster_view(VIEW)
def agreement_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    version = queries.agreement_in_force(cluster=cluster)
    return list_page(
        request,
        queryset=queries.agreements_for_list(cluster=cluster),
        template="clusters/agreement_list.html",
        context={
            "version": version,
            "unsigned": queries.unsigned_members(version=version) if version else [],
            "with_us": queries.agreements_with_us(cluster=cluster),
        },
        columns=AGREEMENT_COLUMNS,
        filename=Agreement._meta.verbose_name_plural,
    )


@cluster_view(VIEW)
def agreement_detail(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement.objects.select_related("counterpart_cluster"), pk=pk)
    versions = agreement.versions.prefetch_related(
        "appendices",
        Prefetch("signatures", queryset=AgreementSignature.objects.select_related("organisation")),
    )
    in_force = queries.agreement_in_force(cluster=cluster)
    in_force_here = in_force if in_force and in_force.agreement_id == agreement.pk else None
    context = {
        "agreement": agreement,
        "versions": versions,
        "in_force": in_force,
        "unsigned_version": in_force_here,
        "unsigned": queries.unsigned_members(version=in_force_here) if in_force_here else [],
        "history": history_for(agreement, related=[agreement.versions.all()]),
    }
    return render(request, "clusters/agreement_detail.html", context)


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
