"""The public face of each cluster: only what is published, for anyone."""

from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from samspill.clusters.access import PUBLIC, ClusterRequest, cluster_view
from samspill.clusters.freshness import clusters_key
from samspill.clusters.models import Cluster, ClusterRole, Membership, Node
from samspill.common.caching import kept
from samspill.common.collation import norwegian
from samspill.governance import documents
from samspill.governance import queries as governance_queries
from samspill.governance.models import Meeting
from samspill.plans import documents as plan_documents
from samspill.plans import queries as plans_queries
from samspill.plans.models import PlanVersion

from .cache import cached_part


def home(request: HttpRequest) -> HttpResponse:
    roles = []
    if request.user.is_authenticated:
        roles = (
            ClusterRole.objects.with_scopes_disabled()
            .filter(user=request.user)
            .select_related("cluster")
            .order_by(norwegian("cluster__name"))
        )

    def published() -> str:
        clusters = Cluster.objects.filter(is_public=True)
        return render_to_string("website/home.html#published", {"clusters": clusters})

    # The published clusters are the same for everyone: rendered once, kept until one changes.
    context = {"published": kept(clusters_key("website:home"), published), "roles": roles}
    return render(request, "website/home.html", context)


@cluster_view(PUBLIC)
def cluster_home(request: ClusterRequest, cluster: Cluster) -> HttpResponse:
    def registry() -> str:
        participants = (
            Membership.objects.active()
            .filter(kind=Membership.Kind.PARTICIPANT)
            .select_related("organisation__region", "region")
            .order_by(
                Coalesce("region__position", "organisation__region__position"),
                norwegian("organisation__name"),
            )
        )
        context = {
            "current_cluster": cluster,
            "participants": participants,
            "nodes": Node.objects.select_related("region", "host_organisation"),
        }
        return render_to_string("website/cluster_home.html#registry", context)

    # The participants and nodes are the same for everyone: rendered once, kept (cache.py).
    context = {"registry": cached_part("cluster_home", cluster, registry)}
    return render(request, "website/cluster_home.html", context)


@cluster_view(PUBLIC)
def participants(request: ClusterRequest, cluster: Cluster) -> HttpResponse:
    def listing() -> str:
        memberships = (
            Membership.objects.active()
            .select_related("organisation__region", "region", "subgroup")
            .order_by("kind", norwegian("organisation__name"))
        )
        return render_to_string("website/participants.html#listing", {"memberships": memberships})

    context = {"listing": cached_part("participants", cluster, listing)}
    return render(request, "website/participants.html", context)


@cluster_view(PUBLIC)
def bodies(request: ClusterRequest, cluster: Cluster) -> HttpResponse:
    """The cluster's bodies: mandates, members and meetings, with the approved minutes."""

    def listing() -> str:
        context = {
            "current_cluster": cluster,
            "bodies": governance_queries.public_bodies(cluster, governance_queries.today()),
        }
        return render_to_string("website/bodies.html#listing", context)

    context = {"listing": cached_part("bodies", cluster, listing)}
    return render(request, "website/bodies.html", context)


@cluster_view(PUBLIC)
def minutes(request: ClusterRequest, cluster: Cluster, body: str, meeting: str) -> HttpResponse:
    """Approved minutes as PDF, without restricted cases' titles and texts."""
    record = get_object_or_404(
        Meeting.objects.select_related("body"),
        body__slug=body,
        slug=meeting,
        status=Meeting.Status.MINUTES_APPROVED,
    )
    response = HttpResponse(
        documents.minutes_pdf(record, kind="minutes", public=True), content_type="application/pdf"
    )
    filename = documents.minutes_filename(record, kind="minutes", extension="pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@cluster_view(PUBLIC)
def plan(request: ClusterRequest, cluster: Cluster) -> HttpResponse:
    """The adopted version of each of the cluster's action plans: never a draft."""

    def listing() -> str:
        versions = plans_queries.adopted_versions(cluster)
        context = {
            "current_cluster": cluster,
            "documents": [
                plan_documents.plan_context(v, chapters=list(v.chapters.all())) for v in versions
            ],
        }
        return render_to_string("website/plan.html#listing", context)

    context = {"listing": cached_part("plan", cluster, listing)}
    return render(request, "website/plan.html", context)


@cluster_view(PUBLIC)
def plan_pdf(request: ClusterRequest, cluster: Cluster, plan: str) -> HttpResponse:
    version = get_object_or_404(
        PlanVersion.objects.select_related("plan"),
        plan__slug=plan,
        status=PlanVersion.Status.ADOPTED,
    )
    version.cluster = cluster
    response = HttpResponse(plan_documents.plan_pdf(version), content_type="application/pdf")
    filename = plan_documents.filename(version, kind="plan", extension="pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
