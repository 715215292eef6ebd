"""Reading an action plan from a Word document (DOCX) into a `PlanOutline`.

The shape is the one the app's own export writes, so an exported plan comes back without
loss: a "Title" paragraph ("Handlingsplan 2025-2030 – rullert for 2026"), the summary under
Heading 1 "Sammendrag: …", then one Heading 1 per chapter ("V) Målsetting 2a: …") with its
sections as Heading 2 and the table "Tiltak | Startar". A measure's status is its typography,
as in the printed plan: bold italics prioritised, italics candidate, struck through
completed, normal type ongoing.
"""

import io
import re
import zipfile
from typing import Any

from django.utils.translation import gettext as _

from ..outline import ChapterOutline, MeasureOutline, MeasureStatus, PlanOutline
from .lines import fold
from .result import ParsedPlan
from .sections import (
    MEASURES,
    PREREQUISITES,
    ROLLED,
    ROMAN,
    WHERE,
    WHY,
    chapter_heading,
    is_context_heading,
    is_explanation_heading,
    is_header_row,
    is_summary_heading,
    section_of,
    split_goal,
    valid_year,
    version_year,
)

INTRO, CONTEXT, SKIP, SUMMARY = "introduction", "context", "skip", "summary"
NUMBERING = re.compile(r"^\s*\d{1,3}\s?[).]\s+")
HEADING = re.compile(r"^(?:heading|overskrift)\s*(\d)$")
DASHES = {"", "-", "–", "—"}


# A plan of a hundred pages unpacks to a few megabytes; a file that claims more is refused
# before python-docx unpacks it into memory (a "zip bomb").
MAX_UNPACKED = 50 * 1024 * 1024


