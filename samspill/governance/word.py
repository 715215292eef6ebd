"""The minutes and the formal record as Word documents (python-docx): the same content as the
PDF (`documents.minutes_context`), with real headings, a real table and the text's language."""

import io

from samspill.common.word import WORD_LANGUAGES, repeat_header, set_language

from .documents import Block, minutes_context
from .models import Meeting


def _docx_blocks(document, blocks: list[Block]) -> None:
    for block in blocks:
        if block.kind == "list":
            for line in block.lines:
                document.add_paragraph(line, style="List Bullet")
        else:
            paragraph = document.add_paragraph()
            for index, line in enumerate(block.lines):
                run = paragraph.add_run(line)
                if index < len(block.lines) - 1:
                    run.add_break()


def _docx_labelled(document, label: str, blocks: list[Block]) -> None:
    if not blocks:
        return
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(label).bold = True
    _docx_blocks(document, blocks)


def minutes_docx(meeting: Meeting, *, kind: str = "minutes", public: bool = False) -> bytes:
    """The document in Word: Heading 1 for the title, Heading 2 for each case, Heading 3 for
    its sub-items, and the attendance as a table whose first row is its header."""
    from docx import Document
    from docx.shared import Mm, Pt

    context = minutes_context(meeting, kind=kind, public=public)
    labels = context["labels"]
    document = Document()
    document.core_properties.title = context["document_title"]
    document.core_properties.language = WORD_LANGUAGES.get(context["language"], context["language"])
    set_language(document, context["language"])
    document.styles["Normal"].font.size = Pt(10.5)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)

    document.add_heading(context["title"], level=1)
    for label, value in (
        (labels["place"], context["place"]),
        (labels["date"], context["date"]),
        (labels["time"], context["time"]),
    ):
        if value:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)

    rows = context["attendance"]
    if rows:
        document.add_paragraph()
        widths = (Mm(62), Mm(52), Mm(18), Mm(18), Mm(20))
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        table.autofit = False
        header = table.rows[0]
        repeat_header(header)
        for cell, label, width in zip(header.cells, labels["columns"], widths, strict=True):
            cell.width = width
            cell.text = ""
            cell.paragraphs[0].add_run(label).bold = True
        for row in rows:
            cells = table.add_row().cells
            if row.heading:
                merged = cells[0].merge(cells[-1])
                merged.text = ""
                merged.paragraphs[0].add_run(row.heading).bold = True
                continue
            values = (row.organisation, row.name, row.code, row.summoned, row.absence)
            for cell, value, width in zip(cells, values, widths, strict=True):
                cell.width = width
                cell.text = value

    for sentence in (context["substitutes"], context["chair"], context["quorum"]):
        if sentence:
            document.add_paragraph(sentence)

    for case in context["cases"]:
        heading = case.heading
        if case.withdrawn:
            heading = f"{heading} {labels['withdrawn']}"
        document.add_heading(heading, level=2)
        for line in (
            case.restricted_note,
            case.presenter,
            case.follows_up,
            case.sent_from,
            case.disqualified,
        ):
            if line:
                document.add_paragraph().add_run(line).italic = True
        for item in case.items:
            document.add_heading(item.heading, level=3)
            if item.presenter:
                document.add_paragraph().add_run(item.presenter).italic = True
            _docx_blocks(document, item.discussion)
            _docx_labelled(document, labels["decision"], item.decision)
        _docx_blocks(document, case.discussion)
        _docx_labelled(document, labels["decision"], case.decision)
        _docx_labelled(document, labels["dissent"], case.dissent)

    if context["minute_taker"]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{labels['minute_taker']}: ").bold = True
        paragraph.add_run(context["minute_taker"])

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
