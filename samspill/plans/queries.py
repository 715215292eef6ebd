"""Reads for the plan pages: a version with its chapters and measures in a fixed number of
queries, the priority count per chapter, who works on which measure."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from samspill.clusters.models import Cluster, Organisation
from samspill.common.collation import norwegian, sort_key

from .models import ActionPlan, Chapter, Measure, PlanVersion

Status = Measure.Status


def plans_for_list(cluster: Cluster) -> QuerySet[ActionPlan]:
    return (
        ActionPlan.objects.filter(cluster=cluster)
        .select_related("strategy")
        .prefetch_related(Prefetch("versions", queryset=PlanVersion.objects.order_by("-year")))
    )


def plan_or_404(slug: str) -> ActionPlan:
    return get_object_or_404(ActionPlan.objects.select_related("strategy"), slug=slug)


def version_or_404(plan: str, year: int) -> PlanVersion:
    return get_object_or_404(
        PlanVersion.objects.select_related(
            "plan__strategy",
            "based_on",
            "adopted_in__body",
            "adopted_in__meeting",
            "proposed_in__body",
            "proposed_in__meeting",
        ),
        plan__slug=plan,
        year=year,
    )


def adopted_versions(cluster: Cluster) -> list[PlanVersion]:
    """The adopted version of each plan of the cluster, with its chapters and their measures
    (`version.chapters.all()`, in order): what the public pages show, in three queries."""
    chapters = Chapter.objects.order_by("position", "pk").prefetch_related(
        Prefetch("measures", queryset=Measure.objects.order_by("position", "pk"))
    )
    versions = (
        PlanVersion.objects.filter(cluster=cluster, status=PlanVersion.Status.ADOPTED)
        .select_related("plan", "cluster")
        .prefetch_related(Prefetch("chapters", queryset=chapters))
    )
    return list(versions.order_by("-plan__period_start"))


def chapters_with_measures(version: PlanVersion, *, links: bool = False) -> list[Chapter]:
    """The version's chapters, each with `measures` in table order; with `links`, the
    participants, bodies and decisions of each measure too."""
    measures = Measure.objects.order_by("position", "pk")
    if links:
        measures = measures.prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.order_by(norwegian("name"))),
            "bodies",
            "decisions__body",
            "decisions__meeting__body",
        )
    return list(
        version.chapters.order_by("position", "pk").prefetch_related(
            Prefetch("measures", queryset=measures)
        )
    )


@dataclass(frozen=True)
class PriorityCount:
    """Per chapter: priorities are chosen within each goal, not between them (chapter X of
    the reference), so a chapter with none, or with all, is worth a second look."""

    chapter: Chapter
    prioritised: int
    open: int  # ongoing, candidate or prioritised: what could be prioritised

    @property
    def warning(self) -> str:
        if not self.chapter.has_measures or not self.open:
            return ""
        if self.prioritised == 0:
            return _("No measure is prioritised in this chapter.")
        if self.prioritised == self.open:
            return _("Every measure of this chapter is prioritised.")
        return ""


def priority_counts(chapters: list[Chapter]) -> list[PriorityCount]:
    """From chapters read by `chapters_with_measures`: no query."""
    counts = []
    for chapter in chapters:
        measures = list(chapter.measures.all())
        counts.append(
            PriorityCount(
                chapter=chapter,
                prioritised=sum(m.status == Status.PRIORITISED for m in measures),
                open=sum(m.status != Status.COMPLETED for m in measures),
            )
        )
    return counts


def prioritised_by_chapter(chapters: list[Chapter]) -> list[tuple[Chapter, list[Measure]]]:
    """The summary page: the prioritised measures, grouped by chapter (no query)."""
    return [
        (chapter, found)
        for chapter in chapters
        if (found := [m for m in chapter.measures.all() if m.status == Status.PRIORITISED])
    ]


def coordination(version: PlanVersion) -> list[tuple[Organisation, list[Measure]]]:
    """Chapter X's coordination: for each participant, the measures it is responsible for or
    works on, so participants see where they complement each other. Norwegian order."""
    measures = (
        Measure.objects.filter(version=version)
        .select_related("chapter")
        .prefetch_related("organisations")
        .order_by("chapter__position", "position")
    )
    by_organisation: dict[int, tuple[Organisation, list[Measure]]] = {}
    for measure in measures:
        for organisation in measure.organisations.all():
            by_organisation.setdefault(organisation.pk, (organisation, []))[1].append(measure)
    return sorted(by_organisation.values(), key=lambda pair: sort_key(pair[0].name))


def keys_of(version_id: int | None) -> set:
    """The identities of a version's measures (none for no version)."""
    if version_id is None:
        return set()
    return set(Measure.objects.filter(version_id=version_id).values_list("key", flat=True))
