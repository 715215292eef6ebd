"""Read-only API of the registry, mounted by `samspill/api.py` under /api/v1/.

Each operation declares the permission it needs in `x-permission` (shown in the OpenAPI
schema); `tests/test_api.py` reads the schema and checks every operation against each role.
Answers follow the web pages: "not found" for a cluster the caller may not read.

Every query parameter is parsed by a schema: its bounds and allowed values are in the OpenAPI
schema, and a value outside them answers 422, naming the parameter in `detail[].loc`. The
bounds are those of the web lists' filter forms (`filters.py`).
"""

import datetime
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Annotated, Any, Literal

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import ValidationError
from pydantic import AfterValidator, BeforeValidator, StringConstraints

from samspill.common.caching import KEEP_SECONDS
from samspill.common.collation import norwegian
from samspill.common.middleware import PRIVATE_ATTRIBUTE, mark_private

from . import queries
from .access import MANAGE, PUBLIC, VIEW, clean_slug, cluster_scope
from .filters import (
    PK_MAX,
    REGION_NAME_MAX_LENGTH,
    SEARCH_MAX_LENGTH,
    YEAR_MAX,
    YEAR_MIN,
    match_region,
)
from .freshness import page_key
from .models import Cluster, Membership, Node, Organisation, Region, Subgroup

router = Router(tags=["registry"])


def kept_answer(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An operation's answer on a cluster, kept while the cluster's rows stay the same
    (`freshness.py`): per address, query, role and language, as the web pages' lists."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        cluster = Cluster.objects.filter(slug=clean_slug(kwargs.get("cluster", ""))).first()
        request.samspill_cluster = cluster  # type: ignore[attr-defined]  # read once
        key = cluster and page_key(request, cluster, "api")
        if not key:
            return run(request, *args, **kwargs)
        kept = cache.get(key)
        if kept is not None:
            body, content_type, private = kept
            if private:
                mark_private(request)
            return HttpResponse(body, content_type=content_type)
        response = run(request, *args, **kwargs)
        if response.status_code == 200:
            private = getattr(request, PRIVATE_ATTRIBUTE, False)
            kept = (response.content, response["Content-Type"], private)
            cache.set(key, kept, KEEP_SECONDS)
        return response

    return wrapper


LIMIT_DEFAULT = 50
LIMIT_MAX = 200
# Far beyond any registry, and small enough for every database's OFFSET.
OFFSET_MAX = 1_000_000


def permission_extra(permission: str) -> dict[str, Any]:
    extra: dict[str, Any] = {"x-permission": permission}
    if permission == PUBLIC:
        # The login session is optional here: `{}` is "no authentication" in OpenAPI.
        extra["security"] = [{}]
    return extra


class NotFound(Schema):
    detail: Literal["Not found"]


class Problem(Schema):
    loc: list[str | int] = Field(..., description='Where: `["query", "region"]`.')
    msg: str
    type: str
    ctx: dict[str, Any] | None = None


class Invalid(Schema):
    detail: list[Problem]


def responses(ok: Any) -> dict[int, Any]:
    """A successful answer, and the two answers every operation can give instead."""
    return {200: ok, 404: NotFound, 422: Invalid}


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def blank_is_none(value: Any) -> Any:
    """`?kind=` is the same as no `kind`, as in the web lists' forms."""
    return None if value == "" else value


Text = Annotated[str, AfterValidator(_no_nul)]
Search = Annotated[
    Text,
    StringConstraints(max_length=SEARCH_MAX_LENGTH),
    Field(description="Text to look for (case-insensitive)."),
]
RegionParam = Annotated[
    Annotated[Text, StringConstraints(max_length=REGION_NAME_MAX_LENGTH)] | None,
    BeforeValidator(blank_is_none),
    Field(description="One of the cluster's regions: its name (any case) or its id."),
]

if TYPE_CHECKING:
    OrganisationKind = str
    MembershipKind = str
else:
    # The stored codes, listed in the schema; one source: the models' choices.
    OrganisationKind = Literal[tuple(Organisation.Kind.values)]
    MembershipKind = Literal[tuple(Membership.Kind.values)]


class PageQuery(Schema):
    limit: int = Field(LIMIT_DEFAULT, ge=1, le=LIMIT_MAX, description="Rows per page.")
    offset: int = Field(0, ge=0, le=OFFSET_MAX, description="Rows to skip.")


class Page(Schema):
    count: int
    limit: int
    offset: int


def page_of(qs: QuerySet, page: PageQuery) -> dict[str, Any]:
    return {
        "count": qs.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(qs[page.offset : page.offset + page.limit]),
    }


def _invalid(parameter: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", parameter], "msg": message, "type": "value_error"}])


def _region(value: str | None) -> Region | None:
    """The region a parameter names, in the active cluster; 422 if there is none."""
    if value is None:
        return None
    region = match_region(Region.objects.all(), value)
    if region is None:
        raise _invalid("region", f"The cluster has no region named {value!r}.")
    return region


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
    region: str | None = Field(None, alias="effective_region.name")
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
    region: str | None = Field(None, alias="effective_region.name")
    node: str | None = Field(None, alias="node.name")
    subgroup: str | None = Field(None, alias="subgroup.name")
    notes: str | None = Field(
        None, description="Internal notes; null unless the caller manages the registry."
    )


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


@router.get(
    "/clusters", response=responses(list[ClusterOut]), openapi_extra=permission_extra(PUBLIC)
)
def cluster_list(request: HttpRequest):
    """The clusters whose public pages are published."""
    return list(Cluster.objects.filter(is_public=True))


@router.get(
    "/{cluster}/participants",
    response=responses(ParticipantPage),
    openapi_extra=permission_extra(PUBLIC),
)
@decorate_view(kept_answer)
def participant_list(request: HttpRequest, cluster: str, page: Query[PageQuery]):
    """Organisations taking part today, as on the cluster's public participants page."""
    with cluster_scope(request, cluster, PUBLIC):
        qs = (
            Membership.objects.active()
            .select_related("organisation__region", "region")
            .order_by("kind", norwegian("organisation__name"), "pk")
        )
        return page_of(qs, page)


class OrganisationQuery(PageQuery):
    search: Search = ""
    kind: Annotated[
        OrganisationKind | None,
        BeforeValidator(blank_is_none),
        Field(description="The organisation's kind, as its stored code."),
    ] = None
    region: RegionParam = None
    status: Annotated[
        queries.OrganisationStatus | None,
        BeforeValidator(blank_is_none),
        Field(
            description="`member`: members now; `former`: members before, not now; "
            "`unsigned`: members that have not signed the cluster agreement in force."
        ),
    ] = None


@router.get(
    "/{cluster}/organisations",
    response=responses(OrganisationPage),
    openapi_extra=permission_extra(VIEW),
)
@decorate_view(kept_answer)
def organisation_list(request: HttpRequest, cluster: str, query: Query[OrganisationQuery]):
    """Organisations in the registry."""
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        qs = queries.organisations_for_list(
            cluster=cluster_obj,
            search=query.search,
            kind=query.kind,
            region=_region(query.region),
            status=query.status,
        )
        return page_of(qs, query)


@router.get(
    "/{cluster}/organisations/{pk}",
    response=responses(OrganisationOut),
    openapi_extra=permission_extra(VIEW),
)
@decorate_view(kept_answer)
def organisation_detail(request: HttpRequest, cluster: str, pk: int):
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        return get_object_or_404(queries.organisations_for_list(cluster=cluster_obj), pk=pk)


class PersonQuery(PageQuery):
    search: Search = ""
    organisation: Annotated[
        Annotated[int, Field(ge=1, le=PK_MAX)] | None,
        BeforeValidator(blank_is_none),
        Field(description="The id of an organisation they are affiliated with."),
    ] = None


@router.get(
    "/{cluster}/people", response=responses(PersonPage), openapi_extra=permission_extra(VIEW)
)
@decorate_view(kept_answer)
def person_list(request: HttpRequest, cluster: str, query: Query[PersonQuery]):
    """People with their affiliations."""
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        if (
            query.organisation is not None
            and not Organisation.objects.filter(pk=query.organisation).exists()
        ):
            raise _invalid("organisation", "The cluster has no organisation with this id.")
        qs = queries.people_for_list(
            cluster=cluster_obj, search=query.search, organisation=query.organisation
        )
        return page_of(qs, query)


class MembershipQuery(PageQuery):
    search: Search = ""
    kind: Annotated[
        MembershipKind | None,
        BeforeValidator(blank_is_none),
        Field(description="The membership's kind, as its stored code."),
    ] = None
    region: RegionParam = None
    status: Annotated[
        queries.MembershipStatus,
        BeforeValidator(lambda value: "active" if value == "" else value),
        Field(description="`active` (today), `ended`, or `all` with history."),
    ] = "active"
    year: Annotated[
        Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)] | None,
        BeforeValidator(blank_is_none),
        Field(description="Those who joined or left that year."),
    ] = None


