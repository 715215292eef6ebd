"""Nodes (knutepunkt) and subgroups."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from samspill.common.audit import history_for
from samspill.common.collation import norwegian
from samspill.common.tables import table
from samspill.common.views import kept_page, list_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..freshness import page_key
from ..models import (
    Cluster,
    Node,
    Subgroup,
)
from ..tables import (
    NODE_COLUMNS,
    SUBGROUP_COLUMNS,
    membership_cells,
    node_cells,
    subgroup_cells,
)
from .pages import record_form_views


@cluster_view(VIEW)
def node_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return list_page(
        request,
        queryset=queries.nodes_for_list(cluster=cluster),
        template="clusters/node_list.html",
        context={},
        columns=NODE_COLUMNS,
        cells=node_cells(),
        filename=Node._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


@cluster_view(VIEW)
def node_detail(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    node = get_object_or_404(
        Node.objects.select_related("region", "host_organisation", "coordinator"), pk=pk
    )
    return kept_page(
        request,
        template="clusters/node_detail.html",
        context={"node": node},
        read=lambda: {
            "memberships": queries.node_memberships(node=node),
            "history": history_for(node),
        },
        cache_key=page_key(request, cluster, "main"),
    )


node_create, node_edit = record_form_views(
    Node,
    form_class=forms.NodeForm,
    list_url="clusters:node_list",
    new_title=gettext_lazy("Add node"),
    saved=gettext_lazy("The node is saved."),
)


@cluster_view(VIEW)
def subgroup_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return list_page(
        request,
        queryset=queries.subgroups_for_list(cluster=cluster),
        template="clusters/subgroup_list.html",
        context={},
        columns=SUBGROUP_COLUMNS,
        cells=subgroup_cells(),
        filename=Subgroup._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


@cluster_view(VIEW)
def subgroup_detail(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    subgroup = get_object_or_404(Subgroup.objects.select_related("region"), pk=pk)

    def read() -> dict:
        memberships = subgroup.memberships.select_related(
            "organisation__region", "region", "node", "subgroup"
        ).order_by("left_on", norwegian("organisation__name"))
        can_manage = request.user.has_perm(MANAGE, cluster)
        return {
            "memberships_table": table(
                memberships,
                membership_cells(cluster, show_organisation=True, can_manage=can_manage),
            ),
            "history": history_for(subgroup),
        }

    return kept_page(
        request,
        template="clusters/subgroup_detail.html",
        context={"subgroup": subgroup},
        read=read,
        cache_key=page_key(request, cluster, "main"),
    )


subgroup_create, subgroup_edit = record_form_views(
    Subgroup,
    form_class=forms.SubgroupForm,
    list_url="clusters:subgroup_list",
    new_title=gettext_lazy("Add subgroup"),
    saved=gettext_lazy("The subgroup is saved."),
)
