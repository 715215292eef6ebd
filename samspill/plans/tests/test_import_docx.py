"""Importing a plan from DOCX in the shape the app's export writes (no database)."""

import io
import random
import re

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from samspill.plans.demo_plan import polyfon_2026
from samspill.plans.imports import ParsedPlan, parse_plan_docx
from samspill.plans.outline import PlanOutline

LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def add_link(paragraph, text: str, url: str) -> None:
    """python-docx writes no hyperlinks; the export does."""
    relation = paragraph.part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


def add_measures(document: Document, rows: list[tuple[str, str, str]]) -> None:
    """The table "Tiltak | Startar": a header, the measures, and the open row at the end."""
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Tiltak"
    table.rows[0].cells[1].text = "Startar"
    for text, year, status in rows:
        cells = table.add_row().cells
        run = cells[0].paragraphs[0].add_run(text)
        run.italic = status in {"candidate", "prioritised"}
        run.bold = status == "prioritised"
        run.font.strike = status == "completed"
        cells[1].text = year
    table.add_row()


def plan_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2025-2030 – rullert for 2026", style="Title")
    document.add_heading("Sammendrag: Prioriterte tiltak i 2026", level=1)
    document.add_paragraph("Denne handlingsplanen konkretiserer arbeidet.")
    document.add_heading("II) Nasjonal funksjon", level=2)
    document.add_paragraph("Videre arbeid med søknad", style="List Bullet")
    document.add_heading("X) Rullering av planen", level=2)
    document.add_paragraph("Det legges opp til årlig rullering.")

    document.add_heading("I) Innledning", level=1)
    document.add_paragraph("Polyfons Handlingsplan 2025-2030 bygger på strategien.")
    document.add_paragraph("Kunnskapsklynga Polyfon skal styrke musikkterapi.", style="Quote")
    document.add_heading("Endringer i Polyfon og i politisk og faglig kontekst i 2025", level=2)
    document.add_paragraph("Endringer i Polyfon:")
    document.add_paragraph("En ny klyngeavtale er gjort ferdig", style="List Bullet")
    document.add_paragraph("Fire nye klyngedeltakere", style="List Bullet")
    document.add_heading("Forklaringer til tabellene med tiltak", level=2)
    document.add_paragraph("Aktuelle tiltak er satt inn i tabeller under hvert kapittel.")

    document.add_heading("II) Realisering av en nasjonal funksjon", level=1)
    intro = document.add_paragraph("Som det går fram av ")
    add_link(intro, "Polyfons strategi", "https://example.org/strategi.pdf")
    intro.add_run(", skal klynga bidra ")
    intro.add_run("i hele landet").bold = True
    intro.add_run(".")
    document.add_heading("Knutepunkt", level=3)
    document.add_paragraph("Regionene Øst, Sør og Vest.")
    document.add_heading("Hvorfor er dette viktig?", level=2)
    document.add_paragraph("Et nasjonalt løft er nødvendig", style="List Bullet")
    document.add_paragraph("Nasjonal implementering er viktig", style="List Bullet")
    document.add_heading("Hvor bør klynga være i 2030?", level=2)
    document.add_paragraph("Velfungerende knutepunkt er etablert", style="List Bullet")
    document.add_heading("Aktuelle tiltak", level=2)
    add_measures(
        document,
        [
            ("1) Systematisk arbeid med å rekruttere", "2025", "ongoing"),
            ("2) Videre arbeid med søknad", "2025", "prioritised"),
            ("3) Et avslutta tiltak", "2019", "completed"),
            ("Samarbeid med erfarne brukere", "", "candidate"),
            ("Et nytt tiltak tatt opp i år", "2026", "prioritised"),
        ],
    )
    document.add_heading("Forutsetninger for å lykkes", level=2)
    document.add_paragraph("Kontinuerlig evaluering, se kap. X.", style="List Bullet")

    document.add_heading("V) Målsetting 2a: MT er integrert i tjenester", level=1)
    document.add_heading("Aktuelle tiltak", level=2)
    add_measures(
        document,
        [
            ("1) Informasjon om og rådgivning", "2015", "ongoing"),
            ("2) Et tiltak med feil år", "1850", "ongoing"),
            ("Initiativ til nasjonale samarbeidsprosesser", "", "candidate"),
        ],
    )
    document.add_heading("Forutsetninger for å lykkes", level=2)
    document.add_paragraph("Solid klyngeaktivitet", style="List Bullet")

    document.add_heading("X) Rullering: evaluering og prioritering", level=1)
    document.add_paragraph("Det legges opp til årlig rullering.")
    document.add_paragraph(
        "Tydelig prioritering: det vil alltid være flere behov.", style="List Bullet"
    )

    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_reads_the_exported_shape():
    parsed = parse_plan_docx(plan_docx())
    outline = parsed.outline
    assert outline.title == "Handlingsplan 2025-2030"
    assert outline.year == 2026
    assert outline.summary_introduction == "Denne handlingsplanen konkretiserer arbeidet."
    assert [c.numeral for c in outline.chapters] == ["I", "II", "V", "X"]
    assert [c.has_measures for c in outline.chapters] == [False, True, True, False]

    first, second, fifth, tenth = outline.chapters
    assert first.introduction == (
        "Polyfons Handlingsplan 2025-2030 bygger på strategien.\n\n"
        "> Kunnskapsklynga Polyfon skal styrke musikkterapi."
    )
    assert outline.context_changes == (
        "Endringer i Polyfon:\n\n- En ny klyngeavtale er gjort ferdig\n- Fire nye klyngedeltakere"
    )

    assert second.title == "Realisering av en nasjonal funksjon"
    assert second.short_title == "Nasjonal funksjon"
    assert second.introduction == (
        "Som det går fram av [Polyfons strategi](https://example.org/strategi.pdf), skal "
        "klynga bidra **i hele landet**.\n\n### Knutepunkt\n\nRegionene Øst, Sør og Vest."
    )
    assert second.why == ["Et nasjonalt løft er nødvendig", "Nasjonal implementering er viktig"]
    assert second.where_2030 == ["Velfungerende knutepunkt er etablert"]
    assert second.prerequisites == ["Kontinuerlig evaluering, se kap. X."]
    assert [(m.text, m.start_year, m.status) for m in second.measures] == [
        ("Systematisk arbeid med å rekruttere", 2025, "ongoing"),
        ("Videre arbeid med søknad", 2025, "prioritised"),
        ("Et avslutta tiltak", 2019, "completed"),
        ("Samarbeid med erfarne brukere", None, "candidate"),
        ("Et nytt tiltak tatt opp i år", 2026, "prioritised"),
    ]

    assert (fifth.goal_code, fifth.title) == ("Målsetting 2a", "MT er integrert i tjenester")
    assert [(m.start_year, m.status) for m in fifth.measures] == [
        (2015, "ongoing"),
        (None, "ongoing"),
        (None, "candidate"),
    ]
    assert any("1850" in warning for warning in parsed.warnings)

    assert tenth.summary_note == "Det legges opp til årlig rullering."
    assert tenth.introduction == (
        "Det legges opp til årlig rullering.\n\n"
        "- Tydelig prioritering: det vil alltid være flere behov."
    )


