"""Read-only API of the registry, mounted by `samspill/api.py` under /api/v1/.

Each operation declares the permission it needs in `x-permission` (shown in the OpenAPI
schema); `tests/test_api.py` reads the schema and checks every operation against each role.
Answers follow the web pages: "not found" for a cluster the caller may not read.
"""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from . import queries
from .access import PUBLIC, VIEW, cluster_scope
from .models import Cluster, Membership, Node, Subgroup

router = Router(tags=["registry"])

PAGE_SIZE_MAX = 200


def _permission(permission: str) -> dict[str, Any]:
    return {"x-permission": permission}


class Page(Schema):
    count: int
    limit: int
    offset: int


def _page(qs: QuerySet, limit: int, offset: int) -> dict[str, Any]:
    limit = max(1, min(limit, PAGE_SIZE_MAX))
    offset = max(0, offset)
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": list(qs[offset : offset + limit]),
    }


class ClusterOut(Schema):
    slug: str
    name: str
    short_name: str
    description: str
    vision: str
    languages: list[str]


class ParticipantOut(Schema):
    organisation: str = Field(..., alias="organisation.name")
    short_name: str = Field(..., alias="organisation.short_name")
    organisation_kind: str = Field(..., alias="organisation.kind")
    membership_kind: str = Field(..., alias="kind")
    region: str | None = Field(None, alias="region.name")
    joined_on: datetime.date


class ParticipantPage(Page):
    items: list[ParticipantOut]


class OrganisationOut(Schema):
    id: int
    name: str
    short_name: str
    organisation_number: str
    kind: str
    county: str
    region: str | None = Field(None, alias="region.name")
    website: str
    parent_id: int | None
    is_member: bool


class OrganisationPage(Page):
    items: list[OrganisationOut]


class AffiliationOut(Schema):
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    position: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None


class PersonOut(Schema):
    id: int
    name: str
    initials: str
    email: str
    phone: str
    title: str
    affiliations: list[AffiliationOut]

    @staticmethod
    def resolve_affiliations(person) -> list:
        return list(person.affiliations.all())


class PersonPage(Page):
    items: list[PersonOut]


class MembershipOut(Schema):
    id: int
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    kind: str
    joined_on: datetime.date
    left_on: datetime.date | None
    region: str | None = Field(None, alias="region.name")
    node: str | None = Field(None, alias="node.name")
    subgroup: str | None = Field(None, alias="subgroup.name")


class MembershipPage(Page):
    items: list[MembershipOut]


class NodeOut(Schema):
    id: int
    name: str
    region: str = Field(..., alias="region.name")
    host_organisation_id: int | None
    coordinator_id: int | None
    status: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None


class SubgroupOut(Schema):
    id: int
    name: str
    description: str
    region: str | None = Field(None, alias="region.name")


@router.get("/clusters", response=list[ClusterOut], openapi_extra=_permission(PUBLIC))
def cluster_list(request: HttpRequest):
    """The clusters whose public pages are published."""
    return list(Cluster.objects.filter(is_public=True))


@router.get("/{cluster}/participants", response=ParticipantPage, openapi_extra=_permission(PUBLIC))
def participant_list(request: HttpRequest, cluster: str, limit: int = 50, offset: int = 0):
    """Organisations taking part today, as on the cluster's public participants page."""
    with cluster_scope(request, cluster, PUBLIC):
        qs = (
            Membership.objects.active()
            .select_related("organisation", "region")
            .order_by("kind", "organisation__name", "pk")
        )
        return _page(qs, limit, offset)


@router.get("/{cluster}/organisations", response=OrganisationPage, openapi_extra=_permission(VIEW))
def organisation_list(
    request: HttpRequest,
    cluster: str,
    search: str = "",
    kind: str = "",
    region: str = "",
    status: str = "",
    limit: int = 50,
    offset: int = 0,
):
    """Organisations in the registry; `status` is `member` or `former`."""
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        qs = queries.organisations_for_list(
            cluster=cluster_obj, search=search, kind=kind, region=region, status=status
        )
        return _page(qs, limit, offset)


@router.get(
    "/{cluster}/organisations/{pk}", response=OrganisationOut, openapi_extra=_permission(VIEW)
)
def organisation_detail(request: HttpRequest, cluster: str, pk: int):
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        return get_object_or_404(queries.organisations_for_list(cluster=cluster_obj), pk=pk)


@router.get("/{cluster}/people", response=PersonPage, openapi_extra=_permission(VIEW))
def person_list(
    request: HttpRequest,
    cluster: str,
    search: str = "",
    organisation: str = "",
    limit: int = 50,
    offset: int = 0,
):
    """People with their affiliations."""
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        qs = queries.people_for_list(cluster=cluster_obj, search=search, organisation=organisation)
        return _page(qs, limit, offset)


@router.get("/{cluster}/memberships", response=MembershipPage, openapi_extra=_permission(VIEW))
def membership_list(
    request: HttpRequest,
    cluster: str,
    search: str = "",
    kind: str = "",
    region: str = "",
    status: str = "active",
    year: str = "",
    limit: int = 50,
    offset: int = 0,
):
    """Memberships; `status` is `active` (default), `ended` or `all`; `year` gives those who
    joined or left that year."""
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        qs = queries.memberships_for_list(
            cluster=cluster_obj, search=search, kind=kind, region=region, status=status, year=year
        )
        return _page(qs, limit, offset)


@router.get("/{cluster}/nodes", response=list[NodeOut], openapi_extra=_permission(VIEW))
def node_list(request: HttpRequest, cluster: str):
    with cluster_scope(request, cluster, VIEW):
        return list(Node.objects.select_related("region"))


@router.get("/{cluster}/subgroups", response=list[SubgroupOut], openapi_extra=_permission(VIEW))
def subgroup_list(request: HttpRequest, cluster: str):
    with cluster_scope(request, cluster, VIEW):
        return list(Subgroup.objects.select_related("region"))
