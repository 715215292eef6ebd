"""Demo plans: Polyfon's strategy 2024-2030 and its action plan 2025-2030.

The 2026 version is the reference plan (`demo_plan.py`), adopted in the steering group's case
of 20.11.2025 (`governance.demo.PLAN_2026_CASE`). The 2025 version is derived from it: what
started in 2026 was still a candidate, and what started in 2025 was that year's priority; it
was adopted on 13.12.2024 (the reference says so) and is now superseded. A draft for 2027
has a few changes, so the changes page has content. Who works on which measure is invented.
"""

import datetime

from django.db import transaction
from django_scopes import scopes_disabled

from samspill.accounts.models import User
from samspill.clusters.models import Cluster, Organisation
from samspill.governance.demo import PLAN_2026_CASE
from samspill.governance.models import Body, Case

from . import services
from .demo_plan import STRATEGY, SUMMARY_CLOSING, SUMMARY_TITLES, polyfon_2026
from .models import ActionPlan, Chapter, Measure, PlanVersion, Strategy
from .outline import MeasureOutline, PlanOutline

Status = Measure.Status
# Invented: which participants work on which measure (chapter, measure number in the table).
RESPONSIBLE = {
    ("II", 4): ["UiB", "NORCE"],
    ("II", 5): ["UiB", "Helse Bergen", "OUS", "SSHF"],
    ("III", 6): ["Mental Helse"],
    ("IV", 5): ["NMH", "UiB"],
    ("V", 3): ["Helse Bergen", "Bergen kommune"],
    ("V", 5): ["UiB", "OUS", "SSHF", "Helse Bergen"],
    ("VIII", 4): ["NMH", "UiB"],
    ("IX", 2): ["HVL", "UiB"],
}


@transaction.atomic
def load(*, polyfon: Cluster, actor: User | None) -> None:
    with scopes_disabled():
        strategy = Strategy.objects.create(cluster=polyfon, **STRATEGY)
        plan = ActionPlan.objects.create(
            cluster=polyfon,
            title="Handlingsplan 2025-2030",
            slug="handlingsplan-2025-2030",
            strategy=strategy,
            period_start=2025,
            period_end=2030,
            language="nb",
        )
        reference = _with_summary_titles(polyfon_2026())
        v2026 = services.version_create_from_outline(
            plan=plan, outline=reference, year=2026, actor=actor
        )
        v2025 = services.version_create_from_outline(
            plan=plan, outline=_as_in_2025(reference), year=2025, actor=actor
        )
        _same_keys(v2025, v2026)
        _adopted(
            v2025, datetime.date(2024, 12, 13), case=None, status=PlanVersion.Status.SUPERSEDED
        )
        case = Case.objects.filter(cluster=polyfon, title=PLAN_2026_CASE).first()
        _adopted(v2026, datetime.date(2025, 11, 20), case=case, status=PlanVersion.Status.ADOPTED)
        v2026.based_on = v2025
        v2026.save(update_fields=["based_on"])
        _responsible(polyfon, v2026)
        _draft_2027(plan, actor)


def _with_summary_titles(outline: PlanOutline) -> PlanOutline:
    for chapter in outline.chapters:
        chapter.short_title = SUMMARY_TITLES.get(chapter.numeral, "")
        if chapter.numeral == "X":
            chapter.summary_note = SUMMARY_CLOSING
    return outline


def _as_in_2025(reference: PlanOutline) -> PlanOutline:
    """The 2025 version as it must have read: measures starting in 2026 were candidates, and
    the measures that started in 2025 were its priorities."""
    import copy

    outline = copy.deepcopy(reference)
    outline.year = 2025
    outline.context_changes = ""
    for chapter in outline.chapters:
        measures = []
        for m in chapter.measures:
            if m.start_year == 2026:
                measures.append(MeasureOutline(m.text, None, "candidate"))
            elif m.start_year == 2025:
                measures.append(MeasureOutline(m.text, 2025, "prioritised"))
            elif m.status == "prioritised":
                measures.append(MeasureOutline(m.text, m.start_year, "ongoing"))
            else:
                measures.append(m)
        # Candidates first among themselves in the order the 2026 table has them.
        chapter.measures = [m for m in measures if m.status != "candidate"] + [
            m for m in measures if m.status == "candidate"
        ]
    return outline