def add_markdown(document: Document, text: str) -> None:
    """The Markdown the outline holds, as the export writes it (headings, lists, quotes,
    links)."""
    for block in text.split("\n\n"):
        if block.startswith("### "):
            document.add_heading(block[4:], level=3)
        elif block.startswith("- "):
            for item in block.split("\n"):
                document.add_paragraph(item[2:], style="List Bullet")
        elif block.startswith("> "):
            document.add_paragraph(block[2:], style="Quote")
        else:
            paragraph = document.add_paragraph()
            position = 0
            for link in LINK.finditer(block):
                paragraph.add_run(block[position : link.start()])
                add_link(paragraph, link.group(1), link.group(2))
                position = link.end()
            paragraph.add_run(block[position:])


def outline_docx(outline: PlanOutline) -> bytes:
    """A whole plan in the export's shape."""
    document = docx.Document()
    document.add_paragraph(f"{outline.title} – rullert for {outline.year}", style="Title")
    document.add_heading(f"Sammendrag: Prioriterte tiltak i {outline.year}", level=1)
    add_markdown(document, outline.summary_introduction)
    for chapter in outline.chapters:
        document.add_heading(f"{chapter.numeral}) {chapter.short_title or chapter.title}", 2)
        for measure in chapter.measures:
            if measure.status == "prioritised":
                document.add_paragraph(measure.text, style="List Bullet")
        if chapter.summary_note:
            document.add_paragraph(chapter.summary_note)
    labels = [
        ("why", "Hvorfor er dette viktig?"),
        ("where_2030", "Hvor bør klynga være i 2030?"),
    ]
    for chapter in outline.chapters:
        heading = f"{chapter.goal_code}: {chapter.title}" if chapter.goal_code else chapter.title
        document.add_heading(f"{chapter.numeral}) {heading}", level=1)
        add_markdown(document, chapter.introduction)
        if chapter.numeral == "I":
            document.add_heading("Endringer i Polyfon og i politisk og faglig kontekst", level=2)
            add_markdown(document, outline.context_changes)
            document.add_heading("Forklaringer til tabellene med tiltak", level=2)
            document.add_paragraph("Aktuelle tiltak er satt inn i tabeller.")
        if not chapter.has_measures:
            continue
        for field, label in labels:
            document.add_heading(label, level=2)
            for point in getattr(chapter, field):
                document.add_paragraph(point, style="List Bullet")
        document.add_heading("Aktuelle tiltak", level=2)
        numbered = [m for m in chapter.measures if m.status != "candidate"]
        rows = [
            (f"{n}) {m.text}", str(m.start_year or ""), m.status)
            for n, m in enumerate(numbered, start=1)
        ]
        rows += [(m.text, "", m.status) for m in chapter.measures if m.status == "candidate"]
        add_measures(document, rows)
        document.add_heading("Forutsetninger for å lykkes", level=2)
        for point in chapter.prerequisites:
            document.add_paragraph(point, style="List Bullet")
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_the_demo_plan_comes_back_without_loss():
    plan = polyfon_2026()
    parsed = parse_plan_docx(outline_docx(plan))
    assert parsed.warnings == []
    assert parsed.outline == plan


def test_short_titles_and_summary_notes_come_back():
    plan = polyfon_2026()
    plan.chapters[1].short_title = "Nasjonal funksjon"
    plan.chapters[-1].summary_note = "Det legges opp til årlig rullering av denne planen."
    assert parse_plan_docx(outline_docx(plan)).outline == plan


def test_an_empty_document_has_no_chapters():
    data = io.BytesIO()
    docx.Document().save(data)
    parsed = parse_plan_docx(data.getvalue())
    assert parsed.outline.chapters == []
    assert parsed.warnings


def test_not_a_docx():
    rng = random.Random(7)
    for data in [b"", b"not a zip", bytes(rng.randrange(256) for _ in range(2000)), b"PK\x03\x04"]:
        parsed = parse_plan_docx(data)
        assert isinstance(parsed, ParsedPlan)
        assert parsed.outline.chapters == []
        assert parsed.warnings


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(data):
    parsed = parse_plan_docx(data)
    assert parsed.warnings
