"""Plans for the tests: a plan with an adopted version built from an outline, and the records
every plans URL is about (`plans_objects`, used by samspill/conftest.py)."""

from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import OrganisationFactory
from samspill.governance import services as governance_services
from samspill.governance.tests.factories import make_body, meeting_at
from samspill.plans import services
from samspill.plans.models import ActionPlan, PlanVersion, Strategy
from samspill.plans.outline import ChapterOutline, MeasureOutline, PlanOutline


def small_outline() -> PlanOutline:
    """An introduction, two goals with measures of every kind, and a closing chapter."""
    return PlanOutline(
        title="Handlingsplan 2025-2030",
        year=2026,
        summary_introduction="Prioriterte tiltak som kulepunkt.",
        context_changes="Endringer i klynga:\n\n- To nye deltakere",
        chapters=[
            ChapterOutline(
                "I", "Innledning", introduction="Planen bygger på strategien.", has_measures=False
            ),
            ChapterOutline(
                "II",
                "Realisering av en nasjonal funksjon",
                short_title="Nasjonal funksjon",
                why=["Likeverdig tilgang"],
                where_2030=["Knutepunkt i Øst, Sør og Vest"],
                prerequisites=["Kontinuerlig evaluering"],
                measures=[
                    MeasureOutline("Rekruttere klyngedeltakere", 2025, "ongoing"),
                    MeasureOutline("Søknad om nasjonal kompetansetjeneste", 2025, "prioritised"),
                    MeasureOutline("Nettverk for erfaringsskoler", None, "candidate"),
                ],
            ),
            ChapterOutline(
                "III",
                "MT er integrert i tjenester",
                goal_code="Målsetting 2a",
                measures=[
                    MeasureOutline("Rådgivning om praksis", 2015, "ongoing"),
                    MeasureOutline("Ambassadørordning", None, "candidate"),
                ],
            ),
            ChapterOutline(
                "X", "Rullering", has_measures=False, summary_note="Planen rulleres årlig."
            ),
        ],
    )


def _action_plan(cluster, slug: str) -> ActionPlan:
    """The action plan 2025–2030 under the strategy 2024–2030, without versions."""
    with scopes_disabled():
        strategy = Strategy.objects.create(
            cluster=cluster, title="Strategi 2024-2030", period_start=2024, period_end=2030
        )
        return ActionPlan.objects.create(
            cluster=cluster,
            title="Handlingsplan 2025-2030",
            slug=slug,
            strategy=strategy,
            period_start=2025,
            period_end=2030,
        )


def make_plan(cluster, *, slug: str = "handlingsplan", adopted_year: int | None = 2026):
    """A plan 2025–2030 with a version from `small_outline()`, adopted unless told not to."""
    plan = _action_plan(cluster, slug)
    with scopes_disabled():
        version = services.version_create_from_outline(
            plan=plan, outline=small_outline(), year=adopted_year or 2026, actor=None
        )
        if adopted_year:
            version.status = PlanVersion.Status.ADOPTED
            version.adopted_on = f"{adopted_year - 1}-12-13"
            version.save(update_fields=["status", "adopted_on"])
            version.refresh_from_db()
    return plan, version


def plans_objects(cluster) -> dict:
    """An adopted 2026 version and a draft 2027 rolled from it, with a chapter and measure of
    the draft, and a steering group meeting to send it to."""
    plan, adopted = make_plan(cluster)
    draft = services.rolling_start(plan=plan, year=2027, actor=None)
    with scopes_disabled():
        chapter = draft.chapters.get(numeral="II")
        measure = chapter.measures.order_by("position").first()
        body = make_body(cluster, name="Styringsgruppa", slug=f"sg-{cluster.slug}")
        coming = meeting_at(body, 2026, 12, 10, standard_cases=False)
        return {
            "strategy": plan.strategy,
            "plan": plan,
            "adopted_version": adopted,
            "draft_version": draft,
            "chapter": chapter,
            "measure": measure,
            "plan_meeting": coming,
        }


def propose_with_decision(version, meeting, *, decision: str = "Handlingsplanen vedtas."):
    """Send the draft to `meeting`, hold it and record the decision: what adoption needs."""
    case = services.version_propose(version=version, meeting=meeting, actor=None)
    with scopes_disabled():
        case.decision = decision
        case.save(update_fields=["decision"])
        meeting.status = meeting.Status.HELD
        meeting.save(update_fields=["status"])
    return case


def proposed_plan(cluster, *, meeting) -> PlanVersion:
    """Another plan's 2027 draft, on which `meeting` has decided: the draft the adoption page
    adopts (`objects` in samspill/conftest.py)."""
    plan, _adopted = make_plan(cluster, slug=f"vedtatt-{cluster.slug}")
    draft = services.rolling_start(plan=plan, year=2027, actor=None)
    # A meeting of its own: `meeting` stays planned, for the page that proposes a draft.
    held = meeting_at(meeting.body, 2026, 12, 11, standard_cases=False)
    propose_with_decision(draft, held)
    return draft


# For the query counts: a plan as large as asked ---------------------------------------------

STATUSES = ["prioritised", "ongoing", "candidate"]


def plan_with_rows(
    cluster, rows: int, *, slug: str = "handlingsplan", decisions: bool = True
) -> ActionPlan:
    """A plan like `make_plan`'s, adopted for 2026 and rolled into a 2027 draft, whose chapters
    with a table have `rows` measures each (prioritised, ongoing, candidate, …). Every measure
    has a participant, a body and (with `decisions`) a decision at a meeting of that body, of
    its own; its copy in the draft has the same."""
    outline = small_outline()
    for chapter in outline.chapters:
        if chapter.has_measures:
            chapter.measures = [
                MeasureOutline(
                    f"Tiltak {chapter.numeral}.{n}",
                    None if STATUSES[n % 3] == "candidate" else 2025,
                    STATUSES[n % 3],
                )
                for n in range(rows)
            ]
    plan = _action_plan(cluster, slug)
    version = services.version_create_from_outline(
        plan=plan, outline=outline, year=2026, actor=None
    )
    with scopes_disabled():
        for n, measure in enumerate(version.measures.order_by("pk")):
            _link(measure, n, decisions=decisions)
        version.status = PlanVersion.Status.ADOPTED
        version.adopted_on = "2025-12-13"
        version.save(update_fields=["status", "adopted_on"])
    services.rolling_start(plan=plan, year=2027, actor=None)
    return plan


def _link(measure, n: int, *, decisions: bool) -> None:
    """A participant, a body, and perhaps a decision at a meeting of that body."""
    body = make_body(measure.cluster, name=f"Arbeidsgruppe {measure.pk}", slug=f"ag-{measure.pk}")
    measure.organisations.add(OrganisationFactory(cluster=measure.cluster))
    measure.bodies.add(body)
    if decisions:
        meeting = meeting_at(body, 2025, 1 + n % 12, 10, standard_cases=False)
        case = governance_services.case_add(meeting=meeting, title=measure.text, actor=None)
        case.decision = "Vedtatt."
        case.save(update_fields=["decision"])
        measure.decisions.add(case)