def _same_keys(older: PlanVersion, newer: PlanVersion) -> None:
    """Give the derived 2025 version the 2026 version's identities, chapter and measure."""
    chapters = {c.numeral: c.key for c in newer.chapters.all()}
    for chapter in older.chapters.all():
        chapter.key = chapters[chapter.numeral]
        chapter.save(update_fields=["key"])
    measures = {m.text: m.key for m in newer.measures.all()}
    for measure in older.measures.all():
        measure.key = measures[measure.text]
        measure.save(update_fields=["key"])


def _adopted(version: PlanVersion, day: datetime.date, *, case: Case | None, status: str) -> None:
    version.status = status
    version.adopted_on = day
    version.adopted_in = case
    version.save(update_fields=["status", "adopted_on", "adopted_in"])


def _responsible(cluster: Cluster, version: PlanVersion) -> None:
    orgs = {o.short_name or o.name: o for o in Organisation.objects.filter(cluster=cluster)}
    steering = Body.objects.filter(cluster=cluster, slug="styringsgruppen").first()
    for chapter in version.chapters.all():
        taken_up = list(chapter.measures.exclude(status=Status.CANDIDATE).order_by("position"))
        for number, measure in enumerate(taken_up, start=1):
            names = RESPONSIBLE.get((chapter.numeral, number), [])
            measure.organisations.set([orgs[n] for n in names if n in orgs])
            if steering and chapter.numeral == "II":
                measure.bodies.set([steering])


def _draft_2027(plan: ActionPlan, actor: User | None) -> None:
    """Rolled for 2027: the OPPTAKT project plan is done, the ambassador scheme is taken up,
    a measure is prioritised and one is added."""
    draft = services.rolling_start(plan=plan, year=2027, actor=actor)
    measures = Measure.objects.filter(version=draft)
    project_plan = measures.get(text__startswith="Utarbeiding av prosjektplan for OPPTAKT")
    services.measure_set_status(measure=project_plan, status=Status.COMPLETED, actor=actor)
    ambassadors = measures.filter(text__contains="ambassadør").first()
    if ambassadors:
        services.measure_set_status(measure=ambassadors, status=Status.PRIORITISED, actor=actor)
    forum = measures.filter(text__startswith="Etablering av et formidlingsforum").first()
    if forum:
        services.measure_set_status(measure=forum, status=Status.PRIORITISED, actor=actor)
    reworded = measures.filter(text__startswith="Styrking av implementering lokalt").first()
    if reworded:
        reworded.text = reworded.text.replace("gj. arbeidsgrupper", "gjennom arbeidsgrupper")
        services.measure_save(measure=reworded, actor=actor)
    chapter = Chapter.objects.get(version=draft, numeral="III")
    services.measure_save(
        measure=Measure(
            cluster=plan.cluster,
            version=draft,
            chapter=chapter,
            text="Erfaringspanelet gjennomfører en årlig samling med klyngedeltakerne",
            status=Status.CANDIDATE,
        ),
        actor=actor,
    )
    draft.summary_introduction = draft.summary_introduction.replace(
        "prioriterte tiltak i 2026", "prioriterte tiltak i 2027"
    )
    draft.context_changes = (
        "Endringer i Polyfon:\n\n"
        "- Den nye klyngeavtalen gjelder fra 1. januar 2026\n"
        "- OPPTAKT har startet opp med knutepunkt i regionene Øst, Sør og Vest"
    )
    services.version_save(version=draft, actor=actor)
    Chapter.objects.filter(version=draft, numeral="III").update(
        evaluation_notes="Tilbakemeldingene fra klyngedeltakerne viser at Erfaringspanelet er "
        "lite kjent utenfor styringsgruppa."
    )
