"""A plan as plain data, before it is saved: what an import finds and what the demo holds.

Nothing here touches the database, so the text and DOCX importers and the demo can build an
outline and `services.version_create_from_outline` saves it in one place.
"""

from dataclasses import dataclass, field
from typing import Literal

MeasureStatus = Literal["ongoing", "candidate", "prioritised", "completed"]


@dataclass
class MeasureOutline:
    """One measure (*tiltak*). Candidates have no start year until taken up; a prioritised
    measure that was a candidate is taken up with the version's year."""

    text: str
    start_year: int | None = None
    status: MeasureStatus = "ongoing"


@dataclass
class ChapterOutline:
    """A chapter as the reference plan has it: "V) Målsetting 2a: MT er integrert i …".

    `introduction` is Markdown (paragraphs, and sub-headings or bullets where the chapter has
    them); the three point lists are one point per item, without bullet marks. A chapter
    without a table of measures (I Innledning, X Rullering) has `has_measures=False`.
    """

    numeral: str
    title: str
    goal_code: str = ""
    short_title: str = ""  # the title on the summary page ("Nasjonal funksjon")
    summary_note: str = ""  # a chapter without measures: its sentence on the summary page
    introduction: str = ""
    why: list[str] = field(default_factory=list)
    where_2030: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    has_measures: bool = True
    measures: list[MeasureOutline] = field(default_factory=list)


@dataclass
class PlanOutline:
    """One year's version of an action plan.

    `summary_introduction` is the short text above the summary's bullets ("Denne
    handlingsplanen konkretiserer …"); `context_changes` is Markdown: the year's changes in the
    cluster and in the political and professional context ("Endringer i Polyfon …").
    """

    title: str = ""
    year: int | None = None
    summary_introduction: str = ""
    context_changes: str = ""
    chapters: list[ChapterOutline] = field(default_factory=list)


def outline_from_dict(data: dict) -> PlanOutline:
    """The outline `dataclasses.asdict` gave (kept signed between the import's steps)."""
    chapters = [
        ChapterOutline(
            **{
                **{k: v for k, v in chapter.items() if k != "measures"},
                "measures": [MeasureOutline(**m) for m in chapter.get("measures", [])],
            }
        )
        for chapter in data.get("chapters", [])
    ]
    return PlanOutline(
        **{**{k: v for k, v in data.items() if k != "chapters"}, "chapters": chapters}
    )
