"""Writes on plans: saving a version from an outline, rolling the plan into next year's draft,
changing measures in the draft, and adoption by a body's decision.

Keyword-only, atomic, taking the actor. A version that is no longer a draft raises
`VersionFrozen`; a rule a write breaks is a ValidationError naming the field.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_scopes import scope

from samspill.accounts.models import User
from samspill.clusters.freshness import cluster_changed
from samspill.clusters.models import Organisation
from samspill.clusters.services import record_save
from samspill.governance.models import Body, Case, Meeting
from samspill.governance.services import case_add

from .models import EARLIEST_YEAR, LATEST_YEAR, ActionPlan, Chapter, Measure, PlanVersion
from .outline import PlanOutline

Status = Measure.Status


class VersionFrozen(ValidationError):
    """The version is adopted (or superseded): its text is what was decided."""

    def __init__(self, version: PlanVersion) -> None:
        super().__init__(
            _(
                "The %(year)s version is adopted and can no longer be changed. "
                "Start the rolling for the next year to change the plan."
            )
            % {"year": version.year}
        )


def _check_draft(version: PlanVersion) -> None:
    if not version.is_draft:
        raise VersionFrozen(version)


@transaction.atomic
def version_create_from_outline(
    *, plan: ActionPlan, outline: PlanOutline, year: int, actor: User | None
) -> PlanVersion:
    """Save an imported (or the demo's) outline as a draft version of `plan` for `year`."""
    with set_actor(actor), scope(cluster=plan.cluster):
        _check_year_free(plan, year)
        version = PlanVersion.objects.create(
            cluster=plan.cluster,
            plan=plan,
            year=year,
            summary_introduction=outline.summary_introduction,
            context_changes=outline.context_changes,
        )
        for position, found in enumerate(outline.chapters, start=1):
            chapter = Chapter.objects.create(
                cluster=plan.cluster,
                version=version,
                position=position,
                numeral=found.numeral[:8],
                goal_code=found.goal_code[:40],
                title=found.title[:300],
                short_title=found.short_title[:200],
                summary_note=found.summary_note,
                introduction=found.introduction,
                why="\n".join(found.why),
                where_2030="\n".join(found.where_2030),
                prerequisites="\n".join(found.prerequisites),
                has_measures=found.has_measures,
            )
            Measure.objects.bulk_create(
                Measure(
                    cluster=plan.cluster,
                    version=version,
                    chapter=chapter,
                    position=index,
                    text=measure.text,
                    status=measure.status,
                    start_year=_start_year(measure.status, measure.start_year, year),
                )
                for index, measure in enumerate(found.measures, start=1)
            )
    cluster_changed(plan.cluster_id)  # bulk_create sends no signal
    return version


def _check_year_free(plan: ActionPlan, year: int) -> None:
    """A new version's year: within the plan's period, and not taken."""
    if not plan.period_start <= year <= plan.period_end:
        raise ValidationError({"year": _("The plan runs %(period)s.") % {"period": plan.period}})
    if PlanVersion.objects.filter(plan=plan, year=year).exists():
        raise ValidationError({"year": _("The plan already has a version for this year.")})


def _start_year(status: str, start_year: int | None, year: int) -> int | None:
    """A candidate has no start year; anything else found without one started this year."""
    if status == Status.CANDIDATE:
        return None
    return start_year or year


@transaction.atomic
def rolling_start(*, plan: ActionPlan, year: int, actor: User | None) -> PlanVersion:
    """Copy the adopted version into a draft for `year` ("Start rolling for 2027").

    Chapters and measures keep their keys. Measures completed in the adopted version were
    shown struck through for their last year and are not carried further.
    """
    with set_actor(actor), scope(cluster=plan.cluster):
        _check_year_free(plan, year)
        open_draft = PlanVersion.objects.filter(plan=plan, status=PlanVersion.Status.DRAFT).first()
        if open_draft is not None:
            raise ValidationError(
                {
                    "year": _("The draft for %(year)s is not adopted yet: finish that one first.")
                    % {"year": open_draft.year}
                }
            )
        source = (
            PlanVersion.objects.filter(plan=plan, status=PlanVersion.Status.ADOPTED)
            .order_by("-year")
            .first()
        )
        if source is None:
            raise ValidationError(_("The plan has no adopted version to roll from."))
        if source.year >= year:
            raise ValidationError(
                {
                    "year": _("Roll forward from the adopted %(year)s version.")
                    % {"year": source.year}
                }
            )
        draft = PlanVersion.objects.create(
            cluster=plan.cluster,
            plan=plan,
            year=year,
            based_on=source,
            summary_introduction=source.summary_introduction,
        )
        chapters = {}
        for chapter in source.chapters.all():
            old_pk = chapter.pk
            chapter.pk = None
            chapter.version = draft
            chapter.evaluation_notes = ""
            chapter.save()
            chapters[old_pk] = chapter
        copies = {}
        for measure in source.measures.exclude(status=Status.COMPLETED):
            old_pk = measure.pk
            measure.pk = None
            measure.version = draft
            measure.chapter = chapters[measure.chapter_id]
            measure.save()
            copies[old_pk] = measure.pk
        _copy_links(copies)
    cluster_changed(plan.cluster_id)  # the links are copied with bulk_create
    return draft


def _copy_links(copies: dict[int, int]) -> None:
    """Give each copied measure (old pk → new pk) the participants, bodies and decisions of
    the measure it copies, a few queries for the whole plan."""
    for name in ("organisations", "bodies", "decisions"):
        field = Measure._meta.get_field(name)
        assert isinstance(field, models.ManyToManyField)
        through: Any = field.remote_field.through
        target = field.m2m_reverse_field_name()
        rows = through.objects.filter(measure_id__in=copies).values_list("measure_id", target)
        through.objects.bulk_create(
            through(measure_id=copies[measure_id], **{f"{target}_id": other})
            for measure_id, other in rows
        )


@transaction.atomic
def version_save(*, version: PlanVersion, actor: User | None) -> PlanVersion:
    _check_stored_draft(version)
    return record_save(record=version, actor=actor)


@transaction.atomic
def chapter_save(*, chapter: Chapter, actor: User | None) -> Chapter:
    _check_stored_draft(chapter)
    return record_save(record=chapter, actor=actor)


def _check_stored_draft(record: Chapter | Measure | PlanVersion) -> None:
    """Check the version as the database has it: a form may have changed the instance."""
    version_id = record.pk if isinstance(record, PlanVersion) else record.version_id
    with scope(cluster=record.cluster):
        _check_draft(PlanVersion.objects.get(pk=version_id))


@transaction.atomic
def measure_save(
    *,
    measure: Measure,
    actor: User | None,
    organisations: Iterable[Organisation] | None = None,
    bodies: Iterable[Body] | None = None,
    decisions: Iterable[Case] | None = None,
) -> Measure:
    """Add or change a measure of a draft, and (those given) who is responsible for it and the
    decisions that serve it. A measure new in this version must start within the plan's
    period; one carried over keeps the year it started (2015, say)."""
    version = measure.version
    _check_stored_draft(measure)
    if measure.chapter.version_id != version.pk:
        raise ValidationError({"chapter": _("Choose a chapter of this version.")})
    if not measure.chapter.has_measures:
        raise ValidationError({"chapter": _("This chapter has no table of measures.")})
    if measure.status == Status.CANDIDATE and _started_before(measure):
        raise ValidationError(
            {"status": _("A measure that has started cannot become a candidate again.")}
        )
    if measure.start_year is not None:
        plan = version.plan
        carried = measure.pk is not None and _carried_over(measure)
        earliest = EARLIEST_YEAR if carried else plan.period_start
        if not earliest <= measure.start_year <= min(plan.period_end, LATEST_YEAR):
            raise ValidationError(
                {
                    "start_year": _("The start year must lie within the plan's period, %(period)s.")
                    % {"period": plan.period}
                }
            )
    if measure.pk is None and not measure.position:
        siblings = Measure.objects.with_scope(cluster=measure.cluster_id)
        last = siblings.filter(chapter=measure.chapter).aggregate(Max("position"))
        measure.position = (last["position__max"] or 0) + 1
    record_save(record=measure, actor=actor)
    with set_actor(actor), scope(cluster=measure.cluster):
        if organisations is not None:
            measure.organisations.set(list(organisations))
        if bodies is not None:
            measure.bodies.set(list(bodies))
        if decisions is not None:
            measure.decisions.set(list(decisions))
    return measure


def _started_before(measure: Measure) -> bool:
    """Whether the version this draft was rolled from has the measure with a start year."""
    found = Measure.objects.with_scope(cluster=measure.cluster_id).filter(
        version_id=measure.version.based_on_id, key=measure.key, start_year__isnull=False
    )
    return measure.version.based_on_id is not None and found.exists()


def _carried_over(measure: Measure) -> bool:
    """Whether the measure is in the version this draft was rolled from."""
    based_on = measure.version.based_on_id
    found = Measure.objects.with_scope(cluster=measure.cluster_id)
    return bool(based_on) and found.filter(version_id=based_on, key=measure.key).exists()


@transaction.atomic
def measure_set_status(*, measure: Measure, status: str, actor: User | None) -> Measure:
    """Complete, take up, prioritise or stop prioritising a measure of the draft.

    A candidate that is taken up or prioritised starts in the version's year; only a measure
    that had not started before this version can go back to being a candidate.
    """
    if status == Status.CANDIDATE:
        measure.start_year = None
    elif measure.start_year is None:
        measure.start_year = measure.version.year
    measure.status = status
    return measure_save(measure=measure, actor=actor)


@transaction.atomic
def measure_move(*, measure: Measure, up: bool, actor: User | None) -> Measure:
    """Swap the measure with its neighbour in the chapter's table."""
    _check_stored_draft(measure)
    with set_actor(actor), scope(cluster=measure.cluster):
        siblings = list(Measure.objects.filter(chapter=measure.chapter).order_by("position", "pk"))
        index = next(i for i, m in enumerate(siblings) if m.pk == measure.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(siblings):
            return measure
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            if sibling.position != position:
                sibling.position = position
                sibling.save(update_fields=["position"])
    return measure


@transaction.atomic
def measure_remove(*, measure: Measure, actor: User | None) -> None:
    """Remove a measure added to the draft by mistake; measures carried over are completed
    instead, so the plan shows them struck through for a year."""
    _check_stored_draft(measure)
    if _carried_over(measure):
        raise ValidationError(
            _("This measure is in last year's plan: mark it completed instead of removing it.")
        )
    with set_actor(actor), scope(cluster=measure.cluster):
        measure.delete()


def adoption_problems(version: PlanVersion) -> list[str]:
    """What stops the version from being adopted: a chapter with a table but no measures."""
    with scope(cluster=version.cluster):
        empty = version.chapters.filter(has_measures=True).exclude(
            measures__status__in=[Status.ONGOING, Status.PRIORITISED, Status.CANDIDATE]
        )
        return [
            _("Chapter %(chapter)s has no measures.") % {"chapter": f"{c.numeral}) {c.heading}"}
            for c in empty.distinct()
        ]


@transaction.atomic
def version_propose(*, version: PlanVersion, meeting: Meeting, actor: User | None) -> Case:
    """Put the draft on a meeting's agenda as a decision case, with a proposed decision."""
    _check_draft(version)
    if version.proposed_in is not None and not version.proposed_in.withdrawn:
        raise ValidationError(
            {
                "meeting": _("The draft is on the agenda as %(case)s already.")
                % {"case": version.proposed_in.label}
            }
        )
    problems = adoption_problems(version)
    if problems:
        raise ValidationError({"meeting": problems})
    if meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT):
        raise ValidationError({"meeting": _("Choose a meeting that has not been held yet.")})
    plan = version.plan
    with override(plan.language):
        title = _("Rolling of the action plan: %(plan)s for %(year)s") % {
            "plan": plan.title,
            "year": version.year,
        }
        proposal = _("%(body)s adopts %(plan)s, rolled for %(year)s.") % {
            "body": meeting.body.name,
            "plan": plan.title,
            "year": version.year,
        }
    case = case_add(
        meeting=meeting,
        title=title,
        actor=actor,
        kind=Case.Kind.DECISION,
        proposed_decision=proposal,
    )
    version.proposed_in = case
    with set_actor(actor), scope(cluster=version.cluster):
        version.save(update_fields=["proposed_in"])
    return case


@transaction.atomic
def version_adopt(*, version: PlanVersion, actor: User | None) -> PlanVersion:
    """Adopt the draft by the decision of the case it went to. The adopted version before it
    becomes superseded; the new one is frozen."""
    with set_actor(actor), scope(cluster=version.cluster):
        version = PlanVersion.objects.select_for_update().get(pk=version.pk)
        _check_draft(version)
        case = version.proposed_in
        if case is None:
            raise ValidationError(_("Put the draft on a meeting's agenda first."))
        if case.meeting.status in (Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT):
            raise ValidationError(
                _("The meeting of %(date)s has not been held yet.")
                % {"date": f"{_meeting_day(case.meeting):%d.%m.%Y}"}
            )
        if not case.decision.strip():
            raise ValidationError(
                _("%(case)s has no decision recorded yet.") % {"case": case.label}
            )
        problems = adoption_problems(version)
        if problems:
            raise ValidationError(problems)
        PlanVersion.objects.filter(plan=version.plan, status=PlanVersion.Status.ADOPTED).update(
            status=PlanVersion.Status.SUPERSEDED
        )
        version.status = PlanVersion.Status.ADOPTED
        version.adopted_in = case
        version.adopted_on = _meeting_day(case.meeting)
        version.save(update_fields=["status", "adopted_in", "adopted_on"])
    cluster_changed(version.cluster_id)  # update() sends no signal
    return version


def _meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()