def parse_plan_docx(data: bytes) -> ParsedPlan:
    """The outline found in a DOCX file; a file that is not one gives a warning."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        unpacked = 0  # not a zip at all: python-docx says so below
    if unpacked > MAX_UNPACKED:
        return ParsedPlan(warnings=[_("The document is too large to read.")])
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a file that is not a DOCX
        return ParsedPlan(warnings=[_("The file could not be read as a Word document (.docx).")])
    reader = _Reader()
    try:
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                reader.table(block)
            else:
                reader.paragraph(block)
    except Exception:  # a document python-docx cannot walk: keep what was read
        reader.warnings.append(_("Part of the document could not be read."))
    return reader.result()


def _style_name(paragraph: Any) -> str:
    try:
        return (paragraph.style.name or "").lower()
    except Exception:
        return ""


def _heading_level(paragraph: Any) -> int | None:
    """0 for the title, 1–9 for headings, None for body text."""
    name = _style_name(paragraph)
    if name == "title":
        return 0
    m = HEADING.match(name)
    return int(m.group(1)) if m else None


def _is_list(paragraph: Any) -> bool:
    name = _style_name(paragraph)
    if name.startswith(("list bullet", "list number", "list paragraph", "punktliste")):
        return True
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _flag(run: Any, paragraph: Any | None, *names: str) -> bool:
    """Whether the run is bold (italic, struck through), directly or by its styles (the
    paragraph's style too, unless `paragraph` is None: a quote's italics are its style's)."""
    paragraph_font = getattr(paragraph.style, "font", None) if paragraph is not None else None
    for font in (run.font, getattr(run.style, "font", None), paragraph_font):
        if font is None:
            continue
        values = [getattr(font, name) for name in names]
        if any(v is not None for v in values):
            return any(bool(v) for v in values)
    return False


def _inline_markdown(paragraph: Any) -> str:
    """The paragraph's text with bold, italics and links as Markdown."""
    parts = []
    for item in paragraph.iter_inner_content():
        if hasattr(item, "address"):
            address = item.address + (f"#{item.fragment}" if item.fragment else "")
            parts.append(f"[{item.text}]({address})" if address else item.text)
            continue
        bold, italic = _flag(item, None, "bold"), _flag(item, None, "italic")
        mark = "***" if bold and italic else "**" if bold else "*" if italic else ""
        parts.append(_emphasis(item.text, mark))
    return "".join(parts).strip()


def _emphasis(text: str, mark: str) -> str:
    core = text.strip()
    if not mark or not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _status(cell: Any) -> MeasureStatus:
    """The typography of the measure's text: most of its characters decide."""
    total = bold = italic = strike = 0
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            size = len(run.text.strip())
            total += size
            bold += size * _flag(run, paragraph, "bold")
            italic += size * _flag(run, paragraph, "italic")
            strike += size * _flag(run, paragraph, "strike", "double_strike")
    if not total:
        return "ongoing"
    if strike * 2 > total:
        return "completed"
    if bold * 2 > total:
        return "prioritised"
    return "candidate" if italic * 2 > total else "ongoing"


def _render(parts: list[tuple[str, str]]) -> str:
    """Markdown blocks: list items together, everything else a paragraph of its own."""
    blocks: list[str] = []
    previous = ""
    for kind, text in parts:
        if kind == "li" and previous == "li":
            blocks[-1] += f"\n{text}"
        else:
            blocks.append(text)
        previous = kind
    return "\n\n".join(blocks)


class _Reader:
    """Walks the document's paragraphs and tables in order, keeping where it is."""

    def __init__(self) -> None:
        self.outline = PlanOutline()
        self.warnings: list[str] = []
        self.chapter: ChapterOutline | None = None
        self.section = INTRO
        self.markdown: dict[int, list[tuple[str, str]]] = {}
        self.summary_intro: list[tuple[str, str]] = []
        self.context: list[tuple[str, str]] = []
        self.summary_numeral: str | None = None
        self.short_titles: dict[str, str] = {}
        self.notes: dict[str, list[str]] = {}
        self.with_measures: set[int] = set()

    def paragraph(self, paragraph: Any) -> None:
        text = paragraph.text.strip()
        level = _heading_level(paragraph)
        if level == 0:
            self.title(text)
        elif level == 1:
            self.heading_1(text)
        elif level == 2:
            self.heading_2(text)
        elif text and level is not None:
            self.text(("h", f"{'#' * min(level, 6)} {text}"))
        elif text:
            self.body(paragraph, text)

    def title(self, text: str) -> None:
        m = ROLLED.search(text)
        self.outline.title = (text[: m.start()] if m else text).strip(" –—-,")
        if m and self.outline.year is None and valid_year(int(m.group(1))):
            self.outline.year = int(m.group(1))

    def heading_1(self, text: str) -> None:
        if is_summary_heading(text):
            self.section, self.chapter = SUMMARY, None
            year = version_year(text)
            if valid_year(year):
                self.outline.year = year
            return
        found = chapter_heading(text)
        if found is None:
            count = len(self.outline.chapters)
            found = split_goal(ROMAN[count] if count < len(ROMAN) else str(count + 1), text)
        self.chapter = ChapterOutline(
            numeral=found.numeral, title=found.title, goal_code=found.goal_code
        )
        self.outline.chapters.append(self.chapter)
        self.section = INTRO

    def heading_2(self, text: str) -> None:
        if self.chapter is None:
            found = chapter_heading(text)
            self.summary_numeral = found.numeral if found else None
            if found:
                self.short_titles[found.numeral] = found.title
            return
        kind = section_of(text)
        if kind:
            self.section = kind
            self.with_measures.add(id(self.chapter))
        elif is_context_heading(text):
            self.section = CONTEXT
        elif is_explanation_heading(text):
            self.section = SKIP
        else:  # a sub-heading of the chapter's running text
            self.section = INTRO
            self.text(("h", f"### {text}"))

    def text(self, part: tuple[str, str]) -> None:
        """A Markdown block for the introduction, the context changes or the summary."""
        if self.chapter is None:
            if self.summary_numeral is None:
                self.summary_intro.append(part)
        elif self.section == CONTEXT:
            self.context.append(part)
        elif self.section != SKIP:
            self.markdown.setdefault(id(self.chapter), []).append(part)

    def body(self, paragraph: Any, text: str) -> None:
        chapter, section = self.chapter, self.section
        if chapter is None:
            if self.summary_numeral is not None and not _is_list(paragraph):
                self.notes.setdefault(self.summary_numeral, []).append(text)
            elif self.summary_numeral is None:
                self.text(self.block(paragraph))
        elif section in {WHY, WHERE, PREREQUISITES}:
            getattr(chapter, section).append(text)
        elif section in {INTRO, CONTEXT}:
            self.text(self.block(paragraph))

    def block(self, paragraph: Any) -> tuple[str, str]:
        text = _inline_markdown(paragraph)
        if _is_list(paragraph):
            return "li", f"- {text}"
        if _style_name(paragraph).endswith("quote"):
            return "p", f"> {text}"
        return "p", text

    def table(self, table: Any) -> None:
        if self.chapter is None or self.section != MEASURES:
            if self.chapter is not None:
                self.warnings.append(
                    _("Chapter %(chapter)s: a table outside “Aktuelle tiltak” was left out.")
                    % {"chapter": self.chapter.numeral}
                )
            return
        for index, row in enumerate(table.rows):
            self.row(index, list(row.cells))

    def row(self, index: int, cells: list[Any]) -> None:
        if self.chapter is None:
            return
        texts = [" ".join(p.text for p in cell.paragraphs).strip() for cell in cells]
        if not any(texts) or index == 0 and is_header_row(" ".join(texts[:2])):
            return  # the header and the open row
        text = NUMBERING.sub("", texts[0]).strip()
        if not text:
            return
        year_text = texts[1] if len(texts) > 1 else ""
        found = re.search(r"\b(\d{4})\b", year_text)
        year = int(found.group(1)) if found else None
        if (year is not None and not valid_year(year)) or (
            year is None and year_text not in DASHES
        ):
            self.warnings.append(
                _("Chapter %(chapter)s: the start year “%(year)s” of “%(measure)s” was left out.")
                % {"chapter": self.chapter.numeral, "year": year_text, "measure": text[:80]}
            )
            year = None
        status = _status(cells[0])
        self.chapter.measures.append(MeasureOutline(text=text, start_year=year, status=status))

    def result(self) -> ParsedPlan:
        outline = self.outline
        outline.summary_introduction = _render(self.summary_intro)
        outline.context_changes = _render(self.context)
        for chapter in outline.chapters:
            chapter.introduction = _render(self.markdown.get(id(chapter), []))
            chapter.has_measures = id(chapter) in self.with_measures or bool(chapter.measures)
            short = self.short_titles.get(chapter.numeral, "")
            if short and fold(short) != fold(chapter.title):
                chapter.short_title = short
            if not chapter.has_measures and chapter.numeral in self.notes:
                chapter.summary_note = "\n\n".join(self.notes[chapter.numeral])
        if not outline.chapters:
            self.warnings.append(_("No chapters found."))
        return ParsedPlan(outline=outline, warnings=self.warnings)
