"""A version of the plan as a Word document (python-docx), in the shape the DOCX importer
reads back (`imports/docx.py`): Heading 1 per chapter, Heading 2 per section, bullets as
"List Bullet", and each chapter's measures as a table whose text runs carry the status
(italic: candidate, bold italic: prioritised, struck through: completed)."""

import io
import re

from samspill.common.word import WORD_LANGUAGES, repeat_header, set_language

from .documents import plan_context
from .models import Measure, PlanVersion

Status = Measure.Status
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1")


def _plain(text: str) -> str:
    """Markdown inline markup as text: a link as "text (address)", emphasis marks dropped."""
    return EMPHASIS.sub(r"\2", LINK.sub(r"\1 (\2)", text))


def _markdown(document, text: str) -> None:
    """The Markdown the plan's texts use: paragraphs, "- " bullets, "### " sub-headings and
    "> " quotations."""
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        paragraph: list[str] = []
        for line in lines:
            if line.startswith(("- ", "* ")):
                document.add_paragraph(_plain(line[2:]), style="List Bullet")
            elif line.startswith("#"):
                document.add_heading(_plain(line.lstrip("#").strip()), level=3)
            elif line.startswith(">"):
                document.add_paragraph(_plain(line.lstrip("> ").strip()), style="Quote")
            else:
                paragraph.append(_plain(line))
        if paragraph:
            document.add_paragraph(" ".join(paragraph))


def _points(document, heading: str, points: list[str]) -> None:
    if points:
        document.add_heading(heading, level=2)
        for point in points:
            document.add_paragraph(point, style="List Bullet")


def _measure_run(paragraph, measure: Measure, prefix: str) -> None:
    if prefix:
        paragraph.add_run(f"{prefix} ")
    run = paragraph.add_run(measure.text)
    run.italic = measure.status in (Status.CANDIDATE, Status.PRIORITISED)
    run.bold = measure.status == Status.PRIORITISED
    run.font.strike = measure.status == Status.COMPLETED


def plan_docx(version: PlanVersion) -> bytes:
    from docx import Document
    from docx.shared import Mm, Pt

    context = plan_context(version)
    labels = context["labels"]
    language = context["language"]
    document = Document()
    document.core_properties.title = labels["title"]
    document.core_properties.language = WORD_LANGUAGES.get(language, language)
    set_language(document, language)
    document.styles["Normal"].font.size = Pt(10)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)

    document.add_paragraph(labels["title"], style="Title")
    document.add_heading(labels["summary"], level=1)
    if version.summary_introduction:
        _markdown(document, version.summary_introduction)
    for chapter, measures in context["summary"]:
        document.add_heading(f"{chapter.numeral}) {chapter.summary_title}", level=2)
        for measure in measures:
            document.add_paragraph(measure.text, style="List Bullet")
    for chapter in context["summary_notes"]:
        document.add_heading(f"{chapter.numeral}) {chapter.summary_title}", level=2)
        document.add_paragraph(chapter.summary_note)

    for chapter, rows in context["chapters"]:
        document.add_page_break()
        document.add_heading(f"{chapter.numeral}) {chapter.heading}", level=1)
        if chapter.introduction:
            _markdown(document, chapter.introduction)
        if chapter.position == 1 and not chapter.has_measures:
            if version.context_changes:
                document.add_heading(labels["changes"], level=2)
                _markdown(document, version.context_changes)
            document.add_heading(labels["explanation"], level=2)
            document.add_paragraph(labels["explanation_lead"])
            document.add_paragraph(labels["tables"])
            for key in ("ongoing", "prioritised", "completed", "open_row"):
                # Each explanation is printed in the typography it explains.
                run = document.add_paragraph(style="List Bullet").add_run(labels[key])
                run.bold = run.italic = key == "prioritised"
                run.font.strike = key == "completed"
            document.add_paragraph(labels["note"])
        _points(document, labels["why"], chapter.why_points)
        _points(document, labels["where"], chapter.where_points)
        if chapter.has_measures:
            document.add_heading(labels["measures"], level=2)
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            header = table.rows[0]
            repeat_header(header)
            for cell, label in zip(
                header.cells, (labels["measure"], labels["starts"]), strict=True
            ):
                cell.text = ""
                cell.paragraphs[0].add_run(label).bold = True
            for row in rows:
                cells = table.add_row().cells
                cells[0].text = ""
                _measure_run(cells[0].paragraphs[0], row.measure, row.number)
                cells[1].text = str(row.measure.start_year or "")
            table.add_row()  # the open row: the plan is meant to change
            for row in table.rows:
                row.cells[0].width, row.cells[1].width = Mm(150), Mm(20)
        _points(document, labels["prerequisites"], chapter.prerequisite_points)

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