@router.get(
    "/{cluster}/memberships",
    response=responses(MembershipPage),
    openapi_extra=permission_extra(VIEW),
)
@decorate_view(kept_answer)
def membership_list(request: HttpRequest, cluster: str, query: Query[MembershipQuery]):
    """Memberships of organisations in the cluster."""
    with cluster_scope(request, cluster, VIEW) as cluster_obj:
        qs = queries.memberships_for_list(
            cluster=cluster_obj,
            search=query.search,
            kind=query.kind,
            region=_region(query.region),
            status=query.status,
            year=query.year,
        )
        page = page_of(qs, query)
        if not request.user.has_perm(MANAGE, cluster_obj):
            for membership in page["items"]:
                membership.notes = None  # internal: for the secretariat only
        return page


@router.get(
    "/{cluster}/nodes", response=responses(list[NodeOut]), openapi_extra=permission_extra(VIEW)
)
@decorate_view(kept_answer)
def node_list(request: HttpRequest, cluster: str):
    with cluster_scope(request, cluster, VIEW):
        return list(Node.objects.select_related("region"))


@router.get(
    "/{cluster}/subgroups",
    response=responses(list[SubgroupOut]),
    openapi_extra=permission_extra(VIEW),
)
@decorate_view(kept_answer)
def subgroup_list(request: HttpRequest, cluster: str):
    with cluster_scope(request, cluster, VIEW):
        return list(Subgroup.objects.select_related("region"))
