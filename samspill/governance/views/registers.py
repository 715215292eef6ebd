"""The registers across a cluster's bodies: decisions and follow-ups."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.filters import parses_query
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.common.views import list_page

from .. import queries
from ..filters import DecisionFilterForm, FollowUpFilterForm
from ..permissions import VIEW_BODIES
from ..tables import DECISION_COLUMNS, FOLLOWUP_COLUMNS, decision_cells, followup_cells
from .lookups import may_manage


@parses_query(DecisionFilterForm)
@cluster_view(VIEW_BODIES)
def decision_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """The decision register: searchable by text, body, year and kind."""
    filters = DecisionFilterForm(request.GET, cluster=cluster)
    manages = may_manage(request, cluster)
    # Restricted cases show to the members of their body: who is asking matters.
    who = [] if manages else [str(request.user.pk)]
    return list_page(
        request,
        queryset=queries.decisions_for_list(
            cluster=cluster, user=request.user, manages=manages, **filters.values()
        ),
        template="governance/decision_list.html",
        context={"filters": filters},
        columns=DECISION_COLUMNS,
        cells=decision_cells(),
        filename=_("decisions"),
        cache_key=page_key(request, cluster, "results", *who),
    )


@parses_query(FollowUpFilterForm)
@cluster_view(VIEW_BODIES)
def followup_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """Follow-ups, per body and per person, open until done."""
    filters = FollowUpFilterForm(request.GET, cluster=cluster)
    manages = may_manage(request, cluster)
    who = [] if manages else [str(request.user.pk)]
    values = filters.values()
    return list_page(
        request,
        queryset=queries.followups_for_list(
            cluster=cluster, user=request.user, manages=manages, **values
        ),
        template="governance/followup_list.html",
        context={"filters": filters, "person": values["person"]},
        columns=FOLLOWUP_COLUMNS,
        cells=followup_cells(queries.today(), request.path),
        filename=_("follow-ups"),
        cache_key=page_key(request, cluster, "results", *who),
    )
