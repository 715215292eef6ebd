"""A version of a plan as a document: HTML for the page and for print, PDF through WeasyPrint,
and the one-page summary for the annual meeting (DOCX in `word.py`).

The shape is the reference plan's: the summary "Sammendrag: Prioriterte tiltak i 2026" with
the prioritised measures grouped by chapter, then each chapter with "Hvorfor er dette
viktig?", "Hvor bør klynga være i 2030?", the table "Aktuelle tiltak" (Tiltak | Startår) and
"Forutsetninger for å lykkes". The tables follow the reference's typography: ongoing measures
in normal type, new candidates in italics, prioritised in bold italics, completed struck
through, and an open row at the end. The labels speak the plan's written standard.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext
from django_scopes import scope

from . import queries
from .models import Chapter, Measure, PlanVersion

Status = Measure.Status
TEMPLATE = "plans/documents/plan.html"


@dataclass(frozen=True)
class Row:
    """A row of a chapter's table: numbered unless it is a candidate."""

    number: str
    measure: Measure

    @property
    def status(self) -> str:
        return self.measure.status


def table_rows(chapter: Chapter) -> list[Row]:
    """Measures that are part of the plan first, numbered, then the new candidates."""
    measures = list(chapter.measures.all())
    taken_up = [m for m in measures if m.status != Status.CANDIDATE]
    candidates = [m for m in measures if m.status == Status.CANDIDATE]
    return [Row(f"{n})", m) for n, m in enumerate(taken_up, start=1)] + [
        Row("", m) for m in candidates
    ]


def labels(version: PlanVersion) -> dict[str, str]:
    """The document's fixed texts, in the active language (the plan's written standard)."""
    plan = version.plan
    cluster = version.cluster.short_name or version.cluster.name
    return {
        "summary": _("Summary: prioritised measures in %(year)s") % {"year": version.year},
        "introduction": pgettext("plan chapter", "Introduction"),
        "why": _("Why does this matter?"),
        "where": _("Where should the cluster be in %(year)s?") % {"year": plan.period_end},
        "measures": _("Current measures"),
        "measure": pgettext("plan table", "Measure"),
        "starts": pgettext("plan table", "Starts"),
        "prerequisites": _("Prerequisites for success"),
        "changes": _(
            "Changes in %(cluster)s and in the political and professional context in "
            "%(previous)s of particular relevance to the action plan %(year)s"
        )
        % {"cluster": cluster, "previous": version.year - 1, "year": version.year},
        "explanation": _("Explanation of the tables of measures"),
        "explanation_lead": _("Current measures are set out in tables under each chapter."),
        "tables": _("The tables:"),
        "ongoing": _(
            "distinguish between measures the cluster works on (in normal type) and possible "
            "new measures (in italics)"
        ),
        "prioritised": _(
            "highlight in bold italics the measures proposed as priorities for the coming year"
        ),
        "completed": _("strike through measures that are completed"),
        "open_row": _(
            "have an open row at the end, as a reminder that the plan is to be dynamic and "
            "change over time"
        ),
        "note": _(
            "Note: Possible new measures (in italics) are listed in random (not prioritised) "
            "order. When the plan is rolled, the prioritised new measures are put at the top "
            "of the italic measures, in bold italics."
        ),
        "title": _("%(plan)s, rolled for %(year)s") % {"plan": plan.title, "year": version.year},
        "draft": _("Draft"),
    }


def document_labels(version: PlanVersion) -> dict[str, str]:
    """`labels` in the plan's written standard, whatever language the page speaks."""
    with override(version.plan.language):
        return labels(version)


def plan_context(
    version: PlanVersion, *, summary_only: bool = False, chapters: list[Chapter] | None = None
) -> dict:
    """What the document shows, in a fixed number of queries (none with `chapters` read by
    `queries.adopted_versions`)."""
    with scope(cluster=version.cluster), override(version.plan.language):
        if chapters is None:
            chapters = queries.chapters_with_measures(version)
        return {
            "version": version,
            "plan": version.plan,
            "cluster": version.cluster,
            "language": version.plan.language,
            "labels": labels(version),
            "summary": queries.prioritised_by_chapter(chapters),
            "summary_notes": [c for c in chapters if c.summary_note and not c.has_measures],
            "chapters": [] if summary_only else [(c, table_rows(c)) for c in chapters],
            "summary_only": summary_only,
        }


def plan_html(version: PlanVersion, *, summary_only: bool = False) -> str:
    context = plan_context(version, summary_only=summary_only)
    with override(version.plan.language):
        return render_to_string(TEMPLATE, context)


def plan_pdf(version: PlanVersion, *, summary_only: bool = False) -> bytes:
    """The plan (or its summary alone) as a tagged PDF/UA-1, A4; nothing is fetched."""
    import weasyprint

    html = weasyprint.HTML(
        string=plan_html(version, summary_only=summary_only),
        base_url=str(settings.BASE_DIR),
        url_fetcher=weasyprint.URLFetcher(allowed_protocols=("data",)),
    )
    return html.write_pdf(pdf_variant="pdf/ua-1")


def filename(version: PlanVersion, *, kind: str, extension: str) -> str:
    """ "handlingsplan-2026.pdf", "sammendrag-2026.pdf" in the plan's language."""
    with override(version.plan.language):
        name = (
            pgettext("plan file name", "summary")
            if kind == "summary"
            else pgettext("plan file name", "action-plan")
        )
    return f"{name}-{version.year}.{extension}"
