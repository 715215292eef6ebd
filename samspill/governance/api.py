"""Read-only API of governance, mounted by `samspill/api.py` beside the registry's: bodies with
their current members, meetings with their cases, and the decision register. Each answers
what the pages would show the caller: restricted cases to the secretariat and the members of
their body only; a cluster the caller may not read answers 404.
"""

import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from pydantic import BeforeValidator

from samspill.accounts.models import User
from samspill.clusters.access import clean_slug, cluster_scope
from samspill.clusters.api import (
    PageQuery,
    Search,
    blank_is_none,
    kept_answer,
    page_of,
    permission_extra,
    responses,
)
from samspill.clusters.filters import YEAR_MAX, YEAR_MIN

from . import queries
from .models import Case, Meeting
from .permissions import MANAGE_BODIES, VIEW_BODIES

router = Router(tags=["governance"])

if TYPE_CHECKING:
    CaseKind = str
else:
    CaseKind = Literal[tuple(Case.Kind.values)]


class AppointmentOut(Schema):
    person: str = Field(..., alias="person.name")
    organisation: str | None
    role: str
    function: str
    voting: bool
    starts_on: datetime.date
    ends_on: datetime.date | None

    @staticmethod
    def resolve_organisation(appointment) -> str | None:
        return appointment.organisation.name if appointment.organisation else None


class BodyOut(Schema):
    slug: str
    name: str
    kind: str
    mandate: str
    case_number_format: str
    members: list[AppointmentOut]


class CaseOut(Schema):
    code: str
    title: str
    kind: str
    presenter: str
    decision: str
    restricted: bool
    withdrawn: bool


class MeetingOut(Schema):
    slug: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    status: str
    cases: list[CaseOut]


class DecisionOut(Schema):
    body: str = Field(..., alias="body.slug")
    meeting: str = Field(..., alias="meeting.slug")
    code: str
    title: str
    kind: str
    decision: str


class DecisionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DecisionOut]


class DecisionQuery(PageQuery):
    search: Search = ""
    body: Annotated[
        Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=80)] | None,
        BeforeValidator(blank_is_none),
        Field(description="The body's address."),
    ] = None
    year: Annotated[
        Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)] | None,
        BeforeValidator(blank_is_none),
        Field(description="The year of the case."),
    ] = None
    kind: Annotated[
        CaseKind | None,
        BeforeValidator(blank_is_none),
        Field(description="The kind of case, as its stored code."),
    ] = None


def _manages(request: HttpRequest, cluster: Any) -> bool:
    return request.user.has_perm(MANAGE_BODIES, cluster)


@router.get(
    "/{cluster}/bodies",
    response=responses(list[BodyOut]),
    openapi_extra=permission_extra(VIEW_BODIES),
)
@decorate_view(kept_answer)
def body_list(request: HttpRequest, cluster: str):
    """The cluster's bodies with their current members."""
    with cluster_scope(request, cluster, VIEW_BODIES) as cluster_obj:
        return [
            {**vars(entry.body), "members": entry.members}
            for entry in queries.public_bodies(cluster_obj, queries.today())
        ]


@router.get(
    "/{cluster}/bodies/{body}/meetings",
    response=responses(list[MeetingOut]),
    openapi_extra=permission_extra(VIEW_BODIES),
)
@decorate_view(kept_answer)
def meeting_list(request: HttpRequest, cluster: str, body: str, page: Query[PageQuery]):
    """A body's meetings, newest first, each with the cases the caller may see."""
    body = clean_slug(body)
    with cluster_scope(request, cluster, VIEW_BODIES) as cluster_obj:
        meetings = list(
            Meeting.objects.filter(body__slug=body, body__cluster=cluster_obj).order_by(
                "-starts_at"
            )[page.offset : page.offset + page.limit]
        )
        user = cast(User, request.user)  # cluster_scope let no anonymous visitor through
        visible = queries.cases_visible(user, cluster_obj, _manages(request, cluster_obj))
        cases = (
            Case.objects.filter(meeting__in=meetings)
            .filter(visible)
            .distinct()
            .select_related("body")
            .order_by("position", "number")
        )
        by_meeting: dict[int, list[Case]] = {}
        for case in cases:
            by_meeting.setdefault(case.meeting_id, []).append(case)
        if not meetings:
            get_object_or_404(cluster_obj.body_set, slug=body)  # no such body: 404
        return [{**vars(m), "cases": by_meeting.get(m.pk, [])} for m in meetings]


@router.get(
    "/{cluster}/decisions",
    response=responses(DecisionPage),
    openapi_extra=permission_extra(VIEW_BODIES),
)
@decorate_view(kept_answer)
def decision_list(request: HttpRequest, cluster: str, query: Query[DecisionQuery]):
    """The decision register, newest first: search, body, year and kind as on its page."""
    with cluster_scope(request, cluster, VIEW_BODIES) as cluster_obj:
        cases = queries.decisions_for_list(
            cluster=cluster_obj,
            user=cast(User, request.user),  # cluster_scope let no anonymous visitor through
            manages=_manages(request, cluster_obj),
            search=query.search,
            body=query.body,
            year=query.year,
            kind=query.kind,
        )
        return page_of(cases, query)
