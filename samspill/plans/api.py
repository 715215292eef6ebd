"""Read-only API of plans, mounted by `samspill/api.py`: a cluster's plans with their
versions, and one version with its chapters and measures. Members of the cluster read drafts
too, as on the pages; the public pages show only adopted versions."""

import datetime

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.decorators import decorate_view

from samspill.clusters.access import clean_slug, cluster_scope
from samspill.clusters.api import kept_answer, permission_extra, responses
from samspill.clusters.filters import YEAR_MAX, YEAR_MIN

from . import queries
from .permissions import VIEW_PLANS

router = Router(tags=["plans"])


class VersionSummaryOut(Schema):
    year: int
    status: str
    adopted_on: datetime.date | None


class PlanOut(Schema):
    slug: str
    title: str
    period_start: int
    period_end: int
    language: str
    strategy: str | None
    versions: list[VersionSummaryOut]


class MeasureOut(Schema):
    key: str
    text: str
    start_year: int | None
    status: str
    organisations: list[str]


class ChapterOut(Schema):
    key: str
    numeral: str
    goal_code: str
    title: str
    introduction: str
    why: list[str] = Field(..., alias="why_points")
    where_2030: list[str] = Field(..., alias="where_points")
    prerequisites: list[str] = Field(..., alias="prerequisite_points")
    measures: list[MeasureOut]


class VersionOut(Schema):
    plan: str
    year: int
    status: str
    adopted_on: datetime.date | None
    adopted_in: str | None
    based_on: int | None
    context_changes: str
    chapters: list[ChapterOut]


@router.get(
    "/{cluster}/plans",
    response=responses(list[PlanOut]),
    openapi_extra=permission_extra(VIEW_PLANS),
)
@decorate_view(kept_answer)
def plan_list(request: HttpRequest, cluster: str):
    """The cluster's action plans with their versions, newest first."""
    with cluster_scope(request, cluster, VIEW_PLANS) as cluster_obj:
        return [
            {
                **vars(plan),
                "strategy": plan.strategy.title if plan.strategy else None,
                "versions": list(plan.versions.all()),
            }
            for plan in queries.plans_for_list(cluster_obj)
        ]


@router.get(
    "/{cluster}/plans/{plan}/{year}",
    response=responses(VersionOut),
    openapi_extra=permission_extra(VIEW_PLANS),
)
@decorate_view(kept_answer)
def version_detail(request: HttpRequest, cluster: str, plan: str, year: int):
    """One year's version: its chapters and measures in the plan's order. A measure's `key`
    stays the same from year to year."""
    plan = clean_slug(plan)
    with cluster_scope(request, cluster, VIEW_PLANS):
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise Http404
        version = queries.version_or_404(plan, year)
        chapters = queries.chapters_with_measures(version, links=True)
        return {
            "plan": version.plan.slug,
            "year": version.year,
            "status": version.status,
            "adopted_on": version.adopted_on,
            "adopted_in": version.adopted_in.label if version.adopted_in else None,
            "based_on": version.based_on.year if version.based_on else None,
            "context_changes": version.context_changes,
            "chapters": [
                {
                    **vars(c),
                    "key": str(c.key),
                    "why_points": c.why_points,
                    "where_points": c.where_points,
                    "prerequisite_points": c.prerequisite_points,
                    "measures": [
                        {
                            **vars(m),
                            "key": str(m.key),
                            "organisations": [o.name for o in m.organisations.all()],
                        }
                        for m in c.measures.all()
                    ],
                }
                for c in chapters
            ],
        }
